import type { Kind } from "../generated/validators/index.js";
import type { Result } from "./check.js";
import { checkJson, type ValidateJsonOptions } from "./check-json.js";
import { assertKind, GENERATED } from "./validate.js";

export type { ValidateJsonOptions };

/**
 * Validates a request body as received: text or UTF-8 bytes. Checks the byte size before anything else,
 * then reads the JSON once, bounding nesting depth and message count and size as it goes, then parses it
 * (`__proto__`, `constructor` and `prototype` keys stay plain data: `JSON.parse` defines them as own
 * properties and never touches a prototype) and validates it. Never throws for any input; an unknown kind is
 * a `TypeError`, as in `validate`.
 *
 * @example
 * const result = validateJson("thrivestack", await request.bytes());
 * if (!result.ok) return errorResponse("thrivestack", result.issues);
 */
export function validateJson<K extends Kind>(kind: K, input: string | Uint8Array, options?: ValidateJsonOptions): Result<K> {
  assertKind(kind);
  return checkJson(kind, GENERATED[kind], input, options);
}
