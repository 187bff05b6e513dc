// `group-spec/segment`: the segment body kind alone. Importing it loads no other kind's validator.
import schema from "../../generated/json-schema/segment-group.json" with { type: "json" };
import * as validator from "../../generated/validators/segment.js";
import { assertValidFor, standardFor, validateFor, validateJsonFor } from "../kind-entry.js";

/** Validates a parsed segment body, as `validate("segment", body)` does. */
export const validate = /* @__PURE__ */ validateFor("segment", validator);
/** The typed segment body, or a thrown `GroupSpecError`. */
export const assertValid = /* @__PURE__ */ assertValidFor("segment", validator);
/** Validates a segment body as received, text or UTF-8 bytes, as `validateJson("segment", input)` does. */
export const validateJson = /* @__PURE__ */ validateJsonFor("segment", validator);
/** The Standard Schema of a segment body, with the Standard JSON Schema extension (draft 2020-12). */
export const standard = /* @__PURE__ */ standardFor("segment", validator, schema);
/** The JSON Schema (draft 2020-12) of a segment body. */
export { schema };
export { GroupSpecError } from "../group-spec-error.js";
export type { Issue } from "../issue.js";
