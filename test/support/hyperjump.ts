import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { registerSchema, setShouldValidateFormat } from "@hyperjump/json-schema/draft-2020-12";

const SCHEMA_DIR = join(import.meta.dirname, "..", "..", "generated", "json-schema");

/**
 * Registers every generated JSON Schema with @hyperjump/json-schema, format checks on. Its registry is global
 * and test files share a worker (vitest `isolate: false`), so a schema another file registered is left as is.
 */
export function registerGeneratedSchemas(): void {
  for (const file of readdirSync(SCHEMA_DIR)) {
    try {
      registerSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, file), "utf8")));
    } catch (error) {
      if (!(error instanceof Error && error.message.includes("already been registered"))) throw error;
    }
  }
  setShouldValidateFormat(true);
}
