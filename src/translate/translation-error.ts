import type { Issue } from "../issue.js";

/**
 * Thrown by `translate` when a body cannot be translated: the pair of kinds is not supported, or the body
 * holds something the mapping does not cover (a key the target would read as another reserved trait, a value
 * the target rejects, a segment message of another type in a batch). Each issue's `path` is a JSON Pointer
 * into the input body and its `code` is `invalid`. An invalid input throws a `GroupSpecError` instead.
 *
 * @example
 * try { translate(body, { from: "segment", to: "thrivestack" }) }
 * catch (e) { if (e instanceof TranslationError) console.log(e.issues) } // [{ path: "/traits/account_name", code: "invalid", message }]
 */
export class TranslationError extends Error {
  override readonly name = "TranslationError";
  /** The kind translated from, as given. */
  readonly from: string;
  /** The kind translated to, as given. */
  readonly to: string;
  /** Why, each with a JSON Pointer `path` into the input, the code `invalid` and a `message`. */
  readonly issues: readonly Issue[];

  constructor(from: string, to: string, issues: readonly Issue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    super(`Cannot translate ${from} to ${to}: ${first ? `${first.path || "/"}: ${first.message}` : "no details"}${more}`);
    this.from = from;
    this.to = to;
    this.issues = issues;
  }
}
