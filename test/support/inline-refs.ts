import type { Json, JsonObject } from "../../scripts/emit/plain.js";

/**
 * A copy of a self-contained schema document with every local `$ref` (`#/$defs/Name`) replaced by the schema
 * it names (keeping `$defs` for reference). Ajv compiles a schema that holds a `$ref` as a function of its own
 * and reports errors inside it by a path relative to that schema, so without this, errors from different
 * named schemas share paths like `#/anyOf/0`. With it, every `schemaPath` is a path from the document root.
 * None of the schemas is recursive, so inlining ends.
 */
export function inlineRefs(document: JsonObject): JsonObject {
  const defs = (document["$defs"] ?? {}) as JsonObject;
  const { $defs: _defs, ...root } = document;
  return inline(root, defs, []) as JsonObject;
}

function inline(value: Json, defs: JsonObject, trail: readonly string[]): Json {
  if (Array.isArray(value)) return value.map((item) => inline(item, defs, trail));
  if (typeof value !== "object" || value === null) return value;
  const ref = value["$ref"];
  if (typeof ref === "string") {
    const name = ref.replace("#/$defs/", "");
    if (trail.includes(name)) throw new Error(`Recursive schema ${name} cannot be inlined.`);
    const target = defs[name];
    if (target === undefined) throw new Error(`Unknown reference ${ref}.`);
    const { $ref: _ref, ...siblings } = value;
    return { ...(inline(target, defs, [...trail, name]) as JsonObject), ...siblings };
  }
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, inline(child, defs, trail)]));
}
