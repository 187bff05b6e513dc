import { detailValidators, KINDS, validators, type Bodies, type Kind } from "../generated/validators/index.js";
import { GroupSpecError } from "./group-spec-error.js";
import type { Issue } from "./issue.js";
import { issuesFromValidator, type Context } from "./issues/from-validator.js";
import { depthIssue } from "./depth.js";
import { duplicateTraits } from "./traits/duplicates.js";
import { valueAt } from "./value-at.js";

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
export const MAX_ISSUES = 20;

// A body that breaks a count limit is answered by that issue alone: listing everything wrong with its
// million items would cost work in proportion to what the limit exists to refuse.
const COUNT_LIMITS = new Set<Issue["code"]>(["max_items", "max_properties"]);

/** Every kind `validate` accepts. */
export { KINDS };

/** Whether `kind` names a body kind. */
export function isKind(kind: unknown): kind is Kind {
  return typeof kind === "string" && (KINDS as readonly string[]).includes(kind);
}

/**
 * Validates a parsed request body of the given kind. Never throws for any body; throws a `TypeError` only
 * when `kind` is not a kind, which is a programming error.
 *
 * @example
 * const result = validate("segment", { userId: "u1", groupId: "acme" });
 * if (!result.ok) console.log(result.issues); // [{ path, code, message }]
 */
export function validate<K extends Kind>(kind: K, body: unknown, options: ValidateOptions = {}): Result<K> {
  if (!isKind(kind)) throw new TypeError(`Unknown kind ${JSON.stringify(kind)}; expected one of ${KINDS.join(", ")}.`);
  const requested = Math.floor(options.maxIssues ?? MAX_ISSUES);
  const maxIssues = Number.isNaN(requested) ? MAX_ISSUES : Math.max(1, requested);
  const check = validators[kind];
  if (check(body)) {
    const tooDeep = options.maxDepth === undefined ? undefined : depthIssue(body, options.maxDepth);
    if (tooDeep) return { ok: false, issues: [tooDeep] };
    const duplicates = duplicateTraits(kind, body, maxIssues);
    return duplicates.length === 0 ? { ok: true, value: body as Bodies[K] } : { ok: false, issues: duplicates };
  }
  const context: Context = { kind, valueAt: (path) => valueAt(body, path) };
  const first = issuesFromValidator(check.errors ?? [], context);
  if (first.some((issue) => COUNT_LIMITS.has(issue.code))) return { ok: false, issues: first.slice(0, maxIssues) };
  // The first-error validator stops inside whichever anyOf branch failed first; the all-errors one shows
  // every branch's errors, so the branch the sender meant can be told apart.
  const details = detailValidators[kind];
  details(body);
  const all = unique([...issuesFromValidator(details.errors ?? [], context), ...duplicateTraits(kind, body, maxIssues)]);
  return { ok: false, issues: (all.length > 0 ? all : first).slice(0, maxIssues) };
}

/**
 * Validates like {@link validate} and returns the typed body, or throws a {@link GroupSpecError} with the issues.
 *
 * @example const groups = assertValid("thrivestack", JSON.parse(text));
 */
export function assertValid<K extends Kind>(kind: K, body: unknown, options: ValidateOptions = {}): Bodies[K] {
  const result = validate(kind, body, options);
  if (!result.ok) throw new GroupSpecError(kind, result.issues);
  return result.value;
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
