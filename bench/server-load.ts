/**
 * The reference server under load: `group-spec serve` (built, in its own process on 127.0.0.1, port 0), a
 * minimal `node:http` JSON server and Fastify 5 + Ajv, each loaded by autocannon from this process with the
 * same connections and duration, on a small segment body (`POST /v1/group`) and a 100-message segment batch
 * (`POST /v1/batch`). Rounds interleave the servers; each keeps the median of its 2xx answers per second.
 * The reference server's RSS is read from /proc before the first load and after each.
 */

import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { CLI, ROOT } from "./dist.js";
import { batchBody, payloadsOf, random } from "./payloads.js";
import { median } from "./timer.js";

/** The servers, by role. */
export const SERVER_NAMES = {
  ours: "group-spec serve",
  minimal: "minimal node:http JSON server",
  fastify: "Fastify 5 + Ajv",
} as const;

/** The request bodies the servers are loaded with. */
export const LOADS = {
  small: "small segment body",
  batch: "100-message segment batch",
} as const;

/** Every server's rate on one body. */
export interface ServerResult {
  readonly load: string;
  readonly bytes: number;
  readonly connections: number;
  readonly seconds: number;
  readonly servers: readonly {
    readonly name: string;
    /** Median over the rounds of 2xx answers per second. */
    readonly okPerSecond: number;
    readonly rounds: readonly number[];
    /** Answers other than 2xx and connection errors, over all rounds (a valid body should get none). */
    readonly non2xx: number;
    readonly errors: number;
  }[];
}

/** The server section's figures. */
export interface ServerLoadResult {
  readonly loads: readonly ServerResult[];
  /** The reference server's resident memory in MiB: before any load, after each run, and its peak. */
  readonly rssMiB: { readonly start: number; readonly end: number; readonly peak: number; readonly samples: readonly number[] };
}

const KEY = "bench-key";
/** Load before the measured rounds, per server and body: long enough for the JIT on a busy machine. */
const WARM_UP_SECONDS = 2;
const AUTHORIZATION = `Basic ${Buffer.from(`${KEY}:`).toString("base64")}`;

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
}

/** Starts a server process and resolves once it prints its `listening on http://127.0.0.1:PORT/` line. */
function start(args: readonly string[]): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (url !== undefined) {
        child.stdout!.off("data", onData);
        child.stdout!.resume();
        resolve({ child, url });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`${args.join(" ")} exited (${code}) before listening:\n${output}`)));
  });
}

function stop(server: Running): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.once("exit", () => resolve());
    server.child.kill("SIGTERM");
    setTimeout(() => server.child.kill("SIGKILL"), 5000).unref();
  });
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024;
}

async function load(url: string, path: string, body: string, connections: number, seconds: number) {
  const result = await autocannon({
    url: `${url}${path}`,
    method: "POST",
    headers: { "content-type": "application/json", authorization: AUTHORIZATION },
    body,
    connections,
    duration: seconds,
  });
  return { okPerSecond: result["2xx"] / result.duration, non2xx: result.non2xx, errors: result.errors };
}

/** A JSON.stringify replacer that leaves out every `messageId` member. */
function dropMessageId(key: string, value: unknown): unknown {
  return key === "messageId" ? undefined : value;
}

/** Loads each server with each body, `rounds` interleaved rounds of `seconds` each, after a warm-up per pair. */
export async function serverLoad(seconds: number, rounds: number, connections: number): Promise<ServerLoadResult> {
  // Without messageIds: the reference server stores a repeated messageId once (a retry), and the load should
  // be new calls, as an ingestion endpoint sees them; it fills in a messageId of its own.
  const small = JSON.stringify(payloadsOf("segment")[0]!.bodies[0], dropMessageId);
  const batch = JSON.stringify(batchBody(random(100), 100, 3), dropMessageId);
  const bodies = [
    { load: LOADS.small, path: "/v1/group", body: small },
    { load: LOADS.batch, path: "/v1/batch", body: batch },
  ];
  const servers: Record<string, Running> = {};
  try {
    servers[SERVER_NAMES.ours] = await start([CLI, "serve", "--port", "0", "--api-key", KEY, "--rate-limit", "0", "--auth-failures", "0"]);
    servers[SERVER_NAMES.minimal] = await start(["--import", "tsx", "bench/servers/minimal.ts", "0"]);
    servers[SERVER_NAMES.fastify] = await start(["--import", "tsx", "bench/servers/fastify.ts", "0"]);
    const ours = servers[SERVER_NAMES.ours]!.child.pid!;
    const rss = [rssMiB(ours)];
    const names = Object.keys(servers);
    const loads: ServerResult[] = [];
    for (const { load: label, path, body } of bodies) {
      const runs = new Map(names.map((name) => [name, [] as Awaited<ReturnType<typeof load>>[]]));
      for (const name of names) await load(servers[name]!.url, path, body, connections, WARM_UP_SECONDS);
      for (let round = 0; round < rounds; round++) {
        for (let k = 0; k < names.length; k++) {
          const name = names[(k + round) % names.length]!;
          runs.get(name)!.push(await load(servers[name]!.url, path, body, connections, seconds));
          if (name === SERVER_NAMES.ours) rss.push(rssMiB(ours));
        }
      }
      loads.push({
        load: label,
        bytes: Buffer.byteLength(body),
        connections,
        seconds,
        servers: names.map((name) => {
          const list = runs.get(name)!;
          return {
            name,
            okPerSecond: median(list.map((r) => r.okPerSecond)),
            rounds: list.map((r) => Math.round(r.okPerSecond)),
            non2xx: list.reduce((n, r) => n + r.non2xx, 0),
            errors: list.reduce((n, r) => n + r.errors, 0),
          };
        }),
      });
    }
    const round1 = (n: number) => Number(n.toFixed(1));
    return { loads, rssMiB: { start: round1(rss[0]!), end: round1(rss[rss.length - 1]!), peak: round1(Math.max(...rss)), samples: rss.map(round1) } };
  } finally {
    await Promise.all(Object.values(servers).map(stop));
  }
}
