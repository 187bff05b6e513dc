/**
 * The package's own published JSON Schema of each kind's request body (`generated/json-schema/`), which every
 * JSON Schema peer is compiled from.
 */

import { readFileSync } from "node:fs";
import type { Kind } from "../../generated/validators/index.js";

/** The JSON Schema document of each kind's request body. */
export const SCHEMA_FILES: Record<Kind, string> = {
  thrivestack: "thrivestack-group-request.json",
  "thrivestack-legacy": "legacy-group-request.json",
  segment: "segment-group.json",
  "segment-batch": "segment-batch-request.json",
};

/** A kind's published JSON Schema (draft 2020-12), parsed. */
export function schemaOf(kind: Kind): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../generated/json-schema/${SCHEMA_FILES[kind]}`, import.meta.url), "utf8")) as Record<string, unknown>;
}
