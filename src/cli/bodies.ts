import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Kind } from "../../generated/validators/index.js";
import { DEFAULT_LIMITS } from "../limits.js";
import type { Result } from "../validate.js";
import { validateJson } from "../validate-json.js";
import { ReadError } from "./read-error.js";

/** One body read from a file or standard input: its bytes, or how many bytes it had past the limit. */
export interface BodyInput {
  readonly file: string;
  /** The bytes, or `undefined` when the body was larger than `maxBytes` and was not kept. */
  readonly bytes: Uint8Array | undefined;
  readonly size: number;
}

function open(file: string, stdin: NodeJS.ReadableStream): AsyncIterable<Buffer> {
  if (file === "-") return stdin as AsyncIterable<Buffer>;
  const stream = createReadStream(file);
  return (async function* () {
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (error) {
      throw new ReadError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  })();
}

/**
 * A whole file (or standard input) as one body. A file larger than `maxBytes` is not read at all; standard
 * input is read up to the limit and counted past it.
 */
export async function wholeBody(file: string, stdin: NodeJS.ReadableStream, maxBytes: number): Promise<BodyInput> {
  if (file !== "-") {
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
      throw new ReadError(`Cannot read ${file}: ${error.code ?? error.message}`);
    });
    if (!info.isFile()) throw new ReadError(`Cannot read ${file}: not a file`);
    if (info.size > maxBytes) return { file, bytes: undefined, size: info.size };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of open(file, stdin)) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  return { file, bytes: size <= maxBytes ? Buffer.concat(chunks) : undefined, size };
}

/**
 * `validateJson` on a body read by {@link wholeBody}, or the `too_large` issue of
 * one that was larger than the body limit and so was never kept.
 */
export function checkBody<K extends Kind>(kind: K, input: BodyInput, maxIssues?: number): Result<K> {
  if (input.bytes === undefined) {
    const message = `The body is ${input.size} bytes; the limit is ${DEFAULT_LIMITS.bodyBytes} bytes.`;
    return { ok: false, issues: [{ path: "", code: "too_large", message }] };
  }
  return validateJson(kind, input.bytes, maxIssues === undefined ? {} : { maxIssues });
}
