import type { Bodies, Kind } from "../generated/validators/index.js";
import type { Issue } from "./issue.js";
import { depthIssue } from "./depth.js";
import { readOptions } from "./options.js";
import { duplicateTraits } from "./traits/duplicates.js";

/** The verdict of a check: the typed body, or the issues found. */
export type Result<K extends Kind> =
  | { readonly ok: true; readonly value: Bodies[K] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Options of a check. */
export interface ValidateOptions {
  /** Report at most this many issues (default `MAX_ISSUES`, at least 1). */
  readonly maxIssues?: number;
  /**
   * Deepest nesting of arrays and objects accepted anywhere in the body. Not checked by default: the schemas
   * bound segment traits, and `validateJson` bounds every body read from text while parsing it; set this
   * for parsed bodies that come from elsewhere (it costs one walk over the body).
   */
  readonly maxDepth?: number;
}

/** One kind's generated validator module: the verdict and the issue walk. */
export interface GeneratedValidator {
  validate(data: unknown): boolean;
  issues(data: unknown, max: number): Issue[];
}

/**
 * Checks a parsed body with one kind's generated validator: the verdict decides, the issue walk explains a
 * refusal, then the rules beyond JSON Schema (`maxDepth`, `duplicate_trait`). Never throws: a value whose
 * reading throws (a getter, a Proxy) gets one issue. The kind-free core of `validate` and of the per-kind
 * entry points, which import only their own kind's validator.
 */
export function check<K extends Kind>(kind: K, validator: GeneratedValidator, body: unknown, options?: ValidateOptions): Result<K> {
  try {
    const { maxIssues, maxDepth } = readOptions(options);
    if (validator.validate(body)) {
      const tooDeep = maxDepth === undefined ? undefined : depthIssue(body, maxDepth);
      if (tooDeep) return { ok: false, issues: [tooDeep] };
      const duplicates = duplicateTraits(kind, body, maxIssues);
      return duplicates.length === 0 ? { ok: true, value: body as Bodies[K] } : { ok: false, issues: duplicates };
    }
    const issues: Issue[] = validator.issues(body, maxIssues);
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
