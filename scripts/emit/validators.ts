import { Name } from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import type { Operation } from "../../schemas/dialect.js";
import { formats } from "../../schemas/formats/index.js";
import { nameOf } from "../../schemas/named.js";
import { bannerComment } from "./banner.js";
import { anyOfIssues } from "./any-of-issues.js";
import { inlineRefs } from "./inline-refs.js";
import { addLengthKeywords, CODE_POINTS } from "./length-keywords.js";
import type { JsonObject } from "./plain.js";
import { anyOfModule, declaration, registry, VARIANTS } from "./validator-modules.js";

/** The project root: esbuild resolves the format functions and Ajv's runtime from here. */
const ROOT = new URL("../../", import.meta.url).pathname;

/** The identifier the generated code reads the format functions from; an ESM import binds it. */
const FORMATS = "groupSpecFormats";
const PRELUDE =
  `import { formats as ${FORMATS} } from "./schemas/formats/index.ts";\n` +
  `import { codePoints as ${CODE_POINTS} } from "./schemas/keywords/code-points.ts";\n`;

function createAjv(allErrors: boolean) {
  const ajv = new Ajv2020.default({
    strict: true,
    // Reserved traits are typed under their canonical name and under every other spelling (patternProperties).
    allowMatchingProperties: true,
    allErrors,
    messages: false,
    code: { source: true, esm: true, lines: false, formats: new Name(FORMATS) },
  });
  for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);
  addLengthKeywords(ajv);
  return ajv;
}

/**
 * `generated/validators/<kind>.js` (ESM), `.cjs` (CommonJS) and `.d.ts` for every operation's request body,
 * and the same for `<kind>.details`, which reports every error: Ajv standalone code bundled by esbuild with
 * the format functions, so that a validator needs no `require`, no other package and no code generation at
 * run time. Each is compiled from the body's schema with every `$ref` inlined (see `inline-refs.ts`), and
 * `validators/any-of.ts` gives the issue code of the `anyOf`s whose failures the runtime reports as one issue.
 */
export async function emitValidators(
  operations: readonly Operation[],
  documentOf: (name: string) => JsonObject,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const titles: Record<string, Record<string, string>> = {};
  for (const operation of operations) {
    const name = nameOf(operation.request)!;
    const schema = inlineRefs(documentOf(name));
    titles[operation.kind] = anyOfIssues(schema);
    for (const variant of VARIANTS) {
      const ajv = createAjv(variant.allErrors);
      const source = PRELUDE + standaloneCode.default(ajv, ajv.compile(schema));
      const base = `validators/${operation.kind}${variant.suffix}`;
      for (const [format, ext] of [["esm", "js"], ["cjs", "cjs"]] as const) {
        files.set(`${base}.${ext}`, await bundle(source, format, `${operation.kind}${variant.suffix}.validator.js`));
      }
      files.set(`${base}.d.ts`, declaration(name, variant.doc));
      files.set(`${base}.d.cts`, declaration(name, variant.doc));
    }
  }
  files.set("validators/index.ts", registry(operations));
  files.set("validators/any-of.ts", anyOfModule(titles));
  return files;
}

async function bundle(source: string, format: "esm" | "cjs", sourcefile: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, sourcefile, loader: "js" },
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
  return result.outputFiles[0]!.text;
}
