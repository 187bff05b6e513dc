/**
 * What users import: the built package in dist/ (the root and one entry point per kind), loaded by path as
 * an application's bundler or Node would load `group-spec` and `group-spec/<kind>`. `npm run bench` builds it
 * first (`npm run build`), so a fresh clone needs only `npm ci`.
 */

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Kind } from "../generated/validators/index.js";
import type { Result, ValidateJsonOptions, ValidateOptions } from "../src/index.js";

/** The project root (where package.json is). */
export const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** The built package. */
export const DIST = `${ROOT}dist/`;
/** The built CLI, as `group-spec` runs it. */
export const CLI = `${DIST}cli.js`;

/** The root entry (`group-spec`): the functions the bench calls. */
export interface RootEntry {
  validate(kind: Kind, body: unknown, options?: ValidateOptions): Result<Kind>;
  validateJson(kind: Kind, input: string | Uint8Array, options?: ValidateJsonOptions): Result<Kind>;
}

/** One kind's entry (`group-spec/<kind>`). */
export interface KindEntry {
  validate(body: unknown, options?: ValidateOptions): Result<Kind>;
  validateJson(input: string | Uint8Array, options?: ValidateJsonOptions): Result<Kind>;
}

/** Runs `npm run build` (tsup, then the docs asset copy); throws with its output when it fails. */
export function buildDist(): void {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const child = spawnSync(npm, ["run", "build"], { cwd: ROOT, encoding: "utf8" });
  if (child.status !== 0) throw new Error(`npm run build failed:\n${child.stdout}\n${child.stderr}`);
}

/** The path of the built module of an entry: `index` or a kind. */
export function distModule(entry: "index" | Kind): string {
  const file = `${DIST}${entry}.js`;
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build (or npm run bench without --no-build).`);
  return file;
}

/** Imports the built root entry, `group-spec`. */
export async function loadRoot(): Promise<RootEntry> {
  return (await import(pathToFileURL(distModule("index")).href)) as RootEntry;
}

/** Imports the built entry of one kind, `group-spec/<kind>`. */
export async function loadKind(kind: Kind): Promise<KindEntry> {
  return (await import(pathToFileURL(distModule(kind)).href)) as KindEntry;
}
