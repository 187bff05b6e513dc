import { build } from "esbuild";
import type { Operation } from "../../schemas/dialect.js";
import * as formatModule from "../../schemas/formats/index.js";
import { nameOf } from "../../schemas/named.js";
import { bannerComment } from "./banner.js";
import type { JsonObject } from "./plain.js";
import type { SpelledName } from "./compiler/module-scope.js";
import { validatorSource } from "./compiler/validator-source.js";
import { declaration, registry } from "./validator-modules.js";

/** The project root: esbuild resolves the format functions and the code-point counter from here. */
const ROOT = new URL("../../", import.meta.url).pathname;

/** For each format name, the name its checker is exported under by schemas/formats/index.ts. */
export function formatFunctions(): Record<string, string> {
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
 * `validate` (the verdict) and `issues` (the issues of a refused body), emitted from the body's schema (and the
 * traits objects whose reserved names may be spelled several ways, see `spelledTraits`) by
 * `validator-source.ts` and bundled by esbuild with the format functions and the issue messages, so that a
 * validator needs no `require`, no other package and no code generation at run time.
 */
export async function emitValidators(
  operations: readonly Operation[],
  documentOf: (name: string) => JsonObject,
  spelled: Readonly<Record<string, readonly SpelledName[]>> = {},
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const functions = formatFunctions();
  for (const operation of operations) {
    const name = nameOf(operation.request)!;
    const document = documentOf(name);
    const source = validatorSource(document, functions, spelled);
    const base = `validators/${operation.kind}`;
    for (const [format, ext] of [["esm", "js"], ["cjs", "cjs"]] as const) {
      files.set(`${base}.${ext}`, await bundle(source, format, `${operation.kind}.validator.js`));
    }
    files.set(`${base}.d.ts`, declaration(name));
    files.set(`${base}.d.cts`, declaration(name));
  }
  files.set("validators/index.ts", registry(operations));
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
