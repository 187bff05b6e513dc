/**
 * `npm run bench [-- options]`: issue 11's measurements of what users call, side by side with peers compiled
 * from the package's own JSON Schema, in one run: `validate()` and the per-kind entries on parsed bodies,
 * `validateJson()` on bodies from 200 B to 500 KB, cold start and bundle size of the built entries, the CLI's
 * `--ndjson` throughput and the reference server under load. Builds dist/ first, prints every table and every
 * target with the ratio measured in this run and met/missed, writes bench/results.json, bench/results.md and
 * the README's generated table. A benchmark, not a test: a missed target does not fail it.
 */

import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { KINDS, type Kind } from "../generated/validators/index.js";
import { cliThroughput } from "./cli-throughput.js";
import { coldStarts, type ColdStartEntry } from "./cold-start.js";
import { buildDist, distModule, loadKind, loadRoot, ROOT, type KindEntry } from "./dist.js";
import { jsonBodies } from "./json-bodies.js";
import { benchOptions, SECTIONS, USAGE, type Section } from "./options.js";
import { payloadsOf } from "./payloads.js";
import { STANDALONE, standalonePeers, TMP, type PeerModule, type StandaloneName } from "./peers/standalone.js";
import { sections, targetMatrix, targetTable } from "./report.js";
import { serverLoad } from "./server-load.js";
import { bundleSize } from "./size.js";
import { edgeVerdicts, timeJson, timePayload, type JsonSpeedResult, type SpeedResult, type SpeedSetup } from "./speed.js";
import { ROWS, targets, type Measured } from "./targets.js";

const started = Date.now();
const log = (line: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);

