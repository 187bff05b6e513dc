import { readFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Kind } from "../../src/index.js";
import { startServer, type RunningServer, type ServerOptions } from "../../src/server/index.js";

/** The key every test server accepts. */
export const KEY = "test-key-0123456789";

/** The `POST` path of each kind, as the OpenAPI document gives it. */
export const PATHS: Record<Kind, string> = {
  thrivestack: "/api/group",
  "thrivestack-legacy": "/legacy/api/group",
  segment: "/v1/group",
  "segment-batch": "/v1/batch",
};

const openapi = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "generated", "openapi.json"), "utf8")) as {
  paths: Record<string, { post: { requestBody: { content: { "application/json": { examples: Record<string, { value: unknown }> } } } } }>;
};

/** The first request example of a kind's operation in `generated/openapi.json`: a valid body. */
export function example(kind: Kind): unknown {
  const examples = openapi.paths[PATHS[kind]]!.post.requestBody.content["application/json"].examples;
  return Object.values(examples)[0]!.value;
}

/** The credential headers of a kind, as its dialect sends them. */
export function authHeaders(kind: Kind, key: string = KEY): Record<string, string> {
  if (kind === "thrivestack") return { "x-api-key": key };
  if (kind === "thrivestack-legacy") return { authorization: `Bearer ${key}` };
  return { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` };
}

/**
 * A server on 127.0.0.1 and a free port, accepting {@link KEY}, with rate limits too high to matter: every
 * test client is 127.0.0.1, so the per-address limit on failed authentications would couple the tests.
 */
export function startTestServer(options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const unlimited = { requests: 1_000_000 };
  return startServer({ apiKeys: [KEY], host: "127.0.0.1", port: 0, rateLimit: unlimited, authFailureLimit: unlimited, ...options });
}

/** An answer read whole: status, headers and the parsed JSON body (`undefined` when not JSON). */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  /** Tests read into the JSON freely, so it is not typed. */
  readonly body: any;
}

/** Options of {@link post}. */
export interface PostOptions {
  readonly key?: string | null;
  readonly gzip?: boolean;
  readonly headers?: Record<string, string>;
}

/** POSTs `body` (JSON-encoded unless already text or bytes) to a kind's path with its credentials. */
export async function post(server: RunningServer, kind: Kind, body: unknown, options: PostOptions = {}): Promise<Answer> {
  const text = typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.key !== null) Object.assign(headers, authHeaders(kind, options.key ?? KEY));
  let payload: string | Uint8Array = text;
  if (options.gzip) {
    payload = gzipSync(text);
    headers["content-encoding"] = "gzip";
  }
  return answer(await fetch(`${server.url}${PATHS[kind]}`, { method: "POST", headers, body: payload }));
}

/** GETs a path with the thrivestack key (or none with `key: null`). */
export async function get(server: RunningServer, path: string, key: string | null = KEY): Promise<Answer> {
  return answer(await fetch(`${server.url}${path}`, { headers: key === null ? {} : { "x-api-key": key } }));
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body };
}

/** What {@link postUnfinished} saw. */
export interface EarlyAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** Whether the server sent `100 Continue`. */
  readonly continued: boolean;
}

/**
 * Starts a POST over node:http, writes `sent` and never ends the body, and resolves with the answer as
 * soon as the server gives one: proof the server answered before reading the body whole. With a
 * `content-length` header the body is declared that long; without one it is sent chunked.
 */
export function postUnfinished(server: RunningServer, path: string, headers: Record<string, string>, sent: Buffer): Promise<EarlyAnswer> {
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = httpRequest(`${server.url}${path}`, { method: "POST", headers, agent: false });
    req.on("continue", () => {
      continued = true;
      req.write(sent);
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, continued });
        req.destroy();
      });
    });
    req.on("error", reject);
    if (headers["expect"] === undefined) req.write(sent);
    else req.flushHeaders();
  });
}
