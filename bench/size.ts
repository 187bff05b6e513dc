/**
 * The minified and gzipped size of what an import adds to an application: esbuild bundles the entry (with
 * everything it imports), minifies it, and gzip -9 compresses it. `group-spec/<kind>` resolves through the
 * package's own `exports` map, as in an application that depends on it.
 */

import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { ROOT } from "./dist.js";

export interface SizeResult {
  readonly name: string;
  /** The module the size is of, as an application writes it. */
  readonly source: string;
  readonly minified: number;
  readonly gzipped: number;
}

/** Bundles `contents` (an ESM module resolved from the project root), minified; returns both sizes. */
export async function bundleSize(name: string, contents: string): Promise<SizeResult> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: "app.js", loader: "js" },
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    platform: "node",
    target: "es2022",
    legalComments: "none",
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { name, source: contents, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}
