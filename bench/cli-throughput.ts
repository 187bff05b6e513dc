/**
 * `group-spec validate --ndjson` throughput on a generated NDJSON file of segment bodies (one in a hundred
 * invalid), against single-core loops over the same file: `readline` + `JSON.parse` + `validate()`, and
 * `readline` + `JSON.parse` alone. Every contender is a child process timed from spawn to exit, its output to
 * /dev/null; runs interleave. `--jobs 2` is tried and reported as unsupported when the CLI refuses the flag.
 */

import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CLI, distModule } from "./dist.js";
import { random, segmentMessage, type Obj } from "./payloads.js";
import { median } from "./timer.js";

/** The NDJSON contenders, by role. */
export const CLI_NAMES = {
  cli: "group-spec validate --ndjson",
  jobs: "group-spec validate --ndjson --jobs 2",
  loop: "readline + JSON.parse + validate() loop",
  parse: "readline + JSON.parse loop",
} as const;

/** The NDJSON throughput of every contender on one generated file. */
export interface CliResult {
  readonly fileBytes: number;
  readonly lines: number;
  /** Why `--jobs 2` was not measured, when it was not. */
  readonly jobsUnsupported?: string;
  /** MB/s (10^6 bytes per second of wall time), median of the runs, by contender. */
  readonly contenders: readonly { readonly name: string; readonly mbPerSecond: number; readonly seconds: readonly number[] }[];
}

/** Writes about `mb` MB of NDJSON segment bodies to `file`; resolves with the line count. */
async function writeNdjson(file: string, mb: number): Promise<number> {
  const out = createWriteStream(file);
  const rnd = random(42);
  const target = mb * 1e6;
  let bytes = 0;
  let lines = 0;
  while (bytes < target) {
    const chunk: string[] = [];
    for (let i = 0; i < 1000; i++, lines++) {
      const body: Obj = segmentMessage(rnd, 3, "optional");
      if (lines % 100 === 99) body["timestamp"] = "2024-02-30T10:00:00Z";
      chunk.push(JSON.stringify(body));
    }
    const text = `${chunk.join("\n")}\n`;
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return lines;
}

function loopScript(withValidate: boolean): string {
  const root = pathToFileURL(distModule("index")).href;
  return `import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
${withValidate ? `import { validate } from ${JSON.stringify(root)};` : ""}
let valid = 0, invalid = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (line === "") continue;
  const body = JSON.parse(line);
  ${withValidate ? `if (validate("segment", body).ok) valid++; else invalid++;` : "valid++;"}
}
process.stdout.write(valid + " valid, " + invalid + " invalid\\n");
`;
}

/** Runs a command to completion, output discarded; resolves with its wall seconds and exit status. */
function timed(args: readonly string[]): Promise<{ seconds: number; status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr.length < 4096 ? (stderr += chunk.toString()) : undefined));
    child.on("error", reject);
    child.on("exit", (status) => resolve({ seconds: Number(process.hrtime.bigint() - start) / 1e9, status, stderr }));
  });
}

/** Measures every contender `rounds` times on a fresh file of about `mb` MB, removed afterwards. */
export async function cliThroughput(mb: number, rounds: number): Promise<CliResult> {
  const dir = mkdtempSync(join(tmpdir(), "group-spec-bench-"));
  try {
    const file = join(dir, "segment.ndjson");
    const lines = await writeNdjson(file, mb);
    const fileBytes = statSync(file).size;
    const loop = join(dir, "loop.mjs");
    const parse = join(dir, "parse.mjs");
    writeFileSync(loop, loopScript(true));
    writeFileSync(parse, loopScript(false));
    const commands: Record<string, string[]> = {
      [CLI_NAMES.cli]: [CLI, "validate", "--kind", "segment", "--ndjson", file],
      [CLI_NAMES.jobs]: [CLI, "validate", "--kind", "segment", "--ndjson", "--jobs", "2", file],
      [CLI_NAMES.loop]: [loop, file],
      [CLI_NAMES.parse]: [parse, file],
    };
    // Whether the CLI takes --jobs: a usage error (status 2) on a one-line file says it does not.
    const probeFile = join(dir, "one.ndjson");
    writeFileSync(probeFile, `${JSON.stringify(segmentMessage(random(1), 1, "optional"))}\n`);
    const probe = spawnSync(process.execPath, [CLI, "validate", "--kind", "segment", "--ndjson", "--jobs", "2", probeFile], { encoding: "utf8" });
    const jobsUnsupported = probe.status === 2 ? `the CLI refused --jobs: ${probe.stderr.split("\n")[0]}` : undefined;
    if (jobsUnsupported !== undefined) delete commands[CLI_NAMES.jobs];
    const names = Object.keys(commands);
    const seconds = new Map(names.map((name) => [name, [] as number[]]));
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(k + round) % names.length]!;
        const run = await timed(commands[name]!);
        // 0 all valid, 1 some invalid (this file has invalid lines); anything else is a failure.
        if (run.status !== 0 && run.status !== 1) throw new Error(`${name} exited with ${run.status}: ${run.stderr}`);
        seconds.get(name)!.push(run.seconds);
      }
    }
    return {
      fileBytes,
      lines,
      ...(jobsUnsupported === undefined ? {} : { jobsUnsupported }),
      contenders: names.map((name) => ({
        name,
        mbPerSecond: fileBytes / 1e6 / median(seconds.get(name)!),
        seconds: seconds.get(name)!.map((s) => Number(s.toFixed(3))),
      })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
