// `group-spec/thrivestack`: the thrivestack body kind alone. Importing it loads no other kind's validator.
import schema from "../../generated/json-schema/thrivestack-group-request.json" with { type: "json" };
import * as validator from "../../generated/validators/thrivestack.js";
import { assertValidFor, standardFor, validateFor, validateJsonFor } from "../kind-entry.js";

/** Validates a parsed thrivestack body, as `validate("thrivestack", body)` does. */
export const validate = /* @__PURE__ */ validateFor("thrivestack", validator);
/** The typed thrivestack body, or a thrown `GroupSpecError`. */
export const assertValid = /* @__PURE__ */ assertValidFor("thrivestack", validator);
/** Validates a thrivestack body as received, text or UTF-8 bytes, as `validateJson("thrivestack", input)` does. */
export const validateJson = /* @__PURE__ */ validateJsonFor("thrivestack", validator);
/** The Standard Schema of a thrivestack body, with the Standard JSON Schema extension (draft 2020-12). */
export const standard = /* @__PURE__ */ standardFor("thrivestack", validator, schema);
/** The JSON Schema (draft 2020-12) of a thrivestack body. */
export { schema };
export { GroupSpecError } from "../group-spec-error.js";
export type { Issue } from "../issue.js";
