/**
 * `npm run bench`: speed of every contender on every payload of every kind, cold start, bundle sizes and the
 * issue's edge cases, in one process (cold starts in child processes). Writes bench/results.json and prints the
 * tables. A benchmark, not a test: nothing here fails on a slow number.
 */

import { cpus, loadavg } from "node:os";
import { writeFileSync } from "node:fs";
import { KINDS, type Kind } from "../generated/validators/index.js";
import { bundlePeers, coldStarts, type ColdStartEntry } from "./cold-start.js";
import { contenders, HAND_WRITTEN, JSON_PARSE, PACKAGE } from "./contenders.js";
import { EMPTY_MODULE } from "./report.js";
import { edgeCases } from "./edge-cases.js";
import { payloadsOf } from "./payloads.js";
import { coldStartTable, edgeCaseTable, ratios, sizeTable, speedTables, targets, targetTable } from "./report.js";
import { bundleSize, type SizeResult } from "./size.js";
import { ROUNDS, timePayload, type SpeedResult } from "./speed.js";

const RESULTS = new URL("./results.json", import.meta.url);
const started = Date.now();
const log = (line: string) => process.stderr.write(`${line}\n`);

// ---- speed ---------------------------------------------------------------------------------------------------------

const all = contenders();
const speed: SpeedResult[] = [];
for (const kind of KINDS) {
  for (const payload of payloadsOf(kind)) {
    log(`timing ${kind} ${payload.shape}`);
    speed.push(await timePayload(payload, all));
  }
}

// ---- edge cases ----------------------------------------------------------------------------------------------------

const edges = edgeCases().map((edge) => ({
  name: edge.name,
  expected: edge.valid,
  verdicts: Object.fromEntries(
    all
      .filter((c) => c.name !== JSON_PARSE)
      .map((c) => {
        try {
          return [c.name, Boolean((c.check.segment as (b: unknown) => unknown)(edge.body))];
        } catch {
          return [c.name, false];
        }
      }),
  ),
}));

// ---- cold start ----------------------------------------------------------------------------------------------------

log("cold starts");
const small = Object.fromEntries(KINDS.map((kind) => [kind, payloadsOf(kind)[0]!.bodies[0]])) as Record<Kind, unknown>;
const peers = await bundlePeers();
const validatorUrl = (kind: Kind) => new URL(`../generated/validators/${kind}.js`, import.meta.url).pathname;
const empty = new URL("./tmp/empty.mjs", import.meta.url).pathname;
writeFileSync(empty, "export default () => true;\n");
const entries: ColdStartEntry[] = [
  // The fixed cost of import() itself (resolve, read, link, evaluate) with a module of one line.
  { name: EMPTY_MODULE, kind: "segment", module: empty, call: "m.default" },
  ...KINDS.map((kind) => ({ name: PACKAGE, kind, module: validatorUrl(kind), call: "m.default" })),
  { name: HAND_WRITTEN, kind: "segment", module: peers[HAND_WRITTEN]!, call: 'm.handWritten["segment"]' },
  { name: "ajv full formats", kind: "segment", module: peers["ajv full formats"]!, call: 'm.ajvValidators("full", ["segment"])["segment"]' },
  { name: "typebox compiler", kind: "segment", module: peers["typebox compiler"]!, call: 'm.typeboxValidators(["segment"])["segment"]' },
  { name: "zod 4", kind: "segment", module: peers["zod 4"]!, call: 'm.zodValidators["segment"]' },
  { name: "valibot 1", kind: "segment", module: peers["valibot 1"]!, call: 'm.valibotValidators["segment"]' },
];
const cold = coldStarts(entries, small);

// ---- sizes ---------------------------------------------------------------------------------------------------------

log("bundle sizes");
const packageSizes = new Map<Kind, SizeResult>();
for (const kind of KINDS) {
  packageSizes.set(kind, await bundleSize(`${PACKAGE} ${kind}`, `export { validate, issues } from "./generated/validators/${kind}.js";`));
}
const sizes = [
  ...packageSizes.values(),
  await bundleSize(HAND_WRITTEN, `export { handWritten } from "./bench/peers/hand-written.ts";`),
  await bundleSize("ajv + ajv-formats (compiles at run time)", `export { default as Ajv } from "ajv/dist/2020.js"; export { default as addFormats } from "ajv-formats";`),
  await bundleSize("typebox compiler + definitions", `export { typeboxValidators } from "./bench/peers/typebox.ts";`),
  await bundleSize("zod 4 + the four schemas", `export { zodValidators } from "./bench/peers/zod.ts";`),
  await bundleSize("valibot 1 + the four schemas", `export { valibotValidators } from "./bench/peers/valibot.ts";`),
];

// ---- results -------------------------------------------------------------------------------------------------------

const checked = targets(speed, cold, packageSizes);
const results = {
  machine: {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
  },
  method: {
    speed: `mitata measure, ${ROUNDS} rounds per payload with the contenders in turn; ns per body is the median of the round medians`,
    coldStart:
      "fresh node process: median time from before import() to the first verdict, the same less that of importing an empty module, and median wall time minus a bare node process",
    size: "esbuild --bundle --minify (ESM, platform node), then gzip -9",
    agrees: "false when a contender's verdict differs from the package's on a body of the payload",
  },
  speed: speed.map((s) => ({
    ...s,
    contenders: s.contenders.map((c) => ({ ...c, ...ratios(s, c.name) })),
  })),
  coldStart: cold,
  sizes,
  edgeCases: edges,
  targets: checked,
  seconds: Math.round((Date.now() - started) / 1000),
};
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

const print = (text: string) => process.stdout.write(`${text}\n\n`);
print(`${results.machine.cpu} x${results.machine.cores}, node ${results.machine.node}, ${results.machine.date}, load ${results.machine.loadAverage.join(" ")}`);
print(speedTables(speed));
print("* = verdict differs from the package's on this payload");
print(edgeCaseTable(edges));
print(coldStartTable(cold));
print(sizeTable(sizes));
print(targetTable(checked));
print(`Wrote bench/results.json in ${results.seconds} s.`);
