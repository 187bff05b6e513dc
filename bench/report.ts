/**
 * The tables `npm run bench` prints, and the same as Markdown for the README: every section's figures, then
 * every target with its ratio and met/missed.
 */

import { KINDS } from "../generated/validators/index.js";
import type { CliResult } from "./cli-throughput.js";
import type { ColdStartResult } from "./cold-start.js";
import { STANDALONE } from "./peers/standalone.js";
import type { ServerLoadResult } from "./server-load.js";
import type { SizeResult } from "./size.js";
import { JSON_NAMES, NAMES, type EdgeResult, type JsonSpeedResult, type SpeedResult } from "./speed.js";
import type { Measured, Target } from "./targets.js";

/** Aligned text for the terminal, or Markdown for the README. */
export type Style = "text" | "md";

/** A table as aligned text, or as a Markdown table. The first column is left-aligned, the rest right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], style: Style): string {
  if (style === "md") {
    const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(" | ")} |`;
    return [line(header), `|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`, ...rows.map(line)].join("\n");
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** A table cell as Markdown text: arrows and comparisons as symbols, then no `<` left to open an HTML tag. */
function markdownCell(text: string): string {
  return text.replaceAll("<=", "≤").replaceAll(">=", "≥").replaceAll("->", "→").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("|", "\\|");
}

const int = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? "-" : Math.round(n).toLocaleString("en-US"));
const ratio = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? "-" : `${n.toFixed(2)}x`);
const nsOf = (s: { contenders: readonly { name: string; ns: number }[] }, name: string) => s.contenders.find((c) => c.name === name)?.ns;

/** The speed columns: on invalid payloads the Ajv and schemasafe columns are their allErrors builds. */
const SPEED_COLUMNS: readonly [string, string, string][] = [
  ["validate()", NAMES.validate, NAMES.validate],
  ["entry validate", NAMES.entry, NAMES.entry],
  ["verdict", NAMES.verdict, NAMES.verdict],
  ["hand-written", NAMES.handWritten, NAMES.handWritten],
  ["ajv full", STANDALONE.ajvFull, STANDALONE.ajvFullAll],
  ["ajv fast", STANDALONE.ajvFast, STANDALONE.ajvFastAll],
  ["schemasafe", STANDALONE.schemasafe, STANDALONE.schemasafeAll],
  ["JSON.parse", NAMES.jsonParse, NAMES.jsonParse],
];

/** ns per body of every contender on every payload (`*`: a verdict that differs from the package's). */
export function speedTable(speed: readonly SpeedResult[], style: Style): string {
  const extra = [...new Set(speed.flatMap((s) => s.contenders.map((c) => c.name)))].filter(
    (name) => !SPEED_COLUMNS.some(([, a, b]) => a === name || b === name),
  );
  const header = ["ns per body", ...SPEED_COLUMNS.map(([label]) => label), ...extra, "validate()/verdict", "validate()/hand", "validate()/ajv full"];
  const rows = speed.map((s) => {
    const cell = (name: string) => {
      const c = s.contenders.find((k) => k.name === name);
      return c === undefined ? "-" : `${int(c.ns)}${c.agrees ? "" : "*"}`;
    };
    const ajv = s.valid ? STANDALONE.ajvFull : STANDALONE.ajvFullAll;
    const v = nsOf(s, NAMES.validate);
    return [
      `${s.kind} ${s.payload} (${int(s.bytes)} B)`,
      ...SPEED_COLUMNS.map(([, valid, invalid]) => cell(s.valid ? valid : invalid)),
      ...extra.map(cell),
      ratio(v! / nsOf(s, NAMES.verdict)!),
      ratio(v! / nsOf(s, NAMES.handWritten)!),
      ratio(v! / (nsOf(s, ajv) ?? NaN)),
    ];
  });
  const note = "On invalid payloads the ajv and schemasafe columns are their allErrors builds. * = a verdict that differs from the package's.";
  return `${table(header, rows, style)}\n\n${note}`;
}

/** Each contender's verdict on the edge cases: ok when it is the package's, WRONG otherwise. */
export function edgeTable(edges: readonly EdgeResult[], style: Style): string {
  const names = Object.keys(edges[0]?.verdicts ?? {});
  return table(
    ["edge case (segment body)", "package", ...names],
    edges.map((e) => [e.name, e.expected ? "valid" : "invalid", ...names.map((n) => (e.verdicts[n] === e.expected ? "ok" : "WRONG"))]),
    style,
  );
}

