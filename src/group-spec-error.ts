import type { Issue } from "./issue.js";

/**
 * Thrown by `assertValid` when a body is invalid; carries the structured issues.
 *
 * @example
 * try { assertValid("segment", body) } catch (e) { if (e instanceof GroupSpecError) console.log(e.issues) }
 */
export class GroupSpecError extends Error {
  override readonly name = "GroupSpecError";
  /** The body kind the body was checked as. */
  readonly kind: string;
  /** The problems found, each with a JSON Pointer `path`, a stable `code` and a `message`. */
  readonly issues: readonly Issue[];

  constructor(kind: string, issues: readonly Issue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    super(`Invalid ${kind} body: ${first ? `${first.path || "/"}: ${first.message}` : "no details"}${more}`);
    this.kind = kind;
    this.issues = issues;
  }
}
