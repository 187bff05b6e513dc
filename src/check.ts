import type { Bodies, Kind } from "../generated/validators/index.js";
import type { Issue } from "./issue.js";
import { depthIssue } from "./depth.js";
import { readOptions } from "./options.js";

const DEFAULTS = /* @__PURE__ */ readOptions(undefined);

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
 * Checks a parsed body with one kind's generated validator, whose issue walk states every rule (the schema's,
 * and `duplicate_trait`), then `maxDepth` when asked for. The walk runs the verdict first, which builds
 * nothing, so a valid body costs one verdict. Never throws: a value whose reading throws (a getter, a Proxy)
 * gets one issue. The kind-free core of `validate` and of the per-kind entry points, which import only their
 * own kind's validator.
 */
export function check<K extends Kind>(kind: K, validator: GeneratedValidator, body: unknown, options?: ValidateOptions): Result<K> {
  try {
    const { maxIssues, maxDepth } = options === undefined ? DEFAULTS : readOptions(options);
    const issues: Issue[] = validator.issues(body, maxIssues);
    if (issues.length > 0) return { ok: false, issues };
    const tooDeep = maxDepth === undefined ? undefined : depthIssue(body, maxDepth);
    return tooDeep ? { ok: false, issues: [tooDeep] } : { ok: true, value: body as Bodies[K] };
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

