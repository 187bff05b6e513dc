import { issueFinders, KINDS, validators, type Bodies, type Kind } from "../generated/validators/index.js";
import { GroupSpecError } from "./group-spec-error.js";
import type { Issue } from "./issue.js";
import { depthIssue } from "./depth.js";
import { readOptions } from "./options.js";
import { duplicateTraits } from "./traits/duplicates.js";

export type { Bodies, Kind };

/** The verdict of {@link validate}: the typed body, or the issues found. */
export type Result<K extends Kind> =
  | { readonly ok: true; readonly value: Bodies[K] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Options of {@link validate}. */
export interface ValidateOptions {
  /** Report at most this many issues (default {@link MAX_ISSUES}, at least 1). */
  readonly maxIssues?: number;
  /**
   * Deepest nesting of arrays and objects accepted anywhere in the body. Not checked by default: the schemas
   * bound segment traits, and `validateJson` bounds every body read from text while parsing it; set this
   * for parsed bodies that come from elsewhere (it costs one walk over the body).
   */
  readonly maxDepth?: number;
}

/** How many issues `validate` reports by default. */
export { MAX_ISSUES } from "./options.js";

/** Every kind `validate` accepts. */
export { KINDS };

/** Whether `kind` names a body kind. */
export function isKind(kind: unknown): kind is Kind {
  return typeof kind === "string" && (KINDS as readonly string[]).includes(kind);
}

/**
 * Validates a parsed request body of the given kind. Only JSON data is valid (plain objects and arrays,
 * strings, finite numbers, booleans, null; own properties only), and no value makes it throw: a getter or
 * Proxy that throws, a cycle, a BigInt each get an issue. Throws a `TypeError` only when `kind` is not a
 * kind, which is a programming error.
 *
 * @example
 * const result = validate("segment", { userId: "u1", groupId: "acme" });
 * if (!result.ok) console.log(result.issues); // [{ path, code, message }]
 */
export function validate<K extends Kind>(kind: K, body: unknown, options?: ValidateOptions): Result<K> {
  if (!isKind(kind)) throw new TypeError(`Unknown kind ${JSON.stringify(kind)}; expected one of ${KINDS.join(", ")}.`);
  try {
    const { maxIssues, maxDepth } = readOptions(options);
    if (validators[kind](body)) {
      const tooDeep = maxDepth === undefined ? undefined : depthIssue(body, maxDepth);
      if (tooDeep) return { ok: false, issues: [tooDeep] };
      const duplicates = duplicateTraits(kind, body, maxIssues);
      return duplicates.length === 0 ? { ok: true, value: body as Bodies[K] } : { ok: false, issues: duplicates };
    }
    const issues: Issue[] = issueFinders[kind](body, maxIssues);
    if (issues.length === 0) issues.push(UNEXPLAINED);
    if (issues.length < maxIssues && !isCountLimit(issues[0]!)) {
      issues.push(...duplicateTraits(kind, body, maxIssues - issues.length));
    }
    return { ok: false, issues: unique(issues) };
  } catch {
    // The error itself is never read: it may be anything a getter threw, a Proxy among them.
    return { ok: false, issues: [UNREADABLE] };
  }
}

/**
 * Validates like {@link validate} and returns the typed body, or throws a {@link GroupSpecError} with the issues.
 *
 * @example const groups = assertValid("thrivestack", JSON.parse(text));
 */
export function assertValid<K extends Kind>(kind: K, body: unknown, options?: ValidateOptions): Bodies[K] {
  const result = validate(kind, body, options);
  if (!result.ok) throw new GroupSpecError(kind, result.issues);
  return result.value;
}

const UNREADABLE: Issue = Object.freeze({
  path: "",
  code: "invalid",
  message: "The body could not be read: reading one of its values threw (a getter or a Proxy). Send JSON data.",
});

// The verdict and the issue walk state every rule alike; this stands in should they ever disagree.
const UNEXPLAINED: Issue = Object.freeze({ path: "", code: "invalid", message: "The body is invalid." });

function isCountLimit(issue: Issue): boolean {
  return issue.code === "max_items" || issue.code === "max_properties";
}

function unique(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code} ${issue.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
