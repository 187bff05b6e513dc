import type { Json, JsonObject } from "./plain.js";

// TypeBox states some rules in a longer form than JSON Schema needs. Each rewrite below keeps the meaning
// exactly, and makes the emitted schema read as a person would write it (and validate faster).

/** Normalizes one schema object whose children are already normalized. */
export function normalize(schema: JsonObject): JsonObject {
  return order(mergeObjectParts(constsToEnum(schema)));
}

/** `anyOf` of string constants (TypeBox's union of literals) → `enum`. */
function constsToEnum(schema: JsonObject): JsonObject {
  const anyOf = schema["anyOf"];
  if (!Array.isArray(anyOf) || anyOf.length === 0) return schema;
  const values: string[] = [];
  for (const branch of anyOf) {
    if (!isObject(branch) || branch["type"] !== "string" || typeof branch["const"] !== "string") return schema;
    if (Object.keys(branch).some((key) => key !== "type" && key !== "const")) return schema;
    values.push(branch["const"]);
  }
  const { anyOf: _anyOf, ...rest } = schema;
  return { ...rest, type: "string", enum: values };
}

const ANNOTATIONS = new Set(["title", "description"]);
const SINGLE = new Set(["additionalProperties", "maxProperties", "minProperties"]);

/**
 * `allOf` of object schemas that only add properties, pattern properties and counts (TypeBox's intersect of
 * an object and records) → one object schema. In `allOf` every part sees every key, and so does each of
 * `properties` and `patternProperties` in one schema; `additionalProperties` may sit in one part only, and
 * only where no other part names keys, or the keys it applies to would change.
 */
function mergeObjectParts(schema: JsonObject): JsonObject {
  const allOf = schema["allOf"];
  if (!Array.isArray(allOf) || !allOf.every(isPlainObjectPart)) return schema;
  const parts = allOf as JsonObject[];
  const withAdditional = parts.filter((part) => "additionalProperties" in part);
  if (withAdditional.length > 1) return schema;
  if (withAdditional.length === 1 && parts.length > 1) return schema;
  const merged: JsonObject = { type: "object" };
  const properties: JsonObject = {};
  const patternProperties: JsonObject = {};
  const required: Json[] = [];
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key === "type" || ANNOTATIONS.has(key)) continue;
      if (key === "properties") mergeDisjoint(properties, value as JsonObject, "property");
      else if (key === "patternProperties") mergeDisjoint(patternProperties, value as JsonObject, "pattern");
      else if (key === "required") required.push(...(value as Json[]));
      else if (SINGLE.has(key)) {
        if (key in merged) return schema;
        merged[key] = value;
      }
    }
  }
  const { allOf: _allOf, ...outer } = schema;
  return {
    ...outer,
    ...merged,
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
    ...(Object.keys(patternProperties).length > 0 ? { patternProperties } : {}),
    ...(required.length > 0 ? { required } : {}),
  };
}

const PART_KEYS = new Set(["type", "properties", "patternProperties", "required", ...ANNOTATIONS, ...SINGLE]);

function isPlainObjectPart(part: Json): boolean {
  return isObject(part) && part["type"] === "object" && Object.keys(part).every((key) => PART_KEYS.has(key));
}

function mergeDisjoint(into: JsonObject, from: JsonObject, what: string): void {
  for (const [key, value] of Object.entries(from)) {
    if (key in into) throw new Error(`Cannot merge object parts: the ${what} ${key} appears twice.`);
    into[key] = value;
  }
}

const FIRST = ["$comment", "$schema", "$id", "$ref", "title", "description", "type"];

/** Puts identifiers and annotations first and `$defs` last; everything else keeps TypeBox's order. */
function order(schema: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of FIRST) if (key in schema) out[key] = schema[key]!;
  for (const [key, value] of Object.entries(schema)) if (!(key in out) && key !== "$defs") out[key] = value;
  if ("$defs" in schema) out["$defs"] = schema["$defs"]!;
  return out;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
