import type { IncomingMessage } from "node:http";
import { createGunzip, type Gunzip } from "node:zlib";
import { refuse, refuseEarly, tooLarge, type BodyResult } from "./body-result.js";

export type { BodyProblem, BodyResult } from "./body-result.js";

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
