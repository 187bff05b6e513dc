import type { TSchema } from "@sinclair/typebox";
import type { Dialect } from "../../schemas/dialect.js";
import { nameOf } from "../../schemas/named.js";
import { BANNER } from "./banner.js";
import { plain, type JsonObject } from "./plain.js";

/** Where `$id`s point. They identify schemas; nothing is fetched from them. */
export const ID_BASE = "https://group-spec.dev/schemas/";

/** The file name of a named schema: `ThriveStackGroupRequest` → `thrivestack-group-request`. */
export function fileName(name: string): string {
  return name
    .replace("ThriveStack", "Thrivestack")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase();
}

/** The `$id` of a named schema. */
export function schemaId(name: string): string {
  return `${ID_BASE}${fileName(name)}.json`;
}

/** Every named schema reachable from the dialects, by name, in a stable order. */
export function namedSchemas(dialects: readonly Dialect[]): Map<string, TSchema> {
  const found = new Map<string, TSchema>();
  const queue: TSchema[] = dialects.flatMap((dialect) => dialect.schemas);
  while (queue.length > 0) {
    const schema = queue.shift()!;
    const name = nameOf(schema)!;
    if (found.has(name)) continue;
    found.set(name, schema);
    const refs = new Map<string, TSchema>();
    plain(schema, "#/$defs/", refs);
    queue.push(...refs.values());
  }
  return new Map([...found].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * One self-contained draft 2020-12 document for a named schema: the schema itself at the root, and every
 * named schema it refers to under `$defs`.
 */
export function jsonSchemaDocument(name: string, schema: TSchema): JsonObject {
  const defs = new Map<string, TSchema>();
  const root = plain(schema, "#/$defs/", defs);
  const emitted = new Map<string, JsonObject>();
  while (emitted.size < defs.size) {
    for (const [defName, def] of [...defs]) {
      if (!emitted.has(defName)) emitted.set(defName, plain(def, "#/$defs/", defs));
    }
  }
  const $defs = Object.fromEntries([...emitted].sort(([a], [b]) => a.localeCompare(b)));
  return {
    $comment: BANNER,
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: schemaId(name),
    ...root,
    ...(emitted.size > 0 ? { $defs } : {}),
  };
}

/** `generated/json-schema/<file>.json` for every named schema. */
export function emitJsonSchemas(schemas: Map<string, TSchema>): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, schema] of schemas) {
    files.set(`json-schema/${fileName(name)}.json`, `${JSON.stringify(jsonSchemaDocument(name, schema), null, 2)}\n`);
  }
  return files;
}
