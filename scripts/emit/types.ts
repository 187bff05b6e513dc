import type { TSchema } from "@sinclair/typebox";
import { compile } from "json-schema-to-typescript";
import openapiTS, { astToString } from "openapi-typescript";
import { bannerComment } from "./banner.js";
import { plain, type Json, type JsonObject } from "./plain.js";

// Both type generators are told that openness is explicit: the schemas state `additionalProperties` on every
// open object (schemas/open.ts), so an object that does not is closed, and a generator never has to guess.
//
// What neither generator reads, and how the documents are shown to them (the published documents are unchanged):
// - `not: {}` (a schema nothing satisfies, such as a trait name over 255 characters) is typed as nothing: json2ts
//   and openapi-typescript ignore `not` and would type it as "anything", which would make the index signature of
//   segment traits `unknown` and let any value through.
// - any other `not` (a string rule such as "no whitespace", or a message `type` that is not "group") has no
//   TypeScript form: it is left out, with its title, so that json2ts names no empty type after it.

/**
 * `generated/types/index.ts`: one TypeScript type per named schema, from json-schema-to-typescript, read
 * from a single document whose `$defs` hold every named schema (so shared schemas are declared once).
 */
export async function emitJsonSchemaTypes(schemas: Map<string, TSchema>): Promise<Map<string, string>> {
  const $defs = Object.fromEntries([...schemas].map(([name, schema]) => [name, plain(schema, "#/$defs/", new Map())]));
  const root: JsonObject = {
    title: "GroupSpecSchemas",
    description: "Every named schema of group-spec, by name.",
    type: "object",
    properties: Object.fromEntries([...schemas.keys()].map((name) => [name, { $ref: `#/$defs/${name}` }])),
    additionalProperties: false,
    $defs,
  };
  const code = await compile(forTypes(root, { tsType: "never" }) as Parameters<typeof compile>[0], "GroupSpecSchemas", {
    bannerComment: bannerComment.trimEnd(),
    // Openness is explicit in the schemas: an object without `additionalProperties` is closed.
    additionalProperties: false,
    unreachableDefinitions: true,
    // TypeBox and openapi-typescript type `minItems: 1` arrays as `T[]`; a tuple here would not match them.
    ignoreMinAndMaxItems: true,
    strictIndexSignatures: false,
    format: true,
    cwd: "/nonexistent",
  });
  return new Map([
    ["types/index.ts", code],
  ]);
}

/**
 * `generated/openapi.d.ts`, from openapi-typescript with these flags: `additionalProperties: false` and
 * `emptyObjectsUnknown: false` (the defaults, kept on purpose: openness is stated in the document, so an object
 * without it is closed), `alphabetize: false` (the document's order), and no `enum`/`rootTypes` output (types
 * only, reached through `paths` and `components`).
 */
export async function emitOpenApiTypes(documentText: string): Promise<Map<string, string>> {
  const document = forTypes(JSON.parse(documentText) as Json, false);
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], {
    alphabetize: false,
    additionalProperties: false,
    emptyObjectsUnknown: false,
  });
  const text = `${bannerComment}${astToString(ast)}`;
  // The same declarations for CommonJS importers (`group-spec/openapi` under node16's require condition).
  return new Map([
    ["openapi.d.ts", text],
    ["openapi.d.cts", text],
  ]);
}

/**
 * A copy of a document as the type generators should read it: a schema with `not: {}` becomes `never` (the
 * generator's own spelling of it), and any other `not` is dropped with its title. Walks every object; member
 * names under `properties`, `patternProperties`, `$defs` and `examples` are never taken for keywords.
 */
export function forTypes(value: Json, never: Json): Json {
  if (Array.isArray(value)) return value.map((item) => forTypes(item, never));
  if (typeof value !== "object" || value === null) return value;
  if ("not" in value && isEmptySchema(value["not"])) return never;
  const out: JsonObject = {};
  const dropTitle = "not" in value;
  for (const [key, child] of Object.entries(value)) {
    if (key === "not" || (dropTitle && key === "title")) continue;
    if (key === "example" || key === "examples" || key === "value") out[key] = child;
    else if (NAME_MAPS.has(key) && isObject(child)) {
      out[key] = Object.fromEntries(Object.entries(child).map(([name, schema]) => [name, forTypes(schema, never)]));
    } else out[key] = forTypes(child, never);
  }
  return out;
}

const NAME_MAPS = new Set(["properties", "patternProperties", "$defs", "schemas"]);

function isEmptySchema(schema: Json | undefined): boolean {
  return schema === true || (isObject(schema) && Object.keys(schema).every((key) => key === "title" || key === "description"));
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
