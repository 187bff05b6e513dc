import Ajv2020 from "ajv/dist/2020.js";

/**
 * Checks every emitted JSON Schema against the draft 2020-12 metaschema (Ajv's copy), so that a malformed
 * keyword value in schemas/ fails `npm run generate` instead of reaching users. Throws naming each file and
 * the first problem found in it.
 *
 * @param files emitted files by path; those ending in `.json` under `json-schema/` are checked
 */
export function assertMetaschema(files: ReadonlyMap<string, string>): void {
  const ajv = new Ajv2020.default({ strict: false, validateFormats: false });
  const problems: string[] = [];
  for (const [path, text] of files) {
    if (!path.startsWith("json-schema/") || !path.endsWith(".json")) continue;
    if (!ajv.validateSchema(JSON.parse(text) as object)) {
      const first = ajv.errors?.[0];
      problems.push(`${path}: ${first?.instancePath || "/"} ${first?.message ?? "is not a valid schema"}`);
    }
  }
  if (problems.length > 0) throw new Error(`Emitted JSON Schemas that break the 2020-12 metaschema:\n${problems.join("\n")}`);
}
