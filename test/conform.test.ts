import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import type { ConformReport } from "../src/conform/index.js";
import { errorResponse, KINDS, successResponse, validateJson, type Kind } from "../src/index.js";
import type { RunningServer } from "../src/server/index.js";
import { loadCorpus } from "./support/corpus.js";
import { KEY, startTestServer } from "./support/server.js";

// `group-spec conform` against the reference server (it must pass every case of every kind) and against
// deliberately wrong servers written here, over real HTTP on 127.0.0.1: each must fail exactly the cases its
// fault breaks.

const corpus = loadCorpus();
let reference: RunningServer;
let dir: string;

/** What a wrong server does wrong. */
type Fault = "accepts-everything" | "500-instead-of-400" | "no-error-code" | "other-issue-paths" | "silent" | "endless-answer";
let fault: Fault = "accepts-everything";
let wrong: Server;
let wrongUrl: string;

beforeAll(async () => {
  reference = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), "group-spec-conform-"));
  wrong = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (fault === "silent") return;
      if (fault === "endless-answer") {
        // 2 MB of an answer that never ends: the runner reads 1 MB and stops.
        res.writeHead(200, { "content-type": "application/json" });
        res.write("[".repeat(2 * 1024 * 1024));
        return;
      }
      const answer = thrivestackAnswer(req.headers["x-api-key"], Buffer.concat(chunks));
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((done) => wrong.listen(0, "127.0.0.1", done));
  wrongUrl = `http://127.0.0.1:${(wrong.address() as AddressInfo).port}`;
});

afterAll(async () => {
  wrong.closeAllConnections();
  await Promise.all([reference.close(), new Promise((done) => wrong.close(done)), rm(dir, { recursive: true, force: true })]);
});

/** A ThriveStack implementation built from the package's own pieces, with the current fault. */
function thrivestackAnswer(key: unknown, bytes: Buffer): { status: number; body: any } {
  if (fault === "accepts-everything") return { status: 200, body: { success: true, eventId: "evt_ac8db7ba-5139-4911-ba6e-523fd9c4704b" } };
  let answer: { status: number; body: any };
  if (key !== KEY) answer = errorResponse("thrivestack", { status: 401 });
  else {
    const result = validateJson("thrivestack", bytes);
    answer = result.ok ? successResponse("thrivestack", result.value) : errorResponse("thrivestack", result.issues);
  }
  answer = structuredClone({ status: answer.status, body: answer.body });
  if (fault === "500-instead-of-400" && answer.status === 400) return errorResponse("thrivestack", { status: 500 });
  if (fault === "no-error-code" && answer.status !== 200) delete answer.body.error.code;
  if (fault === "other-issue-paths" && answer.status === 400) for (const issue of answer.body.error.issues) issue.path = "/elsewhere";
  return answer;
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  let stdout = "";
  let stderr = "";
  io.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  io.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await main(args, io);
  return { code, stdout, stderr };
}

async function conformJson(url: string, kind: Kind, extra: string[] = []): Promise<{ code: number; report: ConformReport }> {
  const out = await run(["conform", "--url", url, "--kind", kind, "--key", KEY, "--format", "json", "--concurrency", "8", ...extra]);
  return { code: out.code, report: JSON.parse(out.stdout) as ConformReport };
}

/** The corpus cases of a kind by the status they expect, and the three cases the runner adds. */
function expected(kind: Kind): Map<string, number> {
  const statuses = new Map<string, number>();
  for (const c of corpus.filter((c) => c.kind === kind)) statuses.set(c.file, c.valid ? 200 : c.issues.some((i) => i.code === "too_large") ? 413 : 400);
  return statuses.set("auth/no-key", 401).set("auth/wrong-key", 401).set("limits/too-large", 413);
}

function failedNames(report: ConformReport): string[] {
  return report.results.filter((r) => !r.ok).map((r) => r.name).sort();
}

describe("group-spec conform against group-spec serve", () => {
  it.each(KINDS)("every case of %s conforms: exit 0", async (kind) => {
    const { code, report } = await conformJson(reference.url, kind);
    expect({ failed: report.results.filter((r) => !r.ok), warnings: report.warnings }).toEqual({ failed: [], warnings: 0 });
    expect(report.results.map((r) => [r.name, r.status])).toEqual([...expected(kind)]);
    expect(code).toBe(0);
  });

  it("writes JUnit XML, one testcase per case", async () => {
    const file = join(dir, "junit.xml");
    const out = await run(["conform", "--url", `${reference.url}/`, "--kind", "segment-batch", "--key", KEY, "--junit", file]);
    const xml = await readFile(file, "utf8");
    const cases = expected("segment-batch").size;
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`${cases} of ${cases} cases conform, 0 do not; 0 warning(s)`);
    expect(xml).toMatch(new RegExp(`^<\\?xml version="1.0" encoding="UTF-8"\\?>\\n<testsuites name="group-spec conform" tests="${cases}" failures="0"`));
    expect(xml.match(/<testcase /g)?.length).toBe(cases);
  });
});

