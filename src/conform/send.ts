import { request as httpRequest, type Agent } from "node:http";
import { request as httpsRequest } from "node:https";

/** The most response bytes kept; a longer answer is cut there (and will not parse as JSON). */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** An answer: status, `Retry-After`, and the body's text (`truncated` past {@link MAX_ANSWER_BYTES}); or why none came. */
export type Answer =
  | { readonly status: number; readonly retryAfter?: string; readonly text: string; readonly truncated: boolean }
  | { readonly error: string };

/**
 * POSTs `text` to `url` with `headers` and resolves with the answer, never rejects. No redirect is followed (a
 * 3xx is an answer like any other), so nothing is sent to another address. An answer sent before the whole
 * body was written (a 413 sent early) still counts; `timeoutMs` bounds the whole exchange.
 */
export function send(url: URL, headers: Record<string, string>, text: string, timeoutMs: number, agent: Agent): Promise<Answer> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const request = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) },
      agent,
    });
    const timer = setTimeout(() => {
      finish({ error: `no answer within ${timeoutMs} ms` });
      request.destroy();
    }, timeoutMs);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const retryAfter = response.headers["retry-after"];
        const text = Buffer.concat(chunks).toString("utf8");
        finish({ status: response.statusCode ?? 0, text, truncated: size >= MAX_ANSWER_BYTES, ...(retryAfter !== undefined && { retryAfter }) });
      };
      response.on("data", (chunk: Buffer) => {
        if (size < MAX_ANSWER_BYTES) chunks.push(chunk.subarray(0, MAX_ANSWER_BYTES - size));
        size += chunk.length;
        // Past the cap the rest is not read: the answer is what came, marked as cut.
        if (size >= MAX_ANSWER_BYTES) {
          done();
          response.destroy();
        }
      });
      response.on("end", done);
      // A server that answers early may close before its answer is read to the end: what came is the answer.
      response.on("error", done);
      response.on("aborted", done);
    });
    request.on("error", (error) => finish({ error: `no answer: ${error.message}` }));
    request.end(text);
  });
}
