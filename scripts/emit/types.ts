import type { TSchema } from "@sinclair/typebox";
import { compile } from "json-schema-to-typescript";
import openapiTS, { astToString } from "openapi-typescript";
import { bannerComment } from "./banner.js";
import { plain, type JsonObject } from "./plain.js";

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
  const code = await compile(root as Parameters<typeof compile>[0], "GroupSpecSchemas", {
    bannerComment: bannerComment.trimEnd(),
    additionalProperties: true,
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

/** `generated/openapi.d.ts`, from openapi-typescript. */
export async function emitOpenApiTypes(documentText: string): Promise<Map<string, string>> {
  const ast = await openapiTS(documentText, { alphabetize: false });
  const text = `${bannerComment}${astToString(ast)}`;
  // The same declarations for CommonJS importers (`group-spec/openapi` under node16's require condition).
  return new Map([
    ["openapi.d.ts", text],
    ["openapi.d.cts", text],
  ]);
}
