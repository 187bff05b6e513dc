// `npm run fuzz`: the hardening properties of test/hardening, a million cases with a fresh seed (the CI run
// is 10,000 per kind and property with a fixed one). Same generators, same invariants, the oracle on every
// validate case.
//
//   npm run fuzz                                   1,000,000 cases, random seed
//   npm run fuzz -- --seed 123                     the same cases as an earlier run
//   npm run fuzz -- --runs 20000 --kind segment --property validate
//
// Each kind and property runs in chunks of --chunk cases, chunk i with seed (seed + i) mod 2^32, so a failure
// names the one chunk to rerun. Exit status 0 when every case held, 1 on a failure, 2 on bad arguments.
import { parseArgs } from "node:util";
import fc from "fast-check";
import { KINDS, type Kind } from "../src/index.js";
import { bodies } from "../test/support/fuzz/bodies.js";
import { snapshotBuiltins } from "../test/support/fuzz/builtins.js";
import { FUZZ_RUNS, maxIssues } from "../test/support/fuzz/config.js";
import { loadOracle } from "../test/support/fuzz/oracle.js";
import { checkValidate, checkValidateJson } from "../test/support/fuzz/properties.js";
import { describeFailure } from "../test/support/fuzz/run-property.js";
import { jsonInputs } from "../test/support/fuzz/text.js";

const PROPERTIES = ["validate", "validateJson"] as const;
type PropertyName = (typeof PROPERTIES)[number];

const out = (line: string) => process.stdout.write(`${line}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      seed: { type: "string" },
      runs: { type: "string" },
      chunk: { type: "string" },
      kind: { type: "string", multiple: true },
      property: { type: "string", multiple: true },
    },
    strict: true,
  });
  const number = (name: string, value: string | undefined, fallback: number) => {
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} takes a whole number; got "${value}".`);
    return n;
  };
  const kinds = (values.kind ?? [...KINDS]) as Kind[];
  const properties = (values.property ?? [...PROPERTIES]) as PropertyName[];
  for (const kind of kinds) if (!KINDS.includes(kind)) throw new Error(`Unknown kind "${kind}"; expected one of ${KINDS.join(", ")}.`);
  for (const p of properties) if (!PROPERTIES.includes(p)) throw new Error(`Unknown property "${p}"; expected one of ${PROPERTIES.join(", ")}.`);
  const seed = number("seed", values.seed, Math.floor(Math.random() * 2 ** 32)) >>> 0;
  return { seed, runs: number("runs", values.runs, FUZZ_RUNS), chunk: Math.max(1, number("chunk", values.chunk, 5_000)), kinds, properties };
}

// Nothing the package does may write to the console; the fuzzer's own lines go straight to stdout.
function guardConsole(): void {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    console[method] = (...args: unknown[]) => {
      throw new Error(`Unexpected console.${method}: ${args.map(String).join(" ").slice(0, 200)}`);
    };
  }
}

function property(kind: Kind, name: PropertyName, snapshot: ReturnType<typeof snapshotBuiltins>): fc.IProperty<[unknown, number | undefined]> {
  return name === "validate"
    ? fc.property(bodies(kind), maxIssues, ({ body }, max) => void checkValidate(kind, body, max, snapshot))
    : fc.property(jsonInputs(kind), maxIssues, ({ input }, max) => void checkValidateJson(kind, input, max, snapshot));
}

async function main(): Promise<number> {
  let opts: ReturnType<typeof options>;
  try {
    opts = options();
  } catch (error) {
    process.stderr.write(`fuzz: ${(error as Error).message}\n`);
    return 2;
  }
  const { seed, runs, chunk, kinds, properties } = opts;
  const pairs = kinds.flatMap((kind) => properties.map((name) => ({ kind, name })));
  const each = Math.ceil(runs / pairs.length);
  out(`fuzz: seed ${seed}, ${each * pairs.length} cases (${each} for each of ${pairs.length} kind/property pairs, in chunks of ${chunk})`);
  const filters = [...kinds.map((kind) => `--kind ${kind}`), ...properties.map((name) => `--property ${name}`)].join(" ");
  out(`fuzz: rerun this exact run with: npm run fuzz -- --seed ${seed} --runs ${runs} --chunk ${chunk} ${filters}`);
  await loadOracle();
  guardConsole();
  const snapshot = snapshotBuiltins();
  const started = performance.now();
  for (const { kind, name } of pairs) {
    const prop = property(kind, name, snapshot);
    for (let done = 0, i = 0; done < each; done += chunk, i++) {
      const numRuns = Math.min(chunk, each - done);
      const chunkSeed = (seed + i) >>> 0;
      const details = fc.check(prop, { seed: chunkSeed, numRuns });
      const reproduce = `npm run fuzz -- --seed ${chunkSeed} --runs ${numRuns} --chunk ${numRuns} --kind ${kind} --property ${name}`;
      const failure = describeFailure(details, reproduce);
      if (failure !== undefined) {
        out(`fuzz: FAILED ${name} on ${kind} (run seed ${seed}, chunk ${i})\n${failure}`);
        return 1;
      }
    }
    out(`fuzz: ${name} on ${kind}: ${each} cases held (${((performance.now() - started) / 1000).toFixed(0)} s so far)`);
  }
  out(`fuzz: all ${each * pairs.length} cases held (seed ${seed})`);
  return 0;
}

process.exitCode = await main();
