import { KINDS, validators, type Bodies, type Kind } from "../generated/validators/index.js";
import { GroupSpecError } from "./group-spec-error.js";
import type { Issue } from "./issue.js";
import { issuesFromValidator } from "./issues/from-validator.js";
import { valueAt } from "./value-at.js";

export type { Bodies, Kind };

/** The verdict of {@link validate}: the typed body, or the issues found. */
export type Result<K extends Kind> =
  | { readonly ok: true; readonly value: Bodies[K] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

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
export function validate<K extends Kind>(kind: K, body: unknown): Result<K> {
  if (!isKind(kind)) throw new TypeError(`Unknown kind ${JSON.stringify(kind)}; expected one of ${KINDS.join(", ")}.`);
  const check = validators[kind];
  if (check(body)) return { ok: true, value: body as Bodies[K] };
  return { ok: false, issues: issuesFromValidator(check.errors ?? [], (path) => valueAt(body, path)) };
}

/**
 * Validates like {@link validate} and returns the typed body, or throws a {@link GroupSpecError} with the issues.
 *
 * @example const groups = assertValid("thrivestack", JSON.parse(text));
 */
export function assertValid<K extends Kind>(kind: K, body: unknown): Bodies[K] {
  const result = validate(kind, body);
  if (!result.ok) throw new GroupSpecError(kind, result.issues);
  return result.value;
}