let options;
try {
  options = benchOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
const runs = (section: Section) => options.only.includes(section);

if (options.build) {
  log("npm run build");
  buildDist();
}

log("standalone peers (Ajv 2020 standalone, schemasafe) from generated/json-schema/");
const peers = await standalonePeers();
const peerFailures = Object.entries(peers).flatMap(([name, byKind]) =>
  Object.entries(byKind).flatMap(([kind, module]) => ("failed" in module ? [`${name} (${kind}): ${module.failed}`] : [])),
);
for (const failure of peerFailures) log(`peer not built: ${failure}`);

const setup: SpeedSetup = {
  root: await loadRoot(),
  entries: Object.fromEntries(await Promise.all(KINDS.map(async (kind) => [kind, await loadKind(kind)]))) as Record<Kind, KindEntry>,
  peers,
  extraPeers: options.extraPeers,
};

const measured: { -readonly [K in keyof Measured]: Measured[K] } = {};

if (runs("speed")) {
  const speed: SpeedResult[] = [];
  measured.speed = speed;
  for (const kind of KINDS) {
    for (const payload of payloadsOf(kind)) {
      log(`speed: ${kind} ${payload.shape}`);
      speed.push(await timePayload(setup, payload, options.rounds, options.roundMs));
    }
  }
  measured.edges = await edgeVerdicts(setup);
}

if (runs("json")) {
  const json: JsonSpeedResult[] = [];
  measured.json = json;
  for (const kind of KINDS) {
    for (const body of jsonBodies(kind)) {
      log(`validateJson: ${kind} ${body.bytes} B`);
      json.push(timeJson(setup, kind, body.text, options.rounds, options.roundMs));
    }
  }
}

const file = (module: PeerModule) => ("file" in module ? module.file : undefined);

if (runs("cold")) {
  log(`cold start: ${options.coldRuns} child processes per contender`);
  const empty = `${TMP}empty.mjs`;
  writeFileSync(empty, "export default () => true;\n");
  const entries: ColdStartEntry[] = [{ name: "empty module (control)", kind: "segment", module: empty, call: "m.default(body)" }];
  const peer = (name: StandaloneName, kind: Kind): ColdStartEntry[] => {
    const module = file(peers[name][kind]);
    return module === undefined ? [] : [{ name, kind, module, call: "m.default(body)" }];
  };
  for (const kind of KINDS) {
    entries.push(
      { name: ROWS.entry(kind), kind, module: distModule(kind), call: "m.validate(body).ok" },
      { name: ROWS.root, kind, module: distModule("index"), call: `m.validate(${JSON.stringify(kind)}, body).ok` },
      ...peer(STANDALONE.ajvFull, kind),
    );
  }
  // For context, on one kind only (each row costs --cold-runs processes).
  entries.push(
    { name: "internal verdict", kind: "segment", module: `${ROOT}generated/validators/segment.js`, call: "m.default(body)" },
    ...peer(STANDALONE.schemasafe, "segment"),
  );
  const small = Object.fromEntries(KINDS.map((kind) => [kind, payloadsOf(kind)[0]!.bodies[0]])) as Record<Kind, unknown>;
  measured.cold = coldStarts(entries, small, options.coldRuns);
}

if (runs("size")) {
  log("bundle sizes");
  const sizes = [];
  for (const kind of KINDS) sizes.push(await bundleSize(ROWS.entry(kind), `export { validate } from "group-spec/${kind}";`));
  sizes.push(await bundleSize(ROWS.root, `export { validate } from "group-spec";`));
  for (const kind of KINDS) sizes.push(await bundleSize(`internal verdict (${kind})`, `export { default } from ${JSON.stringify(`${ROOT}generated/validators/${kind}.js`)};`));
  for (const name of [STANDALONE.ajvFull, STANDALONE.ajvFast, STANDALONE.schemasafe]) {
    for (const kind of KINDS) {
      const module = file(peers[name][kind]);
      if (module !== undefined) sizes.push(await bundleSize(`${name} (${kind})`, `export { default } from ${JSON.stringify(module)};`));
    }
  }
  measured.sizes = sizes;
}

if (runs("cli")) {
  log(`CLI: ${options.ndjsonMb} MB of NDJSON, ${options.ndjsonRounds} runs per contender`);
  measured.cli = await cliThroughput(options.ndjsonMb, options.ndjsonRounds);
}

if (runs("server")) {
  log(`server: ${options.serverRounds} rounds of ${options.serverSeconds} s per server and body, ${options.connections} connections`);
  measured.server = await serverLoad(options.serverSeconds, options.serverRounds, options.connections);
}

const checked = targets(measured);
const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  date: new Date().toISOString(),
  loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
};
const seconds = Math.round((Date.now() - started) / 1000);
const results = {
  machine,
  options,
  method: {
    speed:
      `in one process; contenders interleaved over ${options.rounds} rounds of ~${options.roundMs} ms of CPU each, in samples of ~1.5 ms; median CPU ns per body; ` +
      "validate() and the entries from dist/ as users import them; peers compiled from generated/json-schema/; on invalid payloads Ajv and schemasafe run with allErrors",
    coldStart: `${options.coldRuns} fresh node processes per contender, interleaved: median CPU time (and wall time) from before import() to the first verdict`,
    size: "esbuild bundle --minify --splitting (ESM, platform node), gzip -9 per file; at import = the entry and its static chunks; group-spec/<kind> resolved through the package's exports map",
    cli: "child processes, wall time from spawn to exit, output to /dev/null; MB = 10^6 bytes",
    server: "autocannon in this process, each server in its own process on 127.0.0.1; 2xx answers per second, median of rounds",
  },
  peerFailures,
  ...measured,
  targets: checked,
  seconds,
};
writeFileSync(new URL("./results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

const head = `${machine.cpu} x${machine.cores}, node ${machine.node}, ${machine.date.slice(0, 16).replace("T", " ")} UTC, load ${machine.loadAverage.join(" ")}, ${seconds} s`;
const print = (text: string) => process.stdout.write(`${text}\n\n`);
print(head);
for (const text of sections(measured, "text")) print(text);
print(targetTable(checked, "text"));

const markdown = [
  `<!-- Written by npm run bench (bench/report.ts); do not edit by hand. -->`,
  `This run: ${head}; \`${["npm run bench", ...process.argv.slice(2)].join(" ")}\`.`,
  targetMatrix(checked),
  "<details><summary>Every figure of this run</summary>",
  ...sections(measured, "md"),
  "</details>",
].join("\n\n");
writeFileSync(new URL("./results.md", import.meta.url), `${markdown}\n`);
// Only a run of every section replaces the README's table: a partial one would leave targets "not run".
const complete = SECTIONS.every(runs);
if (options.readme && !complete) log("not every section ran: README.md left alone");
if (options.readme && complete) {
  const readme = `${ROOT}README.md`;
  const text = readFileSync(readme, "utf8");
  const begin = "<!-- bench:begin -->";
  const end = "<!-- bench:end -->";
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a !== -1 && b > a) writeFileSync(readme, `${text.slice(0, a + begin.length)}\n${markdown}\n${text.slice(b)}`);
  else log("README.md has no <!-- bench:begin --> ... <!-- bench:end --> block; left alone");
}
print(`Wrote bench/results.json and bench/results.md${options.readme && complete ? " and the README's table" : ""} in ${seconds} s.`);
