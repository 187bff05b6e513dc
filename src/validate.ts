import { issueFinders, KINDS, validators, type Bodies, type Kind } from "../generated/validators/index.js";
import { check, type GeneratedValidator, type Result, type ValidateOptions } from "./check.js";
import { GroupSpecError } from "./group-spec-error.js";

export type { Bodies, Kind };

export type { Result, ValidateOptions };

/** How many issues `validate` reports by default. */
export { MAX_ISSUES } from "./options.js";

/** Every kind `validate` accepts. */
export { KINDS };

/** Each kind's generated verdict and issue walk. */
export const GENERATED: Readonly<Record<Kind, GeneratedValidator>> = Object.fromEntries(
  KINDS.map((kind): [Kind, GeneratedValidator] => [kind, { validate: validators[kind], issues: issueFinders[kind] }]),
) as Record<Kind, GeneratedValidator>;

/** Throws a `TypeError` when `kind` names no body kind: a programming error, not a property of a body. */
export function assertKind(kind: unknown): asserts kind is Kind {
  if (!isKind(kind)) throw new TypeError(`Unknown kind ${JSON.stringify(kind)}; expected one of ${KINDS.join(", ")}.`);
}

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
  assertKind(kind);
  return check(kind, GENERATED[kind], body, options);
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
