import type { IncomingMessage } from "node:http";
import { createGunzip, type Gunzip } from "node:zlib";

/** Why a request body was not read: too large, an encoding the server does not speak, or broken gzip. */
export type BodyProblem = "too_large" | "unsupported_encoding" | "invalid_gzip" | "aborted";

/** The outcome of {@link readBody}: the body's (inflated) bytes, or why there are none. */
export type BodyResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly problem: BodyProblem; readonly message: string };

/**
 * Reads a request body of at most `maxBytes`, as received (`identity`) or gzip-inflated
 * (`Content-Encoding: gzip`). A `Content-Length` over the limit is refused before a byte is read; otherwise
 * bytes are counted as they arrive, on the wire and after inflating, and reading stops at the first byte
 * over the limit, so a gzip bomb costs at most `maxBytes` of inflating. `beforeReading` runs once the headers
 * pass (to send `100 Continue`). Never rejects.
 */
export function readBody(request: IncomingMessage, maxBytes: number, beforeReading: () => void = () => {}): Promise<BodyResult> {
  const refused = refuseEarly(request.headers["content-encoding"], request.headers["content-length"], maxBytes);
  if (typeof refused === "object") return Promise.resolve(refused);
  beforeReading();
  return new Promise((resolve) => collect(request, refused === "gzip" ? createGunzip() : undefined, maxBytes, resolve));
}

/**
 * What the headers alone decide, for any transport: the body's encoding (`identity` or `gzip`), or the refusal
 * of an encoding this package does not speak or of a declared `Content-Length` over `maxBytes`.
 */
export function refuseEarly(contentEncoding: string | undefined, contentLength: string | undefined, maxBytes: number): "identity" | "gzip" | BodyResult {
  const encoding = (contentEncoding ?? "identity").trim().toLowerCase();
  const gzip = encoding === "gzip" || encoding === "x-gzip";
  if (!gzip && encoding !== "identity" && encoding !== "") {
    return refuse("unsupported_encoding", `Content-Encoding "${encoding.slice(0, 40)}" is not supported; send the body as is or gzip it.`);
  }
  const declared = Number(contentLength ?? NaN);
  if (declared > maxBytes) return tooLarge(declared, maxBytes, gzip ? "compressed " : "");
  return gzip ? "gzip" : "identity";
}

function collect(request: IncomingMessage, gunzip: Gunzip | undefined, maxBytes: number, resolve: (result: BodyResult) => void): void {
  const chunks: Buffer[] = [];
  let wire = 0;
  let size = 0;
  let settled = false;
  const settle = (result: BodyResult) => {
    if (settled) return;
    settled = true;
    request.off("data", onWire);
    if (!result.ok) {
      request.pause();
      gunzip?.destroy();
    }
    resolve(result);
  };
  const onBytes = (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) return settle(tooLarge(size, maxBytes, gunzip ? "inflated " : "", true));
    chunks.push(chunk);
  };
  const onWire = (chunk: Buffer) => {
    wire += chunk.length;
    if (wire > maxBytes) return settle(tooLarge(wire, maxBytes, gunzip ? "compressed " : "", true));
    if (!gunzip) return onBytes(chunk);
    // Inflating is asynchronous: pause the socket until the inflater has room, so memory stays bounded.
    if (!gunzip.write(chunk)) {
      request.pause();
      gunzip.once("drain", () => settled || request.resume());
    }
  };
  request.on("data", onWire);
  request.on("error", () => settle(refuse("aborted", "The request was aborted.")));
  request.on("close", () => request.complete || settle(refuse("aborted", "The request was aborted.")));
  if (gunzip) {
    gunzip.on("data", onBytes);
    gunzip.on("error", () => settle(refuse("invalid_gzip", "The body is not valid gzip data.")));
    gunzip.on("end", () => settle({ ok: true, bytes: Buffer.concat(chunks) }));
    request.on("end", () => settled || gunzip.end());
  } else {
    request.on("end", () => settle({ ok: true, bytes: Buffer.concat(chunks) }));
  }
}

export function refuse(problem: BodyProblem, message: string): BodyResult {
  return { ok: false, problem, message };
}

export function tooLarge(bytes: number, limit: number, what: string, atLeast = false): BodyResult {
  const size = atLeast ? `more than ${limit}` : String(bytes);
  return refuse("too_large", `The ${what}body is ${size} bytes; the limit is ${limit} bytes.`);
}
