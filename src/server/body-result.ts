// What reading a request body can come to, and what its headers alone decide: shared by the node:http reader
// (body.ts) and the web `Request` reader (handler/web-body.ts), and free of node:zlib for the latter.

/** Why a request body was not read: too large, an encoding the server does not speak, or broken gzip. */
export type BodyProblem = "too_large" | "unsupported_encoding" | "invalid_gzip" | "aborted";

/** The outcome of reading a body (`readBody`, `readWebBody`): the body's (inflated) bytes, or why there are none. */
export type BodyResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly problem: BodyProblem; readonly message: string };

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

export function refuse(problem: BodyProblem, message: string): BodyResult {
  return { ok: false, problem, message };
}

export function tooLarge(bytes: number, limit: number, what: string, atLeast = false): BodyResult {
  const size = atLeast ? `more than ${limit}` : String(bytes);
  return refuse("too_large", `The ${what}body is ${size} bytes; the limit is ${limit} bytes.`);
}
