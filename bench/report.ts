/**
 * The targets, checked against one run's measurements, and the tables `npm run bench` prints.
 */

import type { Kind } from "../generated/validators/index.js";
import type { ColdStartResult } from "./cold-start.js";
import { AJV_FAST, HAND_WRITTEN, JSON_PARSE, PACKAGE } from "./contenders.js";
import type { SizeResult } from "./size.js";
import type { SpeedResult } from "./speed.js";

/** The cold-start control: a one-line module, whose import() time is the loader's own cost. */
export const EMPTY_MODULE = "empty module (control)";

export interface Target {
  readonly target: string;
  readonly kind: Kind;
  readonly measured: string;
  readonly met: boolean;
}

const ns = (results: SpeedResult, name: string) => results.contenders.find((c) => c.name === name)!.nsPerBody;

/** The ratio of a contender's time to the hand-written check's and to JSON.parse's on the same payload. */
export function ratios(result: SpeedResult, name: string): { vsHandWritten: number; vsJsonParse: number } {
  const t = ns(result, name);
  return { vsHandWritten: t / ns(result, HAND_WRITTEN), vsJsonParse: t / ns(result, JSON_PARSE) };
}

export function targets(
  speed: readonly SpeedResult[],
  cold: readonly ColdStartResult[],
  sizes: ReadonlyMap<Kind, SizeResult>,
): Target[] {
  const out: Target[] = [];
  const at = (kind: Kind, payload: string) => speed.find((s) => s.kind === kind && s.payload === payload)!;
  for (const kind of sizes.keys()) {
    const small = ratios(at(kind, "small"), PACKAGE).vsHandWritten;
    out.push({ target: "small valid body <= 1.5x hand-written", kind, measured: `${small.toFixed(2)}x`, met: small <= 1.5 });
    const batch = ratios(at(kind, "batch of 1,000"), PACKAGE).vsHandWritten;
    out.push({ target: "1,000-body batch <= 1.3x hand-written", kind, measured: `${batch.toFixed(2)}x`, met: batch <= 1.3 });
    const speedups = speed.filter((s) => s.kind === kind).map((s) => ({ payload: s.payload, valid: s.valid, x: ns(s, AJV_FAST) / ns(s, PACKAGE) }));
    const worstOf = (list: typeof speedups) => list.reduce((a, b) => (b.x < a.x ? b : a));
    const worst = worstOf(speedups);
    const worstValid = worstOf(speedups.filter((s) => s.valid));
    out.push({
      target: ">= 1.5x faster than Ajv with fast formats, every payload",
      kind,
      measured: `${worst.x.toFixed(2)}x at worst (${worst.payload}); valid bodies ${worstValid.x.toFixed(2)}x at worst (${worstValid.payload})`,
      met: worst.x >= 1.5,
    });
    const start = cold.find((c) => c.kind === kind && c.name === PACKAGE)!;
    const loader = cold.find((c) => c.name === EMPTY_MODULE)!;
    const own = start.importToVerdictMs - loader.importToVerdictMs;
    out.push({
      target: "cold start <= 1 ms over bare node",
      kind,
      measured:
        `${own.toFixed(2)} ms beyond importing an empty module (${start.importToVerdictMs.toFixed(2)} ms import-to-verdict; ` +
        `wall over bare node ${start.overBareNodeMs.toFixed(1)} ms, noise ~5 ms)`,
      met: own <= 1,
    });
    const size = sizes.get(kind)!;
    out.push({ target: "validator <= 3 KB min+gzip", kind, measured: `${(size.gzipped / 1024).toFixed(2)} KB`, met: size.gzipped <= 3 * 1024 });
  }
  return out;
}

// ---- printing ------------------------------------------------------------------------------------------------------

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");

/** Per kind: ns per body of every contender on every payload (`*` marks a verdict that differs from the package's). */
export function speedTables(speed: readonly SpeedResult[]): string {
  const kinds = [...new Set(speed.map((s) => s.kind))];
  return kinds
    .map((kind) => {
      const rows = speed.filter((s) => s.kind === kind);
      const names = rows[0]!.contenders.map((c) => c.name);
      const body = rows.map((s) => [
        `${s.payload} (${int(s.bytes)} B)`,
        ...s.contenders.map((c) => `${int(c.nsPerBody)}${c.agrees ? " " : "*"}`),
        `${ratios(s, PACKAGE).vsHandWritten.toFixed(2)}x`,
        `${(ns(s, AJV_FAST) / ns(s, PACKAGE)).toFixed(1)}x`,
      ]);
      return `${kind}: ns per body (median of rounds)\n${table([kind, ...names, "pkg/hand", "ajv-fast/pkg"], body)}`;
    })
    .join("\n\n");
}

export function coldStartTable(cold: readonly ColdStartResult[]): string {
  const loader = cold.find((c) => c.name === EMPTY_MODULE)?.importToVerdictMs ?? 0;
  return table(
    ["cold start", "kind", "import to verdict (ms)", "less empty import (ms)", "wall over bare node (ms)"],
    cold.map((c) => [c.name, c.kind, c.importToVerdictMs.toFixed(2), (c.importToVerdictMs - loader).toFixed(2), c.overBareNodeMs.toFixed(1)]),
  );
}

export function sizeTable(sizes: readonly SizeResult[]): string {
  return table(
    ["bundle (esbuild --minify)", "minified B", "min+gzip B"],
    sizes.map((s) => [s.name, int(s.minified), int(s.gzipped)]),
  );
}

export function targetTable(list: readonly Target[]): string {
  return table(["target", "kind", "measured", "met"], list.map((t) => [t.target, t.kind, t.measured, t.met ? "yes" : "NO"]));
}

/** Verdicts of each contender on the edge cases, against the expected verdict. */
export function edgeCaseTable(rows: readonly { name: string; expected: boolean; verdicts: Record<string, boolean> }[]): string {
  const names = Object.keys(rows[0]!.verdicts);
  return table(
    ["edge case (segment body)", "expected", ...names],
    rows.map((r) => [r.name, r.expected ? "valid" : "invalid", ...names.map((n) => (r.verdicts[n] === r.expected ? "ok" : "WRONG"))]),
  );
}
