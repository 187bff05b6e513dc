/**
 * Cold start: a fresh node process imports a module and checks one small body. Measured inside the process,
 * from before the `import()` to the first verdict, as CPU time (steady on a shared machine, where wall time
 * also counts the time slices the process waited for) and as wall time; and from outside, the wall time of the whole process
 * minus that of a bare node process running the same script without the import. Runs alternate between the
 * contenders and the bare script, so drift on a shared machine hits all alike.
 */

import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Kind } from "../generated/validators/index.js";
import { TMP } from "./peers/standalone.js";
import { median } from "./timer.js";

/** One contender's cold start, medians over its processes. */
export interface ColdStartResult {
  readonly name: string;
  readonly kind: Kind;
  /** Median, inside the process, of the CPU time from before `import()` to the first verdict (what the targets use). */
  readonly importToVerdictCpuMs: number;
  /** Median, inside the process, of the wall time from before `import()` to the first verdict. */
  readonly importToVerdictMs: number;
  /** Median wall time of the process minus that of a bare node process. */
  readonly overBareNodeMs: number;
  readonly verdict: boolean;
}

/** What a cold-start process imports: a module file, and the expression that checks `body` with what it exports (`m`). */
export interface ColdStartEntry {
  readonly name: string;
  readonly kind: Kind;
  readonly module: string;
  readonly call: string;
}

function script(entry: ColdStartEntry | undefined, body: unknown): string {
  const check = entry === undefined ? "true" : `(${entry.call})`;
  const load = entry === undefined ? "const m = {};" : `const m = await import(${JSON.stringify(pathToFileURL(entry.module).href)});`;
  return `const body = ${JSON.stringify(body)};
const c0 = process.cpuUsage();
const t0 = performance.now();
${load}
const verdict = Boolean(${check});
const t1 = performance.now();
const cpu = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ verdict, ms: t1 - t0, cpuMs: (cpu.user + cpu.system) / 1000 }));
`;
}

interface Run {
  readonly wallMs: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly verdict: boolean;
}

function runOnce(file: string): Run {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [file], { encoding: "utf8" });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`${file} failed: ${child.stderr}`);
  const { ms, cpuMs, verdict } = JSON.parse(child.stdout) as { ms: number; cpuMs: number; verdict: boolean };
  return { wallMs, ms, cpuMs, verdict };
}

/** Cold start of each entry, each checking `bodies[entry.kind]`, `runs` processes each. */
export function coldStarts(entries: readonly ColdStartEntry[], bodies: Record<Kind, unknown>, runs: number): ColdStartResult[] {
  mkdirSync(TMP, { recursive: true });
  const bare = `${TMP}cold-bare.mjs`;
  writeFileSync(bare, script(undefined, bodies.segment));
  const files = entries.map((entry, i) => {
    const file = `${TMP}cold-${i}.mjs`;
    writeFileSync(file, script(entry, bodies[entry.kind]));
    return file;
  });
  const bareWall: number[] = [];
  const results = entries.map(() => [] as Run[]);
  for (let r = 0; r < runs; r++) {
    bareWall.push(runOnce(bare).wallMs);
    files.forEach((file, i) => results[i]!.push(runOnce(file)));
  }
  const bareMs = median(bareWall);
  return entries.map((entry, i) => ({
    name: entry.name,
    kind: entry.kind,
    importToVerdictCpuMs: median(results[i]!.map((run) => run.cpuMs)),
    importToVerdictMs: median(results[i]!.map((run) => run.ms)),
    overBareNodeMs: median(results[i]!.map((run) => run.wallMs)) - bareMs,
    verdict: results[i]![0]!.verdict,
  }));
}
