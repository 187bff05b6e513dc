/**
 * Cold start: a fresh node process imports a validator and checks one small body. Measured two ways: inside the
 * process, from before the `import()` to the first verdict; and from outside, the wall time of the whole process
 * minus that of a process doing the same without the import (a bare node start). Runs alternate between the
 * contenders and the bare script, so drift on a shared machine hits all alike.
 */

import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Kind } from "../generated/validators/index.js";
import { median } from "./speed.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** Scratch files of the bench (git-ignored). */
export const TMP = fileURLToPath(new URL("./tmp/", import.meta.url));
/** Processes per contender. */
const RUNS = 15;

export interface ColdStartResult {
  readonly name: string;
  readonly kind: Kind;
  /** Median, inside the process, from before `import()` to the first verdict. */
  readonly importToVerdictMs: number;
  /** Median wall time of the process minus that of a bare node process. */
  readonly overBareNodeMs: number;
  readonly verdict: boolean;
}

/** What a cold-start process imports: a module file, and the expression that checks `body` with what it exports. */
export interface ColdStartEntry {
  readonly name: string;
  readonly kind: Kind;
  readonly module: string;
  readonly call: string;
}

/** The peers' validators bundled into one ESM file each, as an application would ship them. */
export async function bundlePeers(): Promise<Record<string, string>> {
  mkdirSync(TMP, { recursive: true });
  const entries: Record<string, string> = {
    "hand-written": "bench/peers/hand-written.ts",
    "ajv full formats": "bench/peers/ajv.ts",
    "typebox compiler": "bench/peers/typebox.ts",
    "zod 4": "bench/peers/zod.ts",
    "valibot 1": "bench/peers/valibot.ts",
  };
  const out: Record<string, string> = {};
  for (const [name, entry] of Object.entries(entries)) {
    const file = `${TMP}${name.replace(/\W+/g, "-")}.mjs`;
    await build({
      entryPoints: [`${ROOT}${entry}`],
      outfile: file,
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "silent",
    });
    out[name] = file;
  }
  return out;
}

function script(entry: ColdStartEntry | undefined, body: unknown): string {
  const check = entry === undefined ? "true" : `(${entry.call})(body)`;
  const load = entry === undefined ? "const m = {};" : `const m = await import(${JSON.stringify(entry.module)});`;
  return `const body = ${JSON.stringify(body)};
const t0 = performance.now();
${load}
const verdict = Boolean(${check});
const t1 = performance.now();
process.stdout.write(JSON.stringify({ verdict, ms: t1 - t0 }));
`;
}

function runOnce(file: string): { wallMs: number; ms: number; verdict: boolean } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [file], { encoding: "utf8" });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`${file} failed: ${child.stderr}`);
  const { ms, verdict } = JSON.parse(child.stdout) as { ms: number; verdict: boolean };
  return { wallMs, ms, verdict };
}

/** Cold start of each entry, each checking `bodies[entry.kind]`. */
export function coldStarts(entries: readonly ColdStartEntry[], bodies: Record<Kind, unknown>): ColdStartResult[] {
  mkdirSync(TMP, { recursive: true });
  const bare = `${TMP}cold-bare.mjs`;
  writeFileSync(bare, script(undefined, bodies.segment));
  const files = entries.map((entry, i) => {
    const file = `${TMP}cold-${i}.mjs`;
    writeFileSync(file, script(entry, bodies[entry.kind]));
    return file;
  });
  const bareWall: number[] = [];
  const runs = entries.map(() => [] as { wallMs: number; ms: number; verdict: boolean }[]);
  for (let r = 0; r < RUNS; r++) {
    bareWall.push(runOnce(bare).wallMs);
    files.forEach((file, i) => runs[i]!.push(runOnce(file)));
  }
  const bareMs = median(bareWall);
  return entries.map((entry, i) => ({
    name: entry.name,
    kind: entry.kind,
    importToVerdictMs: median(runs[i]!.map((run) => run.ms)),
    overBareNodeMs: median(runs[i]!.map((run) => run.wallMs)) - bareMs,
    verdict: runs[i]![0]!.verdict,
  }));
}
