/**
 * `npm run soak`: the memory load of issue 9 against `group-spec serve`, run as a child process on
 * 127.0.0.1. 20 keys each post the same 1,000 group ids, every call with new 255-character user ids and
 * new trait values, for `--duration` seconds; the server's RSS is sampled and printed every `--sample`
 * seconds. Then, with the load still running, the server gets SIGTERM, and the soak counts how many of the
 * requests in flight at that moment got an HTTP answer. A measurement, not a test: it fails only when the
 * server cannot start, a request in flight gets no answer, or the server exits with a status other than 0.
 *
 *   npm run soak -- [--duration 60] [--max-store-bytes 67108864] [--concurrency 8] [--items 50] [--sample 5]
 */

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    "max-store-bytes": { type: "string", default: String(64 * 1024 * 1024) },
    concurrency: { type: "string", default: "8" },
    items: { type: "string", default: "50" },
    sample: { type: "string", default: "5" },
    "grace-ms": { type: "string", default: "5000" },
  },
});
const DURATION_MS = Number(values.duration) * 1000;
const MAX_STORE_BYTES = Number(values["max-store-bytes"]);
const CONCURRENCY = Number(values.concurrency);
const ITEMS = Number(values.items);
const SAMPLE_MS = Number(values.sample) * 1000;
const KEYS = Array.from({ length: 20 }, (_, k) => `soak-key-${k}`);
const GROUPS = 1000;
const ROOT = join(import.meta.dirname, "..");
const MiB = 1024 * 1024;

const log = (line: string) => process.stdout.write(`${line}\n`);

/** The server's resident memory, from /proc (Linux), in MiB. */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) / 1024;
}

/** One request's body: `ITEMS` group objects of one key, at the key's next group ids. */
function body(cursor: number): string {
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    group_id: `group-${(cursor + i) % GROUPS}`,
    user_id: randomBytes(128).toString("hex").slice(0, 255),
    traits: { plan: `plan-${cursor % 7}`, [`note_${(cursor + i) % 20}`]: randomBytes(20).toString("hex") },
  }));
  return JSON.stringify(items);
}

/** Starts `group-spec serve` from source and resolves with its pid, URL and exit. */
async function startServer() {
  const args = ["--expose-gc", "--import", "tsx", "--import", "./bench/soak-probe.ts", "src/cli.ts", "serve", "--port", "0", "--rate-limit", "0", "--auth-failures", "0"];
  args.push("--max-store-bytes", String(MAX_STORE_BYTES), "--shutdown-grace-ms", values["grace-ms"]!);
  for (const key of KEYS) args.push("--api-key", key);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const probes: ((usage: NodeJS.MemoryUsage) => void)[] = [];
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
    for (let end = errors.indexOf("\n"); end !== -1; end = errors.indexOf("\n")) {
      const line = errors.slice(0, end);
      errors = errors.slice(end + 1);
      if (line.startsWith("soak-probe ")) probes.shift()?.(JSON.parse(line.slice("soak-probe ".length)));
      else process.stderr.write(`${line}\n`);
    }
  });
  /** The server's memory right after a full collection. */
  const probe = () =>
    new Promise<NodeJS.MemoryUsage>((resolve) => {
      probes.push(resolve);
      child.kill("SIGUSR2");
    });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (found !== undefined) resolve(found);
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
  return { child, pid: child.pid!, url, exited, probe };
}

/** What became of one request. */
type Outcome = { status: number } | { error: string };

