import { availableParallelism, loadavg } from "node:os";
import { addAbortSignal, Readable } from "node:stream";
import { ReadError } from "../read-error.js";
import { fileReads } from "./file-reads.js";
import { checkLines, oversizedLine, type LineSettings, type LinesOutcome } from "./check-lines.js";
import { OrderedSink } from "./ordered-sink.js";
import { pieces, type Piece } from "./pieces.js";
import { WorkerPool, type WorkerEntry } from "./pool.js";

/** `--jobs`: how many threads check lines, the main one and the rest workers; `auto` decides by size. */
export type Jobs = number | "auto";

/** Internal knobs, for tests: smaller pieces force many of them; another worker entry tests a crash. */
export interface NdjsonTuning {
  /** Bytes per read of a file and target bytes per piece (default 1 MiB). */
  readonly pieceBytes?: number;
  /** Input read before `auto` starts workers (default {@link AUTO_THRESHOLD_BYTES}). */
  readonly autoBytes?: number;
  /** The load average `auto` decides with (default: the last minute's, from `os.loadavg()`). */
  readonly load?: number;
  readonly worker?: WorkerEntry;
}

/** Bytes per read and per piece: big enough that handing a piece to a worker costs ~1 % of checking it. */
export const PIECE_BYTES = 1024 * 1024;

/**
 * With `--jobs auto`, input read before a worker starts: below it, starting one (it loads the validators and
 * warms them up again) would cost more than it saves, so small inputs are checked on the main thread alone.
 * Past it the main thread goes on checking until the worker is ready, then shares the work with it.
 */
export const AUTO_THRESHOLD_BYTES = 4 * PIECE_BYTES;

/** Smallest read of a file, whatever the piece size. */
const MIN_READ_BYTES = 64 * 1024;

/**
 * Pieces in flight per worker: one being checked and two queued, enough to keep a worker busy while the main
 * thread checks a piece of its own.
 */
const IN_FLIGHT_PER_WORKER = 3;

/**
 * Pieces the main thread may check ahead of the oldest piece a worker still has: its verdicts wait to be
 * printed in order, so this bounds them, while letting the main thread go on when a worker is slow.
 */
const MAIN_AHEAD = 4;

interface Printed {
  readonly data: string | Uint8Array;
  readonly valid: number;
  readonly invalid: number;
}

/**
 * Validates NDJSON files (or standard input, `-`), one body per non-empty line, and prints the verdicts in
 * input order, one write per piece of lines. Returns the counts. The main thread hands a piece to a worker
 * that has room and checks it itself when none has, so it is never idle while there is work and a slow
 * worker slows nobody. Memory: on the main thread alone, one piece (≤ 1 MiB read + one line ≤ the body limit)
 * and its verdicts; with N-1 workers, at most 3·(N-1)+4 pieces and their verdicts. A worker that fails is a
 * {@link WorkerStopped} error; a file that cannot be read is a {@link ReadError} thrown after the verdicts of
 * everything before it are printed.
 */
export async function validateNdjson(
  files: readonly string[],
  io: { readonly stdin: NodeJS.ReadableStream; readonly stdout: NodeJS.WritableStream },
  settings: LineSettings,
  jobs: Jobs,
  tuning: NdjsonTuning = {},
): Promise<{ valid: number; invalid: number }> {
  const pieceBytes = tuning.pieceBytes ?? PIECE_BYTES;
  // The main thread is one of the jobs: it checks a piece whenever every worker has its fill.
  const workers = (jobs === "auto" ? autoThreads(tuning.load ?? loadavg()[0]!) : jobs) - 1;
  const threshold = jobs === "auto" ? (tuning.autoBytes ?? AUTO_THRESHOLD_BYTES) : 0;
  const counts = { valid: 0, invalid: 0 };
  const stop = new AbortController();
  let sink = new OrderedSink<Printed>(print, 1, () => stop.abort());
  let booting: WorkerPool | undefined;
  let pool: WorkerPool | undefined;
  let read = 0;

  async function print(printed: Printed): Promise<void> {
    counts.valid += printed.valid;
    counts.invalid += printed.invalid;
    await write(io.stdout, printed.data);
  }

  try {
    for (const file of files) {
      const source = file === "-" ? stoppable(io.stdin, stop.signal) : fileReads(file, Math.max(pieceBytes, MIN_READ_BYTES), stop.signal);
      for await (const piece of pieces(source, { maxLineBytes: settings.maxBytes, pieceBytes })) {
        if (booting === undefined && workers > 0 && piece.type === "lines" && (read += piece.bytes.length) > threshold) {
          booting = new WorkerPool(workers, settings, tuning.worker);
        }
        // `auto` checks on this thread while the workers load; a number of jobs asks for the workers at once.
        if (pool === undefined && booting !== undefined && (booting.ready || jobs !== "auto")) {
          await sink.finish();
          pool = booting;
          sink = new OrderedSink<Printed>(print, IN_FLIGHT_PER_WORKER * workers + MAIN_AHEAD, () => stop.abort());
        }
        await sink.push(check(piece, file, settings, pool?.full(IN_FLIGHT_PER_WORKER) ? undefined : pool));
      }
    }
    await sink.finish();
  } catch (error) {
    // A stopped worker aborts the reading: report the worker, not the abort.
    const failure = sink.failure;
    if (failure) throw failure.error;
    if (error instanceof ReadError) await sink.finish();
    throw error;
  } finally {
    await booting?.close();
  }
  return counts;
}

/**
 * `--jobs auto`: two threads where a core is free for the second. On a machine whose cores are all busy
 * (a load average above cores − 1.5, counting this process) a worker only takes time from the main thread:
 * measured here with 7 runnable tasks on 2 cores, `--jobs 2` took 1.1–1.3× the wall time of `--jobs 1`.
 */
function autoThreads(load: number): number {
  const cores = availableParallelism();
  return cores >= 2 && load <= cores - 1.5 ? 2 : 1;
}

function check(piece: Piece, file: string, settings: LineSettings, pool: WorkerPool | undefined): Printed | Promise<Printed> {
  if (piece.type === "oversized") return printed(oversizedLine(file, piece.line, piece.size, settings));
  if (pool) return pool.run(piece.bytes, piece.firstLine, file);
  return printed(checkLines(piece.bytes, piece.firstLine, file, settings));
}

function printed(outcome: LinesOutcome): Printed {
  return { data: outcome.text, valid: outcome.valid, invalid: outcome.invalid };
}

/** Standard input, destroyed when `signal` aborts, so that a stopped worker never waits on a silent pipe. */
function stoppable(stdin: NodeJS.ReadableStream, signal: AbortSignal): AsyncIterable<Buffer> {
  if (stdin instanceof Readable) addAbortSignal(signal, stdin);
  return stdin as AsyncIterable<Buffer>;
}

/** Writes and, when the stream's buffer is full, waits for it to drain (or to close or fail). */
function write(stream: NodeJS.WritableStream, data: string | Uint8Array): Promise<void> {
  if (data.length === 0 || stream.write(data)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      stream.off("error", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
    stream.on("error", done);
  });
}
