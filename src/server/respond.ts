import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpResponse } from "../responses/http-response.js";

/** Headers on every response: no MIME sniffing, and no URL (with its group id) leaks to another site. */
const COMMON = { "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" } as const;

/**
 * Writes a response given as data (what `errorResponse` and `successResponse` return) as JSON. `close` asks
 * the client to close the connection, for answers sent before the request body was read. Does nothing when
 * an answer has gone already: a shutdown answers requests still in flight at the end of its grace period.
 */
export function send(res: ServerResponse, response: HttpResponse<unknown>, close = false): void {
  if (res.headersSent) return;
  const text = JSON.stringify(response.body);
  const headers = answerHeaders(response);
  if (close) headers["connection"] = "close";
  headers["content-length"] = String(Buffer.byteLength(text));
  res.writeHead(response.status, headers);
  res.end(text);
}

/** The headers of a JSON answer, whatever writes it: the common ones, `no-store`, then the response's own. */
export function answerHeaders(response: HttpResponse<unknown>): Record<string, string> {
  return { ...COMMON, "cache-control": "no-store", ...response.headers };
}

/**
 * A status no dialect's envelope has (404, 405), as plain JSON: `{"error":{"code","message"}}`.
 */
export function plainError(status: number, code: string, message: string, headers: Record<string, string> = {}): HttpResponse<unknown> {
  return { status, headers: { "content-type": "application/json; charset=utf-8", ...headers }, body: { error: { code, message } } };
}

/** Writes a file's bytes with its type; `HEAD` gets the headers only. */
export function sendFile(res: ServerResponse, type: string, bytes: Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(200, { ...COMMON, "content-type": type, "content-length": String(bytes.length), ...headers });
  res.end(res.req.method === "HEAD" ? undefined : bytes);
}

/**
 * Whether the request carries a body not yet read: an answer sent now closes the connection rather than
 * read a body, perhaps a large one, only to throw it away.
 */
export function bodyUnread(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  const hasBody = req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
  return hasBody && !req.complete;
}