/** ns per body of `validateJson()` and its comparisons, per kind and size. */
export function jsonTable(json: readonly JsonSpeedResult[], style: Style): string {
  const names = Object.values(JSON_NAMES);
  const rows = json.map((j) => [
    `${j.kind} ${int(j.bytes)} B${j.valid ? "" : " (refused!)"}`,
    ...names.map((name) => int(nsOf(j, name))),
    ratio(nsOf(j, JSON_NAMES.validateJson)! / nsOf(j, JSON_NAMES.parseValidate)!),
    ratio(nsOf(j, JSON_NAMES.validateJson)! / nsOf(j, JSON_NAMES.jsonParse)!),
  ]);
  return table(["ns per body", ...names, "validateJson / (parse + validate)", "validateJson / JSON.parse"], rows, style);
}

/** Cold start of every contender. */
export function coldTable(cold: readonly ColdStartResult[], style: Style): string {
  return table(
    ["cold start (child process)", "kind", "import -> first verdict, CPU ms", "the same, wall ms", "process wall over bare node, ms"],
    cold.map((c) => [c.name, c.kind, c.importToVerdictCpuMs.toFixed(2), c.importToVerdictMs.toFixed(2), c.overBareNodeMs.toFixed(1)]),
    style,
  );
}

/** Bundle sizes, at import and with every chunk. */
export function sizeTable(sizes: readonly SizeResult[], style: Style): string {
  return table(
    ["bundle (esbuild --minify --splitting, gzip -9)", "minified B at import", "min+gzip B at import", "min+gzip B, all chunks"],
    sizes.map((s) => [s.name, int(s.minified), int(s.gzipped), int(s.gzippedAll)]),
    style,
  );
}

/** NDJSON throughput of every contender. */
export function cliTable(cli: CliResult, style: Style): string {
  const rows = cli.contenders.map((c) => [c.name, c.mbPerSecond.toFixed(1), c.seconds.map((s) => s.toFixed(2)).join(" ")]);
  if (cli.jobsUnsupported !== undefined) rows.push(["group-spec validate --ndjson --jobs 2", "not supported", "-"]);
  return table([`NDJSON, ${(cli.fileBytes / 1e6).toFixed(0)} MB, ${int(cli.lines)} segment bodies`, "MB/s (median)", "seconds per run"], rows, style);
}

/** 2xx answers per second of every server on every body. */
export function serverTable(server: ServerLoadResult, style: Style): string {
  const rows = server.loads.flatMap((l) =>
    l.servers.map((s) => [
      `${l.load} (${int(l.bytes)} B)`,
      s.name,
      int(s.okPerSecond),
      s.rounds.map(int).join(" "),
      s.non2xx + s.errors === 0 ? "0" : `${s.non2xx} non-2xx, ${s.errors} errors`,
    ]),
  );
  const first = server.loads[0];
  const head = first === undefined ? "load" : `load (${first.connections} connections, ${first.seconds} s per round)`;
  return table([head, "server", "2xx/s (median)", "rounds", "not 2xx"], rows, style);
}

const verdictOf = (t: Target) => (t.met === undefined ? (t.ratio === undefined ? "not judged" : "?") : t.met ? "met" : "missed");

/** Every target with its ratio, limit and verdict, one row per target and kind. */
export function targetTable(list: readonly Target[], style: Style): string {
  return table(
    ["target", "kind", "ratio", "limit", "verdict", "measured"],
    list.map((t) => [t.target, t.kind ?? "-", ratio(t.ratio), `${t.direction} ${t.limit}`, verdictOf(t), t.detail]),
    style,
  );
}

/** The targets for the README: per-kind targets as one row each with a column per kind, then the others. */
export function targetMatrix(list: readonly Target[]): string {
  const cell = (t: Target | undefined) =>
    t === undefined ? "-" : t.met === undefined ? (t.ratio === undefined ? "not run" : ratio(t.ratio)) : `${t.met ? "met" : "**missed**"} ${ratio(t.ratio)}`;
  const perKind = [...new Set(list.filter((t) => t.kind !== undefined).map((t) => t.target))];
  const kindRows = perKind.map((target) => [target, ...KINDS.map((kind) => cell(list.find((t) => t.target === target && t.kind === kind)))]);
  const whole = list.filter((t) => t.kind === undefined);
  return [
    table(["target (ratio measured in this run)", ...KINDS], kindRows, "md"),
    table(["target", "verdict", "measured"], whole.map((t) => [t.target, t.met === undefined ? "not judged" : cell(t), t.detail]), "md"),
  ].join("\n\n");
}

/** Every section that ran, as text or Markdown, separated by blank lines. */
export function sections(m: Measured, style: Style): string[] {
  const out: string[] = [];
  if (m.speed) out.push(speedTable(m.speed, style));
  if (m.edges) out.push(edgeTable(m.edges, style));
  if (m.json) out.push(jsonTable(m.json, style));
  if (m.cold) out.push(coldTable(m.cold, style));
  if (m.sizes) out.push(sizeTable(m.sizes, style));
  if (m.cli) out.push(cliTable(m.cli, style));
  if (m.server) out.push(serverTable(m.server, style));
  return out;
}
