import { build } from "esbuild";
import type { Operation } from "../../schemas/dialect.js";
import * as formatModule from "../../schemas/formats/index.js";
import { nameOf } from "../../schemas/named.js";
import { bannerComment } from "./banner.js";
import { anyOfIssues } from "./any-of-issues.js";
import { inlineRefs } from "./inline-refs.js";
import type { JsonObject } from "./plain.js";
import { validatorSource } from "./validator-source.js";
import { anyOfModule, declaration, registry } from "./validator-modules.js";

/** The project root: esbuild resolves the format functions and the code-point counter from here. */
const ROOT = new URL("../../", import.meta.url).pathname;

/** For each format name, the name its checker is exported under by schemas/formats/index.ts. */
function formatFunctions(): Record<string, string> {
  const exported = formatModule as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(formatModule.formats).map(([format, check]) => {
      if (exported[check.name] !== check) throw new Error(`schemas/formats/index.ts must export ${check.name} (format ${format}).`);
      return [format, check.name];
    }),
  );
}

/**
 * `generated/validators/<kind>.js` (ESM), `.cjs` (CommonJS) and `.d.ts` for every operation's request body:
 * `validate` (the verdict; on `false` the first error) and `details` (every error), emitted from the body's
 * schema by `validator-source.ts` and bundled by esbuild with the format functions, so that a validator needs no
 * `require`, no other package and no code generation at run time. Errors are Ajv's error objects, `schemaPath`
 * from the root of the schema with every `$ref` inlined, and `validators/any-of.ts` gives the issue code of the
 * `anyOf`s whose failures the runtime reports as one issue.
 */
export async function emitValidators(
  operations: readonly Operation[],
  documentOf: (name: string) => JsonObject,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const titles: Record<string, Record<string, string>> = {};
  const functions = formatFunctions();
  for (const operation of operations) {
    const name = nameOf(operation.request)!;
    const document = documentOf(name);
    titles[operation.kind] = anyOfIssues(inlineRefs(document));
    const source = validatorSource(document, functions);
    const base = `validators/${operation.kind}`;
    for (const [format, ext] of [["esm", "js"], ["cjs", "cjs"]] as const) {
      files.set(`${base}.${ext}`, await bundle(source, format, `${operation.kind}.validator.js`));
    }
    files.set(`${base}.d.ts`, declaration(name));
    files.set(`${base}.d.cts`, declaration(name));
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
