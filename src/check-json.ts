import { DIALECTS } from "../generated/dialects.js";
import type { Kind } from "../generated/validators/index.js";
import type { Issue } from "./issue.js";
import { surelyWithin } from "./json/bounds.js";
import { scanJson } from "./json/scan.js";
import { utf8Length } from "./json/utf8-length.js";
import { DEFAULT_LIMITS, messagesOf, type Limits } from "./limits.js";
import { eachTraits, traitsPath } from "./traits/locate.js";
import { check, type GeneratedValidator, type Result, type ValidateOptions } from "./check.js";

/** Options of `validateJson`. */
export interface ValidateJsonOptions extends ValidateOptions {
  /** Limits to apply instead of {@link DEFAULT_LIMITS}, each on its own. */
  readonly limits?: Partial<Limits>;
}

const decoder = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Checks a request body as received, text or UTF-8 bytes, with one kind's generated validator: the byte size
 * before anything else, then `JSON.parse` (`__proto__`, `constructor` and `prototype` keys stay plain data), a
 * check of nesting depth and message count and size (`surelyWithin`; `scanJson` names the place of a syntax
 * error or a broken limit), and {@link check}. Never throws. The kind-free core of `validateJson` and of the per-kind entry points.
 */
export function checkJson<K extends Kind>(kind: K, validator: GeneratedValidator, input: string | Uint8Array, options?: ValidateJsonOptions): Result<K> {
  return checkJsonKeeping(kind, validator, input, options, {});
}

/** What {@link checkJsonKeeping} parsed: the body's JSON value, once the text passed the grammar and the read-time limits. */
export interface Parsed {
  body?: unknown;
}

/**
 * {@link checkJson}, also keeping in `parsed.body` the value `JSON.parse` returned, valid or not, for a caller
 * that reports refused bodies too (the request handler's `onCall`). No work is added: it is the same parse.
 */
export function checkJsonKeeping<K extends Kind>(kind: K, validator: GeneratedValidator, input: string | Uint8Array, options: ValidateJsonOptions | undefined, parsed: Parsed): Result<K> {
  try {
    return read(kind, validator, input, options, parsed);
  } catch {
    // Only an options object whose getters throw gets here: the text itself is read by code that cannot throw.
    return { ok: false, issues: [{ path: "", code: "invalid", message: "The options could not be read." }] };
  }
}

function read<K extends Kind>(kind: K, validator: GeneratedValidator, input: unknown, options: ValidateJsonOptions | undefined, parsed: Parsed): Result<K> {
  const limits = readLimits(options);
  const fail = (issue: Issue): Result<K> => ({ ok: false, issues: [issue] });
  if (typeof input !== "string" && !(input instanceof Uint8Array)) {
    return fail({ path: "", code: "invalid_json", message: "The body must be JSON text: a string or UTF-8 bytes (Uint8Array)." });
  }

  const bytes = byteSize(input, limits.bodyBytes);
  if (bytes > limits.bodyBytes) return fail(tooLarge("", "The body", bytes, limits.bodyBytes));
  let text: string;
  try {
    text = typeof input === "string" ? input : decoder.decode(input);
  } catch {
    return fail({ path: "", code: "invalid_json", message: "The body is not valid UTF-8." });
  }
  const messages = messagesOf(kind);
  if (messages === "root") {
    // Exact bytes: `bytes` is only exact up to the body limit, and a message is smaller than a body.
    const messageBytes = byteSize(input, limits.messageBytes);
    if (messageBytes > limits.messageBytes) return fail(tooLarge("", "The message", messageBytes, limits.messageBytes));
  }
  const maxMessages = typeof messages === "object" ? limits.batchMessages : limits.thrivestackItems;
  const scanLimits = { depth: limits.depth, messages, maxMessages, messageBytes: limits.messageBytes };
  let body: unknown;
  if (text.length > SCAN_FIRST) {
    // A body this large exists only where a caller raised `bodyBytes`: the exact read goes first and stops at
    // the first limit broken, so a million messages are never built only to be refused.
    const issue = scanJson(text, scanLimits);
    if (issue) return fail(issue);
    body = JSON.parse(text);
  } else {
    // JSON.parse first (it nests without recursion, and the body is within its byte limit); the exact read runs
    // only on text it refuses, to say where, or on text a quick pass cannot clear of the scan's limits.
    try {
      body = JSON.parse(text);
    } catch {
      return fail(scanJson(text, scanLimits) ?? UNPARSED);
    }
    if (!surelyWithin(text, scanLimits)) {
      const issue = scanJson(text, scanLimits);
      if (issue) return fail(issue);
    }
  }
  parsed.body = body;
  const traitIssue = tooManyTraits(kind, body, limits.traitKeys);
  if (traitIssue) return fail(traitIssue);
  return check(kind, validator, body, options);
}

/**
 * Past this many UTF-16 units (1 MiB; twice the default body limit) the exact read runs before `JSON.parse`,
 * so that what parsing builds stays bounded (at most ~22× the text's bytes below it, 23 MiB).
 */
const SCAN_FIRST = 1024 * 1024;

// The scanner and JSON.parse read one grammar; this stands in should they ever disagree.
const UNPARSED: Issue = /* @__PURE__ */ Object.freeze({ path: "", code: "invalid_json", message: "The body is not valid JSON." });

/**
 * The limits of a call: each given limit that is a number and not NaN (at least 0), the default otherwise, so
 * that no value a caller passes turns a limit off by accident (`Infinity` does, on purpose).
 */
function readLimits(options: ValidateJsonOptions | undefined): Limits {
  const given: unknown = typeof options === "object" && options !== null ? options.limits : undefined;
  if (typeof given !== "object" || given === null) return DEFAULT_LIMITS;
  const out: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const value: unknown = (given as Record<string, unknown>)[key];
    if (typeof value === "number" && !Number.isNaN(value)) out[key] = Math.max(0, Math.floor(value));
  }
  return out as unknown as Limits;
}

/** The UTF-8 size of the input; for text longer than `limit` units, its length in units (already too large). */
function byteSize(input: string | Uint8Array, limit: number): number {
  if (typeof input !== "string") return input.length;
  // A UTF-16 unit is 1 to 3 bytes of UTF-8: count exactly only where the bounds do not decide.
  if (input.length > limit || input.length * 3 <= limit) return input.length;
  return utf8Length(input);
}

function tooLarge(path: string, what: string, bytes: number, limit: number): Issue {
  return { path, code: "too_large", message: `${what} is ${bytes} bytes; the limit is ${limit} bytes.` };
}

/**
 * A traits object with more keys than a lowered `traitKeys` limit, where the dialect bounds traits at all. At or
 * above the schema's own bound the schema answers alike, so the default limit costs no pass over the body.
 */
function tooManyTraits(kind: Kind, body: unknown, max: number): Issue | undefined {
  const bound = DIALECTS[kind].traitsMax;
  if (bound === undefined || max >= bound) return undefined;
  let found: Issue | undefined;
  eachTraits(kind, body, (traits, index) => {
    if (found === undefined && Object.keys(traits).length > max) {
      found = { path: traitsPath(kind, index), code: "max_properties", message: `\`traits\` must have at most ${max} keys.` };
    }
  });
  return found;
}
