import type { Operation } from "../../schemas/dialect.js";
import { nameOf } from "../../schemas/named.js";
import { bannerComment } from "./banner.js";

/** The `.d.ts` of one generated validator module: `validate` and `details`. */
export function declaration(typeName: string): string {
  return `${bannerComment}import type { ${typeName} } from "../types/index.js";
import type { ValidatorError } from "../types/validator-error.js";

/** Checks a ${typeName} body; on \`false\`, \`validate.errors\` holds the first error found. */
declare const validate: ((data: unknown) => data is ${typeName}) & { errors: ValidatorError[] | null };
/** Checks a ${typeName} body; on \`false\`, \`details.errors\` holds every error found. Run it on a body \`validate\` refused. */
declare const details: ((data: unknown) => data is ${typeName}) & { errors: ValidatorError[] | null };
export default validate;
export { validate, details };
`;
}

/** `validators/index.ts`: both validators of every body kind, and the body type of each kind. */
export function registry(operations: readonly Operation[]): string {
  const id = (kind: string) => kind.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  const imports = operations
    .map((op) => `import ${id(op.kind)}, { details as ${id(op.kind)}Details } from "./${op.kind}.js";`)
    .join("\n");
  const types = [...new Set(operations.map((op) => nameOf(op.request)!))].sort().join(", ");
  const entry = (suffix: string) => operations.map((op) => `  ${JSON.stringify(op.kind)}: ${id(op.kind)}${suffix},`).join("\n");
  const bodies = operations.map((op) => `  ${JSON.stringify(op.kind)}: ${nameOf(op.request)!};`).join("\n");
  return `${bannerComment}import type { ${types} } from "../types/index.js";
${imports}

/** The request body type of each kind. */
export interface Bodies {
${bodies}
}

/** A request body kind: the first argument of \`validate\`. */
export type Kind = keyof Bodies;

/** The generated validator of each kind: stops at the first error. */
export const validators = {
${entry("")}
} as const;

/** The generated validator of each kind that reports every error. */
export const detailValidators = {
${entry("Details")}
} as const;

/** Every kind, in the order the dialects define them. */
export const KINDS: readonly Kind[] = ${JSON.stringify(operations.map((op) => op.kind))};
`;
}

/** `validators/any-of.ts`: per kind, the issue code of each `anyOf` reported as one issue, by its `schemaPath`. */
export function anyOfModule(titles: Record<string, Record<string, string>>): string {
  const doc = [
    "/**",
    " * Per body kind, the issue code of each anyOf whose failure is reported as one issue (identity, too_deep),",
    " * by the schemaPath its validator reports for that anyOf.",
    " */",
  ].join("\n");
  const type = 'Readonly<Record<string, Readonly<Record<string, "identity" | "too_deep">>>>';
  return `${bannerComment}${doc}\nexport const ANY_OF_ISSUES: ${type} = ${JSON.stringify(titles, null, 2)};\n`;
}

/** The shape of an error the standalone validators report (Ajv's `ErrorObject` without messages). */
export const validatorErrorDeclaration = `${bannerComment}${[
  "/** One error reported by a generated validator (Ajv's error object, without message text). */",
  "export interface ValidatorError {",
  "  /** JSON Pointer to the failing value. */",
  "  instancePath: string;",
  "  /** JSON Pointer to the failing keyword, from the root of the body's schema with every $ref inlined. */",
  "  schemaPath: string;",
  "  /** The failing keyword: required, type, maxLength, ... */",
  "  keyword: string;",
  '  /** The keyword\'s parameters, such as { missingProperty: "user_id" } or { limit: 255 }. */',
  "  params: Record<string, unknown>;",
  "}",
].join("\n")}\n`;
