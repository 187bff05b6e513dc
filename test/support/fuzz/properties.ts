import { isDeepStrictEqual } from "node:util";
import { ISSUE_CODES } from "../../../schemas/issue.js";
import { errorResponse, successResponse, validate, validateJson, type Issue, type Kind } from "../../../src/index.js";
import { anyChange, coreChange, type BuiltinsSnapshot } from "./builtins.js";
import { LIMITS, messageLayout, messageSizes, messagesIn, segmentTraits, textDepth } from "./json-limits.js";
import { expectedVerdict } from "./oracle.js";
import { deepFreeze, resolvePointer } from "./values.js";

// The invariants of issue 6, as functions that throw a PropertyFailure naming what broke. The vitest tests
// and `npm run fuzz` run the same functions.

/** An invariant that did not hold, with what is needed to see why. */
export class PropertyFailure extends Error {
  override readonly name = "PropertyFailure";
}

/** What every result of `validate` and `validateJson` is, whatever the body. */
type AnyResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: readonly Issue[] };

const CODES = new Set<string>(ISSUE_CODES);

/** The issue cap a `maxIssues` option means: 20 by default, at least 1, whole. */
export function issueCap(maxIssues: number | undefined): number {
  return maxIssues === undefined ? 20 : Math.max(1, Math.floor(maxIssues));
}

function fail(what: string, detail?: unknown): never {
  throw new PropertyFailure(detail === undefined ? what : `${what}: ${preview(detail)}`);
}

/**
 * A short rendering of a value for a failure message (bodies can be megabytes): long strings and arrays are
 * abbreviated where they are, bytes shown as the text they hold, the whole cut at 2,000 characters.
 */
