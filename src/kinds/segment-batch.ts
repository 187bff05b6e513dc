// `group-spec/segment-batch`: the segment-batch body kind alone. Importing it loads no other kind's validator.
import schema from "../../generated/json-schema/segment-batch-request.json" with { type: "json" };
import * as validator from "../../generated/validators/segment-batch.js";
import { assertValidFor, standardFor, validateFor, validateJsonFor } from "../kind-entry.js";

/** Validates a parsed segment-batch body, as `validate("segment-batch", body)` does. */
export const validate = /* @__PURE__ */ validateFor("segment-batch", validator);
/** The typed segment-batch body, or a thrown `GroupSpecError`. */
export const assertValid = /* @__PURE__ */ assertValidFor("segment-batch", validator);
/** Validates a segment-batch body as received, text or UTF-8 bytes, as `validateJson("segment-batch", input)` does. */
export const validateJson = /* @__PURE__ */ validateJsonFor("segment-batch", validator);
/** The Standard Schema of a segment-batch body, with the Standard JSON Schema extension (draft 2020-12). */
export const standard = /* @__PURE__ */ standardFor("segment-batch", validator, schema);
/** The JSON Schema (draft 2020-12) of a segment-batch body. */
export { schema };
export { GroupSpecError } from "../group-spec-error.js";
export type { Issue } from "../issue.js";
