import type { Server, ServerResponse } from "node:http";
import { plainError, send } from "./respond.js";

/** After the grace period, how long the 503 answers get to be written before every connection is cut. */
const FLUSH_MS = 500;

/**
 * The requests in flight, and the server's graceful close: stop accepting, let what is in flight finish
 * within a grace period, then answer what is left with 503 and close every connection. Every request that
 * reached the handler gets an HTTP answer; none is reset while it could still finish.
 */
export class Drain {
  readonly #inFlight = new Set<ServerResponse>();
  #closing: Promise<void> | undefined;

  /** How many requests are being answered now. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Follows `res` until it is sent; during a shutdown its answer also closes the connection. */
  track(res: ServerResponse): void {
    this.#inFlight.add(res);
    res.once("close", () => this.#inFlight.delete(res));
    if (this.#closing !== undefined) closeAfter(res);
  }

  /** Closes `server` gracefully within `graceMs` (and {@link FLUSH_MS}); a second call joins the first. */
  close(server: Server, graceMs: number): Promise<void> {
    this.#closing ??= this.#close(server, graceMs);
    return this.#closing;
  }

  async #close(server: Server, graceMs: number): Promise<void> {
    // Answers from now on end their connection, so a keep-alive client does not hold the server open.
    for (const res of this.#inFlight) closeAfter(res);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<"grace">((resolve) => (timer = setTimeout(resolve, graceMs, "grace")));
    if ((await Promise.race([closed, graceOver])) === "grace") {
      for (const res of this.#inFlight) send(res, plainError(503, "shutting_down", "The server is shutting down; retry later.", { "retry-after": "5" }), true);
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, FLUSH_MS))]);
      server.closeAllConnections();
      await closed;
    }
    clearTimeout(timer);
  }
}

function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader("connection", "close");
}
