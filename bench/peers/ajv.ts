/**
 * Ajv 2020 compiled at run time from the published JSON Schema documents, with ajv-formats in its "full" or
 * "fast" mode: what a team gets from `npm install ajv ajv-formats`. A peer, not product.
 */

import { readFileSync } from "node:fs";
import addFormats from "ajv-formats";
import Ajv2020 from "ajv/dist/2020.js";
import type { Kind } from "../../generated/validators/index.js";

/** The JSON Schema document of each kind's request body. */
export const SCHEMA_FILES: Record<Kind, string> = {
  thrivestack: "thrivestack-group-request.json",
  "thrivestack-legacy": "legacy-group-request.json",
  segment: "segment-group.json",
  "segment-batch": "segment-batch-request.json",
};

const SCHEMA_DIR = new URL("../../generated/json-schema/", import.meta.url);

/** One Ajv validator per kind (of `kinds`), compiled with ajv-formats in `mode`. */
export function ajvValidators(mode: "full" | "fast", kinds?: readonly Kind[]): Record<Kind, (body: unknown) => boolean> {
  const ajv = new Ajv2020.default({ allowMatchingProperties: true, strictTypes: false });
  addFormats.default(ajv, { mode });
  const out = {} as Record<Kind, (body: unknown) => boolean>;
  for (const [kind, file] of Object.entries(SCHEMA_FILES) as [Kind, string][]) {
    if (kinds !== undefined && !kinds.includes(kind)) continue;
    const check = ajv.compile(JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), "utf8")) as object);
    out[kind] = (body) => check(body);
  }
  return out;
}
