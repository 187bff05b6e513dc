import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { formats } from "../../schemas/formats/index.js";
import { fileName } from "../../scripts/emit/json-schema.js";

const DIR = join(import.meta.dirname, "..", "..", "generated", "json-schema");

const ajv = new Ajv2020.default({ strict: true, allowMatchingProperties: true, allErrors: true });
for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);
for (const file of readdirSync(DIR)) ajv.addSchema(JSON.parse(readFileSync(join(DIR, file), "utf8")));

/** A validator for the generated JSON Schema file of a named schema (tests only: compiled at run time). */
export function jsonValidator(name: string): (value: unknown) => boolean {
  const schema = JSON.parse(readFileSync(join(DIR, `${fileName(name)}.json`), "utf8")) as { $id: string };
  const check = ajv.getSchema(schema.$id);
  if (check === undefined) throw new Error(`No generated schema for ${name}`);
  return (value) => check(value) as boolean;
}