describe("group-spec conform against wrong servers (thrivestack)", () => {
  const statuses = () => [...expected("thrivestack")];
  // given: a fault; want: the cases it must fail (by the status the corpus expects), and what one of them says.
  const faults: { fault: Fault; fails: (status: number) => boolean; case: string; says: string }[] = [
    { fault: "accepts-everything", fails: (status) => status !== 200, case: "auth/wrong-key", says: "status 200, expected 401" },
    { fault: "500-instead-of-400", fails: (status) => status === 400, case: "thrivestack/body-empty-array.json", says: "status 500, expected 400" },
    { fault: "no-error-code", fails: (status) => status !== 200, case: "auth/no-key", says: "the 401 envelope does not match its schema: /error: must have required property 'code'" },
  ];

  it.each(faults.map((f) => [f.fault, f] as const))("%s: exactly the cases it breaks fail, exit 1", async (name, f) => {
    fault = name;
    const { code, report } = await conformJson(wrongUrl, "thrivestack");
    const want = statuses().filter(([, status]) => f.fails(status)).map(([file]) => file).sort();
    expect(want.length).toBeGreaterThan(3);
    expect(failedNames(report)).toEqual(want);
    expect(report.results.find((r) => r.name === f.case)!.errors).toEqual([f.says]);
    expect(code).toBe(1);
  });

  it("prints each failing case in the pretty format", async () => {
    fault = "accepts-everything";
    const pretty = await run(["conform", "--url", wrongUrl, "--kind", "thrivestack", "--key", KEY, "--concurrency", "8"]);
    expect(pretty.stdout).toMatch(/^ {2}FAIL {2}auth\/no-key {2}status 200, expected 401$/m);
    expect(pretty.code).toBe(1);
  });

  it("other issue paths are warnings only: exit 0", async () => {
    fault = "other-issue-paths";
    const { code, report } = await conformJson(wrongUrl, "thrivestack");
    const invalid = statuses().filter(([name, status]) => status === 400 && name.startsWith("thrivestack/")).length;
    expect([code, report.failed, report.warnings]).toEqual([0, 0, invalid]);
    expect(report.results.find((r) => r.warnings.length > 0)!.warnings[0]).toMatch(/^issue paths differ: expected \[.+\], got \["\/elsewhere"\]$/);
  });

  it("a server that never answers, or never ends its answer: every case fails, in bounded time and memory", async () => {
    fault = "silent";
    const small = join(dir, "corpus");
    await mkdir(join(small, "thrivestack"), { recursive: true });
    const one = corpus.find((c) => c.kind === "thrivestack" && c.valid)!;
    await writeFile(join(small, "thrivestack", "one.json"), JSON.stringify({ description: one.description, valid: true, body: one.body }));
    const { code, report } = await conformJson(wrongUrl, "thrivestack", ["--timeout", "150", "--corpus", small]);
    expect(report.results.map((r) => [r.name, r.status, r.errors])).toEqual(
      ["thrivestack/one.json", "auth/no-key", "auth/wrong-key", "limits/too-large"].map((name) => [name, 0, ["no answer within 150 ms"]]),
    );
    expect(code).toBe(1);
    fault = "endless-answer";
    const endless = await conformJson(wrongUrl, "thrivestack", ["--timeout", "5000", "--corpus", small]);
    expect(endless.report.results.map((r) => [r.name, r.errors.at(-1)])).toEqual(
      ["thrivestack/one.json", "auth/no-key", "auth/wrong-key", "limits/too-large"].map((name) => [name, "the 200 answer is larger than 1048576 bytes; not read further"]),
    );
  });
});

describe("group-spec conform usage", () => {
  it.each([
    [["conform", "--kind", "segment", "--key", "k"], "--url is required."],
    [["conform", "--url", "ftp://127.0.0.1/", "--kind", "segment", "--key", "k"], "--url must be http or https"],
    [["conform", "--url", "http://127.0.0.1/", "--kind", "nope", "--key", "k"], 'Unknown kind "nope"'],
    [["conform", "--url", "http://127.0.0.1/", "--kind", "segment", "--key", "k", "--concurrency", "0"], "--concurrency takes a whole number from 1 to 64"],
  ])("%j exits 2", async (args, message) => {
    const out = await run(args);
    expect([out.code, out.stdout]).toEqual([2, ""]);
    expect(out.stderr).toContain(message);
  });
});
