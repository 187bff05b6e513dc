import { refuse, refuseEarly, tooLarge, type BodyResult } from "../server/body-result.js";

/**
 * Reads a web-standard `Request`'s body of at most `maxBytes`, as received or gzip-inflated
 * (`DecompressionStream`, so it runs wherever `Request` does): the same rules as the node:http reader. A
 * `Content-Length` over the limit is refused before a byte is read; otherwise bytes are counted as they
 * arrive, on the wire and inflated, and reading stops at the first byte over the limit, so a gzip bomb costs
 * at most `maxBytes` of inflating. Never rejects.
 */
export async function readWebBody(request: Request, maxBytes: number): Promise<BodyResult> {
  const early = refuseEarly(request.headers.get("content-encoding") ?? undefined, request.headers.get("content-length") ?? undefined, maxBytes);
  if (typeof early === "object") return early;
  const gzip = early === "gzip";
  if (request.body === null) return { ok: true, bytes: new Uint8Array(0) };
  let wire = 0;
  const counted = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      wire += chunk.byteLength;
      if (wire > maxBytes) controller.error(new RangeError("over the limit"));
      else controller.enqueue(chunk);
    },
  });
  let stream = request.body.pipeThrough(counted);
  if (gzip) stream = stream.pipeThrough(new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        reader.cancel().catch(() => {});
        return tooLarge(size, maxBytes, gzip ? "inflated " : "", true);
      }
      chunks.push(value);
    }
  } catch {
    if (wire > maxBytes) return tooLarge(wire, maxBytes, gzip ? "compressed " : "", true);
    return gzip ? refuse("invalid_gzip", "The body is not valid gzip data.") : refuse("aborted", "The request was aborted.");
  }
  return { ok: true, bytes: concat(chunks, size) };
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
