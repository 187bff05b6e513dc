/**
 * The minified and gzipped size of what a validator adds to an application: esbuild bundles the entry (with
 * everything it imports), minifies it, and gzip -9 compresses it.
 */

import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface SizeResult {
  readonly name: string;
  readonly minified: number;
  readonly gzipped: number;
}

/** Bundles `contents` (an ESM module resolved from the project root), minified; returns both sizes. */
export async function bundleSize(name: string, contents: string): Promise<SizeResult> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: `${name}.js`, loader: "ts" },
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    platform: "node",
    target: "es2020",
    legalComments: "none",
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { name, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}