export function preview(value: unknown): string {
  const shorten = (_key: string, item: unknown): unknown => {
    if (item instanceof Uint8Array) return `<${item.length} bytes: ${JSON.stringify(new TextDecoder().decode(item.subarray(0, 200)))}…>`;
    if (typeof item === "string" && item.length > 300) return `${item.slice(0, 200)}…<${item.length} UTF-16 units>…${item.slice(-60)}`;
    if (Array.isArray(item) && item.length > 12) return [...item.slice(0, 6), `…<${item.length} items>`];
    return item;
  };
  let text: string;
  try {
    text = JSON.stringify(value, shorten) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 2000 ? `${text.slice(0, 2000)}… (${text.length} characters)` : text;
}

/** Calls `run`, failing on a throw and, when given a snapshot, on any change to the core prototypes (`coreChange`). */
function guarded<T>(what: string, run: () => T, snapshot?: BuiltinsSnapshot): T {
  let result: T;
  try {
    result = run();
  } catch (error) {
    fail(`${what} threw`, error instanceof Error ? `${error.name}: ${error.message}` : error);
  }
  const change = snapshot === undefined ? undefined : coreChange(snapshot);
  if (change !== undefined) fail(`${what} changed a built-in`, change);
  return result;
}

/** Fails on any change to any built-in prototype or the global object (`anyChange`), once per case. */
function unchanged(snapshot: BuiltinsSnapshot): void {
  const change = anyChange(snapshot);
  if (change !== undefined) fail("a built-in changed", change);
}

/** The result is `{ok: true, value}` or `{ok: false, issues}` with 1..cap well-formed issues. */
function checkShape(result: AnyResult, cap: number): void {
  if (typeof result !== "object" || result === null || typeof result.ok !== "boolean") fail("not a result", result);
  if (result.ok) return;
  const { issues } = result;
  if (!Array.isArray(issues) || issues.length === 0) fail("a refusal without issues", result);
  if (issues.length > cap) fail(`${issues.length} issues, more than maxIssues ${cap}`, issues);
  for (const issue of issues) {
    if (Object.keys(issue).join() !== "path,code,message") fail("an issue is not {path, code, message}", issue);
    if (typeof issue.path !== "string" || (issue.path !== "" && !issue.path.startsWith("/"))) fail("an issue path is not a JSON Pointer", issue);
    if (!CODES.has(issue.code)) fail("an issue code is not a stable code", issue);
    if (typeof issue.message !== "string" || issue.message.length === 0) fail("an issue has no message", issue);
  }
}

/** Each issue's path names a place in the body: the value itself, or for `required` the object missing it. */
function checkPaths(body: unknown, issues: readonly Issue[]): void {
  for (const issue of issues) {
    if (issue.code === "required") {
      const parent = issue.path.slice(0, issue.path.lastIndexOf("/"));
      if (!resolvePointer(body, parent).found) fail("a required issue's object is not in the body", issue);
    } else if (!resolvePointer(body, issue.path).found) {
      fail("an issue path names nothing in the body", issue);
    }
  }
}

/**
 * `validate` on one body: never throws, never changes a built-in, never mutates the (frozen) body, returns a
 * well-formed result with at most `maxIssues` issues whose paths are in the body, whose response
 * (`successResponse` 200 or `errorResponse` 400) builds, gives the same answer twice, and accepts exactly the
 * bodies the oracle accepts (JSON Schema under hyperjump, and no reserved trait spelled twice).
 */
export function checkValidate(kind: Kind, body: unknown, maxIssues: number | undefined, snapshot: BuiltinsSnapshot): AnyResult {
  const before = structuredClone(body);
  deepFreeze(body);
  const options = maxIssues === undefined ? {} : { maxIssues };
  const result = guarded("validate", () => validate(kind, body, options), snapshot);
  checkShape(result, issueCap(maxIssues));
  if (!isDeepStrictEqual(body, before)) fail("validate changed its input");
  if (result.ok && result.value !== body) fail("an accepted body is not returned as given");
  if (!result.ok) checkPaths(body, result.issues);
  const response = guarded("the response", () => (result.ok ? successResponse(kind, result.value) : errorResponse(kind, result.issues)));
  if (response.status !== (result.ok ? 200 : 400)) fail(`a ${result.ok ? "success" : "refusal"} answered with status ${response.status}`);
  const again = guarded("validate", () => validate(kind, body, options));
  if (!isDeepStrictEqual(again, result)) fail("validate answered the same body differently", { result, again });
  const expected = guarded("the oracle", () => expectedVerdict(kind, body));
  if (result.ok !== expected) fail(`validate says ${result.ok ? "valid" : "invalid"}, the oracle says ${expected ? "valid" : "invalid"}`, result);
  unchanged(snapshot);
  return result;
}

/** Text or bytes for validateJson, as a client sends them. */
export type JsonInput = string | Uint8Array;

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * `validateJson` on one input: never throws or pollutes, returns a well-formed result, and
 * - over 500 KB (or 32 KB for a one-message kind): one `too_large` issue at the root;
 * - bytes that are not UTF-8: one `invalid_json` issue;
 * - text `JSON.parse` refuses: refused with one issue, `invalid_json` or a limit met before the error;
 * - JSON nested deeper than 32: one `too_deep` issue (or another read-time limit met first in the text);
 * - more messages than allowed: one `max_items` (or a `too_large` message met first);
 * - a message over 32 KB: one `too_large` at that message (exactly which one when its size is known);
 * - a segment traits object over 255 keys: one `max_properties` at it;
 * - anything else: exactly what `validate(JSON.parse(text))` answers.
 */
export function checkValidateJson(kind: Kind, input: JsonInput, maxIssues: number | undefined, snapshot: BuiltinsSnapshot): AnyResult {
  const copy = typeof input === "string" ? input : input.slice();
  const options = maxIssues === undefined ? {} : { maxIssues };
  const result = guarded("validateJson", () => validateJson(kind, input, options), snapshot) as AnyResult;
  checkShape(result, issueCap(maxIssues));
  if (typeof input !== "string" && !isDeepStrictEqual(input, copy)) fail("validateJson changed its input bytes");
  checkModel(kind, input, result, options);
  unchanged(snapshot);
  return result;
}

/** The result is what the model of the read-time limits says, or else what `validate` says of the parsed text. */
function checkModel(kind: Kind, input: JsonInput, result: AnyResult, options: { maxIssues?: number }): void {
  const only = (codes: readonly string[], path?: string): void => {
    if (result.ok || result.issues.length !== 1 || !codes.includes(result.issues[0]!.code) || (path !== undefined && result.issues[0]!.path !== path)) {
      fail(`expected one ${codes.join(" or ")} issue${path === undefined ? "" : ` at "${path}"`}`, result.ok ? result : result.issues);
    }
  };
  const bytes = typeof input === "string" ? Buffer.byteLength(input, "utf8") : input.length;
  if (bytes > LIMITS.bodyBytes) return only(["too_large"], "");
  let text: string;
  try {
    text = typeof input === "string" ? input : decoder.decode(input);
  } catch {
    return only(["invalid_json"], "");
  }
  if (messageLayout(kind) === "root" && bytes > LIMITS.messageBytes) return only(["too_large"], "");

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return only(["invalid_json", "too_deep", "too_large", "max_items"]);
  }
  if (textDepth(text) > LIMITS.depth) return only(["too_deep", "too_large", "max_items"]);
  const messages = messagesIn(kind, parsed);
  const maxMessages = kind === "thrivestack" ? LIMITS.thrivestackItems : LIMITS.batchMessages;
  if (messageLayout(kind) !== "root" && messages.length > maxMessages) return only(["max_items", "too_large"]);
  const sizes = messageSizes(kind, text, parsed);
  const tooLarge = sizes?.find(({ bytes: size }) => size > LIMITS.messageBytes);
  if (tooLarge !== undefined) return only(["too_large"], tooLarge.path);
  // Text whose message sizes are unknown (a raw edit, a duplicate key) may hold a message over 32 KB.
  if (sizes === undefined && bytes > LIMITS.messageBytes && !result.ok && result.issues.length === 1 && result.issues[0]!.code === "too_large") return;
  const direct = guarded("validate", () => validate(kind, parsed, options));
  const crowded = segmentTraits(kind, parsed).filter(({ keys }) => keys > LIMITS.traitKeys);
  if (crowded.length > 0) {
    // validateJson stops at the first crowded traits object; validate may report another issue first.
    only(["max_properties"]);
    if (!crowded.some(({ path }) => !result.ok && result.issues[0]!.path === path)) fail("max_properties at a traits object within the limit", result);
    if (direct.ok) fail("validate accepts a traits object over 255 keys", parsed);
    return;
  }
  if (!isDeepStrictEqual(result, direct)) fail("validateJson and validate(JSON.parse(text)) differ", { validateJson: result, validate: direct });
}
