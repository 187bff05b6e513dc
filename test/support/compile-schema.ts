import * as formatModule from "../../schemas/formats/index.js";
import { issueMessage } from "../../schemas/issues/messages.js";
import { codePoints } from "../../schemas/keywords/code-points.js";
import type { JsonObject } from "../../scripts/emit/plain.js";
import { validatorSource } from "../../scripts/emit/compiler/validator-source.js";
import { formatFunctions } from "../../scripts/emit/validators.js";
import type { Issue } from "../../src/index.js";

/** A validator compiled in this process from any JSON Schema, as the generator would emit it. */
export interface CompiledSchema {
  validate(data: unknown): boolean;
  issues(data: unknown, max: number): Issue[];
}

/**
 * Compiles a JSON Schema with the package's validator compiler and evaluates the module in this process (the
 * generator bundles it with esbuild instead; a test may evaluate code, the package never does). Throws what
 * the compiler throws for a schema it does not support.
 */
export function compileSchema(schema: unknown): CompiledSchema {
  const document = (schema === true ? {} : schema === false ? { not: {} } : schema) as JsonObject;
  const source = validatorSource(document, formatFunctions());
  const body = source
    .split("\n")
    .filter((line) => !line.startsWith("import ") && !line.startsWith("export "))
    .join("\n");
  const exported = formatModule as unknown as Record<string, unknown>;
  const names = ["codePoints", "issueMessage", ...Object.values(formatFunctions())];
  const values = [codePoints, issueMessage, ...Object.values(formatFunctions()).map((name) => exported[name])];
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a test evaluates the compiler's output
  const module = new Function(...names, `${body}\nreturn { validate, issues };`) as (...args: unknown[]) => CompiledSchema;
  return module(...values);
}
