import { Name } from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import { formats } from "../../schemas/formats/index.js";
import type { Operation } from "../../schemas/dialect.js";
import { nameOf } from "../../schemas/named.js";
import { bannerComment } from "./banner.js";
import { addLengthKeywords, CODE_POINTS } from "./length-keywords.js";
import type { JsonObject } from "./plain.js";

/** The project root: esbuild resolves the format functions and Ajv's runtime from here. */
const ROOT = new URL("../../", import.meta.url).pathname;

/** The identifier the generated code reads the format functions from; an ESM import binds it. */
const FORMATS = "groupSpecFormats";
const PRELUDE =
  `import { formats as ${FORMATS} } from "./schemas/formats/index.ts";\n` +
  `import { codePoints as ${CODE_POINTS} } from "./schemas/keywords/code-points.ts";\n`;

/** The Ajv options the validators are compiled with; the format functions are bundled in by path. */
function createAjv() {
  const ajv = new Ajv2020.default({
    strict: true,
    // Reserved traits are typed under their canonical name and under every other spelling (patternProperties).
    allowMatchingProperties: true,
    allErrors: false,
    messages: false,
    code: { source: true, esm: true, lines: false, formats: new Name(FORMATS) },
  });
  for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);
  addLengthKeywords(ajv);
  return ajv;
}

/**
 * `generated/validators/<kind>.js` (ESM), `.cjs` (CommonJS) and `.d.ts` for every operation's request body:
 * Ajv standalone code bundled by esbuild with the format functions and Ajv's small runtime helpers, so that a
 * validator needs no `require`, no other package and no code generation at run time.
 */
export async function emitValidators(
  operations: readonly Operation[],
  documentOf: (name: string) => JsonObject,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const operation of operations) {
    const name = nameOf(operation.request)!;
    const ajv = createAjv();
    const source = PRELUDE + standaloneCode.default(ajv, ajv.compile(documentOf(name)));
    for (const format of ["esm", "cjs"] as const) {
      const result = await build({
        stdin: { contents: source, resolveDir: ROOT, sourcefile: `${operation.kind}.validator.js`, loader: "js" },
        absWorkingDir: ROOT,
        bundle: true,
        write: false,
        format,
        platform: "neutral",
        target: "es2020",
        legalComments: "none",
        banner: { js: bannerComment.trimEnd() },
        logLevel: "silent",
      });
      const ext = format === "esm" ? "js" : "cjs";
      files.set(`validators/${operation.kind}.${ext}`, result.outputFiles[0]!.text);
    }
    files.set(`validators/${operation.kind}.d.ts`, declaration(name));
    files.set(`validators/${operation.kind}.d.cts`, declaration(name));
  }
  files.set("validators/index.ts", registry(operations));
  return files;
}

/** `validators/index.ts`: every validator by body kind, and the body type of each kind. */
function registry(operations: readonly Operation[]): string {
  const id = (kind: string) => kind.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  const imports = operations.map((op) => `import ${id(op.kind)} from "./${op.kind}.js";`).join("\n");
  const types = [...new Set(operations.map((op) => nameOf(op.request)!))].sort().join(", ");
  const entries = operations.map((op) => `  ${JSON.stringify(op.kind)}: ${id(op.kind)},`).join("\n");
  const bodies = operations.map((op) => `  ${JSON.stringify(op.kind)}: ${nameOf(op.request)!};`).join("\n");
  return `${bannerComment}import type { ${types} } from "../types/index.js";
${imports}

/** The request body type of each kind. */
export interface Bodies {
${bodies}
}

/** A request body kind: the first argument of \`validate\`. */
export type Kind = keyof Bodies;

/** The generated validator of each kind. */
export const validators = {
${entries}
} as const;

/** Every kind, in the order the dialects define them. */
export const KINDS: readonly Kind[] = ${JSON.stringify(operations.map((op) => op.kind))};
`;
}

function declaration(typeName: string): string {
  return `${bannerComment}import type { ${typeName} } from "../types/index.js";
import type { ValidatorError } from "../types/validator-error.js";

/** Checks a ${typeName} body; on \`false\`, \`validate.errors\` holds the first error found. */
declare const validate: ((data: unknown) => data is ${typeName}) & { errors: ValidatorError[] | null };
export default validate;
export { validate };
`;
}

/** The shape of an error the standalone validators report (Ajv's `ErrorObject` without messages). */
export const validatorErrorDeclaration = `${bannerComment}/** One error reported by a generated validator (Ajv's error object, without message text). */
export interface ValidatorError {
  /** JSON Pointer to the failing value. */
  instancePath: string;
  /** JSON Pointer to the failing keyword in the body's JSON Schema. */
  schemaPath: string;
  /** The failing keyword: \`required\`, \`type\`, \`maxLength\`, ... */
  keyword: string;
  /** The keyword's parameters, such as \`{ missingProperty: "user_id" }\` or \`{ limit: 255 }\`. */
  params: Record<string, unknown>;
}
`;
