import { at, isObject, type Json, type JsonObject } from "../json-schema/json.js";

/** A schema in one of a spec's documents: the document key, its pointer, and the schema itself. */
export interface SchemaNode {
  readonly doc: string;
  readonly pointer: string;
  /** `true` and `false` schemas are given as `{}` and {@link NOTHING}. */
  readonly schema: JsonObject;
}

/** The schema that accepts nothing, as `false` is read. */
export const NOTHING: JsonObject = Object.freeze({ not: {} }) as JsonObject;

/** Whether a schema is `false` (or `{ "not": {} }`). */
export function acceptsNothing(schema: JsonObject): boolean {
  const not = schema["not"];
  return isObject(not) && Object.keys(not).length === 0;
}

/** Keywords that describe and never decide: a change to them changes no verdict. */
export const ANNOTATIONS = new Set([
  "$schema", "$id", "$anchor", "$dynamicAnchor", "$comment", "$defs", "definitions", "$vocabulary",
  "title", "description", "examples", "example", "default", "deprecated", "readOnly", "writeOnly",
  "contentMediaType", "contentEncoding", "contentSchema", "discriminator", "xml", "externalDocs", "nullable",
]);

/**
 * The schema at `pointer` in `doc`, with a bare `$ref` followed (at most 32 hops, across the folder's files):
 * `undefined` when a reference leads nowhere.
 */
export function nodeAt(documents: ReadonlyMap<string, Json>, doc: string, pointer: string): SchemaNode | undefined {
  for (let hops = 0; hops < 32; hops++) {
    const raw = documents.has(doc) ? at(documents.get(doc)!, pointer) : undefined;
    if (raw === true) return { doc, pointer, schema: {} };
    if (raw === false) return { doc, pointer, schema: NOTHING };
    if (!isObject(raw)) return undefined;
    const ref = raw["$ref"];
    if (typeof ref !== "string" || Object.keys(raw).some((key) => key !== "$ref" && !ANNOTATIONS.has(key) && !key.startsWith("x-"))) {
      return { doc, pointer, schema: raw };
    }
    const hash = ref.indexOf("#");
    const file = hash === -1 ? ref : ref.slice(0, hash);
    if (file !== "") doc = file.replace(/^\.\//, "");
    pointer = hash === -1 ? "" : decodePointer(ref.slice(hash + 1));
  }
  return undefined;
}

function decodePointer(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
