/**
 * The options of `npm run bench -- [options]`. The defaults keep a run under about four minutes on a shared
 * 2-core machine; raise them for steadier figures.
 */

import { parseArgs } from "node:util";

/** The parts of the bench, in the order they run; `--only` picks some. */
export const SECTIONS = ["speed", "json", "cold", "size", "cli", "server"] as const;
/** One of {@link SECTIONS}. */
export type Section = (typeof SECTIONS)[number];

/** What `npm run bench -- [options]` was given, defaults filled in. */
export interface BenchOptions {
  /** Interleaved rounds per payload in the in-process timings; each contender keeps its median. */
  readonly rounds: number;
  /** Milliseconds each contender runs per round. */
  readonly roundMs: number;
  /** Child processes per cold-start contender. */
  readonly coldRuns: number;
  /** Size of the generated NDJSON file, in MB (10^6 bytes). */
  readonly ndjsonMb: number;
  /** Interleaved runs of every NDJSON contender. */
  readonly ndjsonRounds: number;
  /** Seconds of autocannon load per server and body, per round. */
  readonly serverSeconds: number;
  /** Interleaved rounds of the server loads. */
  readonly serverRounds: number;
  /** autocannon connections, the same for every server. */
  readonly connections: number;
  /** The sections to run (all by default). */
  readonly only: readonly Section[];
  /** Build dist/ first (`npm run build`); `--no-build` uses the dist/ already there. */
  readonly build: boolean;
  /** Replace the README's generated table with this run's. */
  readonly readme: boolean;
  /** Also time zod, valibot and TypeBox's compiler (extra rows, no target). */
  readonly extraPeers: boolean;
}

/** The help `--help` prints. */
export const USAGE = `npm run bench -- [options]
  --rounds N          interleaved rounds per payload (default 25)
  --round-ms N        CPU ms per contender per round (default 3)
  --cold-runs N       child processes per cold-start contender (default 5)
  --ndjson-mb N       NDJSON file size for the CLI (default 50)
  --ndjson-rounds N   runs of each NDJSON contender (default 3)
  --server-seconds N  autocannon seconds per server and body per round (default 3)
  --server-rounds N   interleaved server rounds (default 2)
  --connections N     autocannon connections (default 10)
  --only a,b          sections: ${SECTIONS.join(", ")}
  --long              rounds 75, cold-runs 15, ndjson-mb 100, server-seconds 10, server-rounds 3
  --no-build          use the dist/ already built
  --no-readme         leave README.md alone
  --extra-peers       also time zod, valibot and TypeBox's compiler`;

/** Reads the options from `argv`; throws on an unknown option or a value that is not a positive number. */
export function benchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      rounds: { type: "string" },
      "round-ms": { type: "string" },
      "cold-runs": { type: "string" },
      "ndjson-mb": { type: "string" },
      "ndjson-rounds": { type: "string" },
      "server-seconds": { type: "string" },
      "server-rounds": { type: "string" },
      connections: { type: "string" },
      only: { type: "string" },
      long: { type: "boolean" },
      "no-build": { type: "boolean" },
      "no-readme": { type: "boolean" },
      "extra-peers": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const long = values.long === true;
  const number = (name: string, given: string | undefined, fallback: number) => {
    if (given === undefined) return fallback;
    const n = Number(given);
    if (!(n > 0) || !Number.isFinite(n)) throw new RangeError(`--${name} takes a positive number; got "${given}".`);
    return n;
  };
  const only = values.only === undefined ? [...SECTIONS] : values.only.split(",").map((s) => s.trim());
  for (const section of only) {
    if (!(SECTIONS as readonly string[]).includes(section)) throw new RangeError(`--only: unknown section "${section}"; expected ${SECTIONS.join(", ")}.`);
  }
  return {
    rounds: Math.round(number("rounds", values.rounds, long ? 75 : 25)),
    roundMs: number("round-ms", values["round-ms"], 3),
    coldRuns: Math.round(number("cold-runs", values["cold-runs"], long ? 15 : 5)),
    ndjsonMb: number("ndjson-mb", values["ndjson-mb"], long ? 100 : 50),
    ndjsonRounds: Math.round(number("ndjson-rounds", values["ndjson-rounds"], 3)),
    serverSeconds: number("server-seconds", values["server-seconds"], long ? 10 : 3),
    serverRounds: Math.round(number("server-rounds", values["server-rounds"], long ? 3 : 2)),
    connections: Math.round(number("connections", values.connections, 10)),
    only: only as Section[],
    build: values["no-build"] !== true,
    readme: values["no-readme"] !== true,
    extraPeers: values["extra-peers"] === true,
  };
}
