import { request as httpRequest, type Agent, type IncomingHttpHeaders } from "node:http";
import { connect, type Socket } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** A seeded PRNG (mulberry32): the same seed gives the same sequence of floats in [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `work` on every item, at most `concurrency` at a time; the results in the items' order. */
export async function pool<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * How a request's body goes out: `end` writes it whole; `headers` sends the headers only and waits (for a
 * declared `Content-Length` the server should refuse unread); `stream` writes `chunk` over and over,
 * chunked, until the server answers or `streamLimit` bytes have gone.
 */
export type SendMode = "end" | "headers" | "stream";

/** One request for {@link exchange}. */
export interface Exchange {
  readonly url: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: Buffer;
  readonly mode?: SendMode;
  /** With mode `stream`: what is written each time (the body is then the chunks, `body` is ignored). */
  readonly chunk?: Buffer;
  /** With mode `stream`: stop writing (and end the body) after this many bytes. */
  readonly streamLimit?: number;
  /** `false` for a connection of its own, closed after the answer. */
  readonly agent: Agent | false;
  /** Give up (and report `timeout`) after this long. */
  readonly timeoutMs: number;
}

/** What came back: status 0 and an `error` when no answer came. */
export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** From the request's start to the answer's last byte. */
  readonly ms: number;
  /** Whether the server sent `100 Continue`. */
  readonly continued: boolean;
  readonly error?: string;
}

/**
 * Sends one request over node:http and reads the answer whole. Never rejects: a failure is a reply with
 * status 0. Once the answer is read, a request whose body was not (or not all) sent is destroyed, so no
 * connection is left open; a write the server no longer reads after answering is not an error.
 */
export function exchange(options: Exchange): Promise<Reply> {
  const started = performance.now();
  const mode = options.mode ?? "end";
  return new Promise((resolve) => {
    let continued = false;
    let answered = false;
    let done = false;
    const finish = (reply: Omit<Reply, "ms" | "continued">) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (mode !== "end") req.destroy();
      resolve({ ...reply, ms: performance.now() - started, continued });
    };
    const failed = (error: string) => finish({ status: 0, headers: {}, text: "", error });
    const req = httpRequest(options.url, { method: options.method ?? "POST", headers: options.headers ?? {}, agent: options.agent });
    const timer = setTimeout(() => failed("timeout"), options.timeoutMs);
    req.on("continue", () => {
      continued = true;
    });
    req.on("response", (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => finish({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", (error: NodeJS.ErrnoException) => failed(`response ${error.code ?? error.message}`));
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // EPIPE / ECONNRESET on a body the server has already answered (and stopped reading) is expected.
      if (!answered) failed(`request ${error.code ?? error.message}`);
    });
    if (mode === "end") req.end(options.body);
    else if (mode === "headers") req.flushHeaders();
    else stream(req, options.chunk ?? Buffer.alloc(64 * 1024, 0x20), options.streamLimit ?? 4 * 1024 * 1024, () => answered || done);
  });
}

function stream(req: ReturnType<typeof httpRequest>, chunk: Buffer, limit: number, stop: () => boolean): void {
  let sent = 0;
  const write = () => {
    while (!stop() && !req.destroyed) {
      if (sent >= limit) return void req.end();
      sent += chunk.length;
      if (!req.write(chunk)) return void req.once("drain", write);
    }
  };
  write();
}

/**
 * A function that runs a full garbage collection: `global.gc` when node runs with `--expose-gc`, otherwise
 * the same function obtained through `v8.setFlagsFromString` (as Jest's leak detection does).
 */
export function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/** `heapUsed` and the memory of Buffers after full collections, once the heap has settled. */
export async function settledMemory(gc: () => void): Promise<{ heap: number; buffers: number }> {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    gc();
  }
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heap: heapUsed, buffers: arrayBuffers };
}

/** What a raw connection saw: everything the server wrote, and when it closed (ms after opening). */
export interface Seen {
  readonly text: string;
  /** `Infinity` when it was still open after the wait. */
  readonly closedAfterMs: number;
}

/**
 * Opens a raw TCP connection to `url`'s host and port, writes `first` once connected, and reports what the
 * server wrote until it closed the connection or `waitMs` passed. For what node:http's client cannot send:
 * headers cut off mid-line, a body trickled byte by byte. The caller destroys `socket`.
 */
export function rawConnection(url: string, first: string, waitMs: number): { socket: Socket; seen: Promise<Seen> } {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  const socket = connect(Number(port), hostname, () => socket.write(first));
  let text = "";
  socket.on("data", (chunk: Buffer) => (text += chunk.toString("latin1")));
  // A reset is an outcome the test reads from `seen`, not an error to throw.
  socket.on("error", () => {});
  const seen = new Promise<Seen>((resolve) => {
    const timer = setTimeout(() => resolve({ text, closedAfterMs: Infinity }), waitMs);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ text, closedAfterMs: performance.now() - started });
    });
  });
  return { socket, seen };
}

/** The head of a `POST` to `url` with `headers` and a `Content-Length` of `length`, the body still to come. */
export function requestHead(url: string, headers: Record<string, string>, length: number): string {
  const { host, pathname } = new URL(url);
  const all = { host, ...headers, "content-length": String(length) };
  return `POST ${pathname} HTTP/1.1\r\n${Object.entries(all).map(([name, value]) => `${name}: ${value}\r\n`).join("")}\r\n`;
}

/** Writes `body` in `parts` pieces, `gapMs` apart, the first after one gap. */
export async function trickle(socket: Socket, body: string, parts: number, gapMs: number): Promise<void> {
  const size = Math.ceil(body.length / parts);
  for (let i = 0; i < body.length; i += size) {
    await new Promise((resolve) => setTimeout(resolve, gapMs));
    socket.write(body.slice(i, i + size));
  }
}
