/**
 * The minified and gzipped size of what an import adds to an application: esbuild bundles the entry (with
 * everything it imports, code splitting on), minifies it, and gzip -9 compresses each output file. What loads
 * at import is the entry file and the chunks it imports statically; a chunk reached only by `import()` (an
 * error path loaded on a refusal) counts in the total, not at import. `group-spec/<kind>` resolves through the
 * package's own `exports` map, as in an application that depends on it.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { ROOT } from "./dist.js";
import { TMP } from "./peers/standalone.js";

/** The size of one bundle. */
export interface SizeResult {
  readonly name: string;
  /** The module the size is of, as an application writes it. */
  readonly source: string;
  /** Minified bytes loaded at import. */
  readonly minified: number;
  /** Sum of the gzipped output files loaded at import (what the targets use). */
  readonly gzipped: number;
  /** Sum of every gzipped output file, dynamically imported chunks included. */
  readonly gzippedAll: number;
}

let count = 0;

/** Bundles `contents` (an ESM module resolved from the project root), minified; returns the sizes. */
export async function bundleSize(name: string, contents: string): Promise<SizeResult> {
  const dir = `${TMP}size-${count++}/`;
  mkdirSync(dir, { recursive: true });
  const entry = `${dir}app.js`;
  writeFileSync(entry, contents);
  const result = await build({
    entryPoints: [entry],
    outdir: `${dir}out`,
    bundle: true,
    splitting: true,
    write: false,
    metafile: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "es2022",
    legalComments: "none",
    logLevel: "silent",
    absWorkingDir: ROOT,
  });
  const files = new Map(result.outputFiles.filter((f) => f.path.endsWith(".js")).map((f) => [relative(ROOT, f.path), f.contents]));
  const outputs = result.metafile.outputs;
  const start = Object.keys(outputs).find((path) => outputs[path]!.entryPoint !== undefined)!;
  const loaded = new Set<string>();
  const visit = (path: string) => {
    if (loaded.has(path)) return;
    loaded.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
  };
  visit(start);
  const gzip = (code: Uint8Array) => gzipSync(code, { level: 9 }).length;
  let minified = 0;
  let gzipped = 0;
  let gzippedAll = 0;
  for (const [path, code] of files) {
    const size = gzip(code);
    gzippedAll += size;
    if (loaded.has(path)) {
      minified += code.length;
      gzipped += size;
    }
  }
  return { name, source: contents, minified, gzipped, gzippedAll };
}