function post(url: string, key: string, text: string, agent: Agent): Promise<Outcome> {
  return new Promise((resolve) => {
    const headers = { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), "x-api-key": key };
    const req = request(`${url}/api/group`, { method: "POST", headers, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
      res.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(text);
  });
}

const server = await startServer();
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const baseline = rssMiB(server.pid);
const heapAtStart = (await server.probe()).heapUsed / MiB;
log(`soak: server pid ${server.pid} at ${server.url}, --max-store-bytes ${MAX_STORE_BYTES} (${MAX_STORE_BYTES / MiB} MiB)`);
log(`soak: ${KEYS.length} keys × ${GROUPS} groups, ${ITEMS} group objects per request, ${CONCURRENCY} at a time, ${DURATION_MS / 1000} s`);
log(`soak: RSS at start ${baseline.toFixed(1)} MiB; live heap ${heapAtStart.toFixed(1)} MiB`);
log("     t (s)   RSS (MiB)   requests   req/s   statuses");

const statuses = new Map<string, number>();
let sent = 0;
let stopping = false;
let signalledAt = 0;
/** Requests that were in flight when SIGTERM was sent, and what became of them. */
const inFlight = new Set<Promise<Outcome>>();
const atSignal: Promise<Outcome>[] = [];
const cursors = KEYS.map(() => 0);

async function worker(index: number): Promise<void> {
  for (let n = index; ; n += CONCURRENCY) {
    if (stopping && performance.now() - signalledAt > 1000) return;
    const k = n % KEYS.length;
    const cursor = cursors[k]!;
    cursors[k] = (cursor + ITEMS) % GROUPS;
    const pending = post(server.url, KEYS[k]!, body(cursor), agent);
    inFlight.add(pending);
    sent++;
    const outcome = await pending;
    inFlight.delete(pending);
    const label = "status" in outcome ? String(outcome.status) : outcome.error;
    statuses.set(label, (statuses.get(label) ?? 0) + 1);
    // After SIGTERM, a refused connection is the server saying it no longer accepts: stop this worker.
    if ("error" in outcome && stopping) return;
  }
}

const started = performance.now();
const workers = Array.from({ length: CONCURRENCY }, (_, i) => worker(i));
const rss: number[] = [];
let lastSent = 0;
while (performance.now() - started < DURATION_MS) {
  await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
  const now = rssMiB(server.pid);
  rss.push(now);
  const seconds = (performance.now() - started) / 1000;
  const rate = (sent - lastSent) / (SAMPLE_MS / 1000);
  lastSent = sent;
  const summary = [...statuses].map(([status, count]) => `${status}×${count}`).join(" ");
  log(`${seconds.toFixed(0).padStart(10)}   ${now.toFixed(1).padStart(9)}   ${String(sent).padStart(8)}   ${rate.toFixed(0).padStart(5)}   ${summary}`);
}

// The live heap with the store full and the load running (requests in flight included).
const heapAtEnd = (await server.probe()).heapUsed / MiB;
// SIGTERM with the load still running: every request in flight must get an HTTP answer.
const beforeSignal = new Map(statuses);
statuses.clear();
atSignal.push(...inFlight);
stopping = true;
signalledAt = performance.now();
server.child.kill("SIGTERM");
const outcomes = await Promise.all(atSignal);
await Promise.all(workers);
const code = await server.exited;
agent.destroy();
const answered = outcomes.filter((o) => "status" in o);
const byStatus = new Map<string, number>();
// (Requests sent after the signal may meet a closed connection: the server no longer accepts them.)
for (const o of outcomes) {
  const label = "status" in o ? String(o.status) : o.error;
  byStatus.set(label, (byStatus.get(label) ?? 0) + 1);
}

const half = rss.slice(Math.floor(rss.length / 2));
log("");
log(`soak: RSS start ${baseline.toFixed(1)} MiB, peak ${Math.max(...rss).toFixed(1)} MiB, second half ${Math.min(...half).toFixed(1)}–${Math.max(...half).toFixed(1)} MiB`);
const list = (counts: Map<string, number>) => [...counts].map(([s, c]) => `${s}×${c}`).join(" ") || "none";
log(`soak: live heap after a full collection: ${heapAtStart.toFixed(1)} MiB at start, ${heapAtEnd.toFixed(1)} MiB at the end: ${(heapAtEnd - heapAtStart).toFixed(1)} MiB for a ${MAX_STORE_BYTES / MiB} MiB budget (${(((heapAtEnd - heapAtStart) * MiB) / MAX_STORE_BYTES).toFixed(2)}×)`);
log(`soak: ${sent} requests (${(sent / (DURATION_MS / 1000)).toFixed(0)}/s), ${sent * ITEMS} group calls; statuses under load ${list(beforeSignal)}; after SIGTERM ${list(statuses)}`);
log(`soak: SIGTERM with ${outcomes.length} requests in flight: ${answered.length} answered (${list(byStatus)}); exit status ${code}, ${((performance.now() - signalledAt) / 1000).toFixed(2)} s after the signal`);
if (answered.length !== outcomes.length || code !== 0) process.exitCode = 1;
