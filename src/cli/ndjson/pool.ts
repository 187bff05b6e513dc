import { Worker } from "node:worker_threads";
import type { LineSettings } from "./check-lines.js";
import { READY, type Job, type JobDone, type WorkerMessage } from "./job.js";
import { WorkerStopped } from "./worker-stopped.js";

/** Where a worker's code is: a module URL, or (`eval`) the source of a script that loads it. */
export type WorkerEntry = { readonly url: URL } | { readonly eval: string };

/** The size of a job's memory, unless a piece is larger: a file's read size. */
const JOB_BYTES = 1024 * 1024;

interface Waiting {
  resolve(done: JobDone): void;
  reject(error: WorkerStopped): void;
}

interface Slot {
  readonly worker: Worker;
  readonly waiting: Map<number, Waiting>;
}

/**
 * `size` worker threads that check runs of lines with the same settings. A job goes to the worker with the
 * fewest waiting; each answers in the order it was given work. A worker that fails or exits fails every job
 * waiting anywhere, and every later one, with {@link WorkerStopped}: nothing waits forever on a dead worker.
 */
export class WorkerPool {
  readonly #slots: Slot[] = [];
  #nextId = 0;
  #failure: WorkerStopped | undefined;
  #closing = false;
  readonly #free: ArrayBuffer[] = [];
  #ready = 0;

  constructor(size: number, settings: LineSettings, entry: WorkerEntry = builtWorker()) {
    for (let i = 0; i < size; i++) {
      const worker = "url" in entry ? new Worker(entry.url, { workerData: settings }) : new Worker(entry.eval, { eval: true, workerData: settings });
      const slot: Slot = { worker, waiting: new Map() };
      worker.on("message", (done: WorkerMessage) => {
        if (done === READY) {
          this.#ready++;
          return;
        }
        if (done.bytes?.buffer instanceof ArrayBuffer) this.#recycle(done.bytes.buffer);
        const waiting = slot.waiting.get(done.id);
        slot.waiting.delete(done.id);
        waiting?.resolve(done);
      });
      worker.on("error", (error: Error) => this.#fail(`An NDJSON worker failed: ${error.message}`));
      worker.on("messageerror", (error: Error) => this.#fail(`An NDJSON worker sent an unreadable message: ${error.message}`));
      worker.on("exit", (code) => {
        if (!this.#closing) this.#fail(`An NDJSON worker exited unexpectedly (exit code ${code}).`);
      });
      this.#slots.push(slot);
    }
  }

  /** Whether every worker has loaded its code: until then a job waits for it. */
  get ready(): boolean {
    return this.#ready === this.#slots.length;
  }

  /** Whether every worker has `jobs` or more jobs waiting. */
  full(jobs: number): boolean {
    return this.#slots.every((slot) => slot.waiting.size >= jobs);
  }

  /**
   * Checks whole lines in a worker. `bytes` is copied at once (the caller may reuse its memory) into memory
   * that goes to the worker and comes back with the answer, to be reused: a fresh megabyte per job would cost
   * its page faults every time.
   */
  run(bytes: Uint8Array, firstLine: number, file: string): Promise<JobDone> {
    if (this.#failure) return Promise.reject(this.#failure);
    const slot = this.#slots.reduce((best, next) => (next.waiting.size < best.waiting.size ? next : best));
    const memory = this.#memory(bytes.length);
    const own = new Uint8Array(memory, 0, bytes.length);
    own.set(bytes);
    const job: Job = { id: this.#nextId++, file, firstLine, bytes: own };
    return new Promise<JobDone>((resolve, reject) => {
      slot.waiting.set(job.id, { resolve, reject });
      slot.worker.postMessage(job, [memory]);
    });
  }

  /** Memory for a job: a returned buffer that is big enough, or a new one of at least {@link JOB_BYTES}. */
  #memory(size: number): ArrayBuffer {
    const at = this.#free.findIndex((memory) => memory.byteLength >= size);
    if (at !== -1) return this.#free.splice(at, 1)[0]!;
    return new ArrayBuffer(Math.max(size, JOB_BYTES));
  }

  #recycle(memory: ArrayBuffer): void {
    // As many as can be in flight at once (3 per worker), and one more; past that, left to the collector.
    if (this.#free.length <= this.#slots.length * 3) this.#free.push(memory);
  }

  /** Stops every worker; jobs still waiting are failed. */
  async close(): Promise<void> {
    this.#closing = true;
    this.#rejectAll(new WorkerStopped("The NDJSON workers were stopped."));
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }

  #fail(message: string): void {
    if (this.#failure || this.#closing) return;
    this.#failure = new WorkerStopped(message);
    this.#rejectAll(this.#failure);
    this.#closing = true;
    for (const slot of this.#slots) void slot.worker.terminate();
  }

  #rejectAll(error: WorkerStopped): void {
    for (const slot of this.#slots) {
      for (const waiting of slot.waiting.values()) waiting.reject(error);
      slot.waiting.clear();
    }
  }
}

/**
 * The worker next to this module: `dist/ndjson-worker.js` beside the bundled CLI, or `worker.ts` when the CLI
 * runs from source (tsx, vitest). Node 20 applies no `--import` loader to a worker's entry module, so from
 * source a small script loads the worker through tsx's API instead.
 */
function builtWorker(): WorkerEntry {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return { url: new URL("./ndjson-worker.js", here) };
  const api = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const worker = JSON.stringify(new URL("./worker.ts", here).href);
  return { eval: `import(${api}).then((tsx) => tsx.tsImport(${worker}, ${worker}));` };
}
