import type { TSchema } from "@sinclair/typebox";
import { nameOf } from "../../schemas/named.js";
import { normalize } from "./normalize.js";

/** A JSON value: what a TypeBox schema becomes once its symbols are dropped. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/**
 * Turns a TypeBox schema into plain JSON Schema: symbols dropped, every nested named schema replaced by a
 * `$ref` to `refPrefix + name`, and normalized (see `normalize.ts`). The named schemas it refers to are
 * added to `found` (name → TypeBox schema), so the caller can emit them too.
 */
export function plain(schema: TSchema, refPrefix: string, found: Map<string, TSchema>): JsonObject {
  return toJson(schema, true, refPrefix, found) as JsonObject;
}

function toJson(value: unknown, isRoot: boolean, refPrefix: string, found: Map<string, TSchema>): Json {
  if (Array.isArray(value)) return value.map((item) => toJson(item, false, refPrefix, found));
  if (typeof value !== "object" || value === null) return value as Json;
  const name = nameOf(value);
  if (name !== undefined && !isRoot) {
    const known = found.get(name);
    if (known !== undefined && known !== value && !sameRule(known, value)) {
      throw new Error(`Two different schemas are named ${name}.`);
    }
    if (known === undefined) found.set(name, value as TSchema);
    return { $ref: refPrefix + name };
  }
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = isSchemaMap(key) ? mapValues(child, refPrefix, found) : toJson(child, false, refPrefix, found);
  }
  return normalize(out);
}

// Under these keys the children are schemas keyed by name, never schemas themselves.
function isSchemaMap(key: string): boolean {
  return key === "properties" || key === "patternProperties" || key === "$defs";
}

function mapValues(map: unknown, refPrefix: string, found: Map<string, TSchema>): JsonObject {
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(map as object)) out[key] = toJson(child, false, refPrefix, found);
  return out;
}

/** Two copies of one named schema (TypeBox's `Type.Optional` copies) state the same rule; symbols aside. */
function sameRule(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
