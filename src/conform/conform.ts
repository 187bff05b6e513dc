import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { DIALECTS } from "../../generated/dialects.js";
import type { CorpusCase } from "../corpus/corpus.js";
import { Checker, type Check } from "../json-schema/checker.js";
import { at, child, type Json } from "../json-schema/json.js";
import type { Kind } from "../validate.js";
import { conformCases } from "./cases.js";
import type { CaseResult, ConformCase } from "./conform-case.js";
import { credentialHeaders } from "./credentials.js";
import { judge, type Envelopes } from "./judge.js";
import { send, type Answer } from "./send.js";

/** Options of {@link conform}. */
export interface ConformOptions {
  /** The implementation's base URL; the kind's path is appended and nothing else is ever asked. */
  readonly url: URL;
  readonly kind: Kind;
  readonly key: string;
  readonly corpus: readonly CorpusCase[];
  /** The OpenAPI document whose response schemas the envelopes must match. */
  readonly openapi: Json;
  /** Requests in flight at once (1..64). */
  readonly concurrency: number;
  /** Per request, whole exchange. */
  readonly timeoutMs: number;
}

/** The outcome of a run: each case's result, in corpus order, and the counts. */
export interface ConformReport {
  readonly url: string;
  readonly kind: Kind;
  readonly results: readonly CaseResult[];
  readonly passed: number;
  readonly failed: number;
  readonly warnings: number;
}

/** How often a 429 is retried. */
export const RETRIES_ON_429 = 3;
/** The longest wait before a retry (a 429's `Retry-After`, capped). */
export const MAX_RETRY_WAIT_MS = 5000;

/**
 * Sends every case of one kind to a running implementation, `concurrency` at a time, and judges each answer
 * (status, envelope schema, issue paths as a warning). A 429 is waited out and retried, so a rate limit is
 * not read as a wrong answer. Never throws for an implementation's behaviour: every problem is a case's error.
 */
export async function conform(options: ConformOptions): Promise<ConformReport> {
  const dialect = DIALECTS[options.kind];
  const target = new URL(options.url.href);
  let base = target.pathname;
  // A loop, not /\/+$/: that regex backtracks quadratically on a long run of slashes followed by another character.
  while (base.endsWith("/")) base = base.slice(0, -1);
  target.pathname = `${base}${dialect.path}`;
  target.search = "";
  target.hash = "";
  const envelopes = envelopeChecks(options.openapi, dialect.path, dialect.method.toLowerCase());
  const agent = new (target.protocol === "https:" ? HttpsAgent : HttpAgent)({ keepAlive: true, maxSockets: options.concurrency });
  const cases = conformCases(options.corpus);
  const results: CaseResult[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < cases.length; i = next++) {
      const c = cases[i]!;
      const started = performance.now();
      const answer = await sendWithRetries(target, credentialHeaders(dialect.security, options.key, c.credentials), c, options.timeoutMs, agent);
      results[i] = judge(c, answer, envelopes, Math.round(performance.now() - started));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, cases.length) }, worker));
  } finally {
    agent.destroy();
  }
  const failed = results.filter((r) => !r.ok).length;
  return {
    url: target.href,
    kind: options.kind,
    results,
    passed: results.length - failed,
    failed,
    warnings: results.reduce((n, r) => n + r.warnings.length, 0),
  };
}

async function sendWithRetries(url: URL, headers: Record<string, string>, c: ConformCase, timeoutMs: number, agent: HttpAgent): Promise<Answer> {
  let answer = await send(url, headers, c.text, timeoutMs, agent);
  for (let retry = 0; retry < RETRIES_ON_429 && "status" in answer && answer.status === 429; retry++) {
    const seconds = Number(answer.retryAfter);
    const wait = Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, MAX_RETRY_WAIT_MS) : 1000;
    await new Promise((done) => setTimeout(done, wait));
    answer = await send(url, headers, c.text, timeoutMs, agent);
  }
  return answer;
}

/**
 * The response schema of each documented status of the operation, compiled once each. Formats are not asserted:
 * the envelope's shape is the contract here, and a body echoed in it (the legacy `data`) was judged by the status.
 */
function envelopeChecks(openapi: Json, path: string, method: string): Envelopes {
  const checker = new Checker(new Map([["doc", openapi]]), { formats: false });
  const cache = new Map<number, Check | undefined>();
  return (status) => {
    if (cache.has(status)) return cache.get(status);
    const pointer = child(child(child(child(child(child("/paths", path), method), "responses"), String(status)), "content"), "application/json") + "/schema";
    let check: Check | undefined;
    if (at(openapi, pointer) !== undefined) {
      try {
        check = checker.check("doc", pointer);
      } catch {
        check = undefined;
      }
    }
    cache.set(status, check);
    return check;
  };
}
