import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dialects } from "../schemas/registry.js";
import { emitJsonSchemas, jsonSchemaDocument, namedSchemas } from "./emit/json-schema.js";
import { openApiDocument } from "./emit/openapi.js";
import { assertMetaschema } from "./emit/metaschema.js";
import { emitJsonSchemaTypes, emitOpenApiTypes } from "./emit/types.js";
import { emitDialects } from "./emit/dialects.js";
import { emitErrorCodes } from "./emit/error-codes.js";
import { emitReservedTraits, spelledTraits } from "./emit/traits.js";
import { emitValidators } from "./emit/validators.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Every generated file, by path relative to `generated/`, in memory. */
export async function generate(): Promise<Map<string, string>> {
  const { version } = (await import("../package.json", { with: { type: "json" } })).default;
  const schemas = namedSchemas(dialects);
  const openapi = `${JSON.stringify(openApiDocument(dialects, schemas, { version }), null, 2)}\n`;
  const operations = dialects.flatMap((dialect) => dialect.operations);
  const jsonSchemas = emitJsonSchemas(schemas);
  assertMetaschema(jsonSchemas);
  const parts = [
    jsonSchemas,
    new Map([["openapi.json", openapi]]),
    await emitJsonSchemaTypes(schemas),
    await emitOpenApiTypes(openapi),
    await emitValidators(operations, (name) => jsonSchemaDocument(name, schemas.get(name)!), spelledTraits(dialects)),
    emitReservedTraits(dialects),
    emitErrorCodes(dialects),
    emitDialects(dialects, (name) => jsonSchemaDocument(name, schemas.get(name)!)),
  ];
  return new Map(parts.flatMap((part) => [...part]).sort(([a], [b]) => a.localeCompare(b)));
}

/** Writes `files` under `dir`, removing any file there that generation no longer makes. */
export async function writeGenerated(files: Map<string, string>, dir: string): Promise<void> {
  for (const stale of await listFiles(dir)) if (!files.has(stale)) await rm(join(dir, stale));
  for (const [path, content] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/** Every file under `dir`, as paths relative to it; none when `dir` does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await generate();
  await writeGenerated(files, join(ROOT, "generated"));
  console.log(`Wrote ${files.size} files to generated/.`);
}
