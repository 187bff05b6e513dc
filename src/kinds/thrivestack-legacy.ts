// `group-spec/thrivestack-legacy`: the thrivestack-legacy body kind alone. Importing it loads no other kind's validator.
import schema from "../../generated/json-schema/legacy-group-request.json" with { type: "json" };
import * as validator from "../../generated/validators/thrivestack-legacy.js";
import { assertValidFor, standardFor, validateFor, validateJsonFor } from "../kind-entry.js";

/** Validates a parsed thrivestack-legacy body, as `validate("thrivestack-legacy", body)` does. */
export const validate = /* @__PURE__ */ validateFor("thrivestack-legacy", validator);
/** The typed thrivestack-legacy body, or a thrown `GroupSpecError`. */
export const assertValid = /* @__PURE__ */ assertValidFor("thrivestack-legacy", validator);
/** Validates a thrivestack-legacy body as received, text or UTF-8 bytes, as `validateJson("thrivestack-legacy", input)` does. */
export const validateJson = /* @__PURE__ */ validateJsonFor("thrivestack-legacy", validator);
/** The Standard Schema of a thrivestack-legacy body, with the Standard JSON Schema extension (draft 2020-12). */
export const standard = /* @__PURE__ */ standardFor("thrivestack-legacy", validator, schema);
/** The JSON Schema (draft 2020-12) of a thrivestack-legacy body. */
export { schema };
export { GroupSpecError } from "../group-spec-error.js";
export type { Issue } from "../issue.js";
