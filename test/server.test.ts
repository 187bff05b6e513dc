import { existsSync, readFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../generated/error-codes.js";
import { serve } from "../src/cli/serve-command.js";
import { UsageError } from "../src/cli/usage-error.js";
import { KINDS, type Kind } from "../src/index.js";
import { GroupStore, type RunningServer } from "../src/server/index.js";
import { SCALAR_ASSET } from "../src/server/assets.js";
import { RateLimiter } from "../src/server/rate-limit.js";
import { authHeaders, example, get, KEY, PATHS, post, postUnfinished, startTestServer } from "./support/server.js";

// A refused body of each kind, and the issue path it must name.
const INVALID: Record<Kind, { body: unknown; path: string }> = {
  thrivestack: { body: [{ user_id: "u1" }], path: "/0/group_id" },
  "thrivestack-legacy": { body: { user_id: "u1", traits: {}, timestamp: "2020-11-23T22:28:55.111Z" }, path: "/group_id" },
  segment: { body: { userId: "u1" }, path: "/groupId" },
  "segment-batch": { body: { batch: [{ type: "group", userId: "u1" }] }, path: "/batch/0/groupId" },
};

/** The machine code of a dialect's error envelope. */
function codeOf(kind: Kind, body: any): string {
  if (kind === "thrivestack") return body.error.code;
  if (kind === "thrivestack-legacy") return body.error_code;
  return body.error.type;
}

const servers: RunningServer[] = [];
async function server(options: Parameters<typeof startTestServer>[0] = {}): Promise<RunningServer> {
  const started = await startTestServer(options);
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("each operation answers each of its statuses", () => {
  it.each(KINDS)("200 for the OpenAPI example (%s), in the dialect's success shape", async (kind) => {
    const answer = await post(await server(), kind, example(kind));
    expect(answer.status).toBe(200);
    if (kind === "thrivestack") expect(answer.body).toEqual({ success: true, eventId: expect.stringMatching(/^evt_[0-9a-f-]{36}$/) });
    else if (kind === "thrivestack-legacy") expect(answer.body).toMatchObject({ status: "success", data: example(kind) });
    else expect(answer.body).toEqual({ success: true });
  });

  it.each(KINDS)("400 naming the issue's path (%s)", async (kind) => {
    const answer = await post(await server(), kind, INVALID[kind].body);
    expect(answer.status).toBe(400);
    expect(codeOf(kind, answer.body)).toBe(ERROR_CODES[kind][400]);
    expect(JSON.stringify(answer.body)).toContain(`"path":"${INVALID[kind].path}"`);
  });

  it.each(KINDS)("400 for a body that is not JSON (%s)", async (kind) => {
    const answer = await post(await server(), kind, "{not json");
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('"code":"invalid_json"');
  });

  it.each(KINDS.flatMap((kind) => [[kind, "a wrong key", "wrong-key"], [kind, "no key", null]] as const))(
    "401 for %s with %s, with a challenge",
    async (kind, _what, key) => {
      const answer = await post(await server(), kind, example(kind), { key });
      expect(answer.status).toBe(401);
      expect(codeOf(kind, answer.body)).toBe(ERROR_CODES[kind][401]);
      expect(answer.headers.get("www-authenticate")).toBeTruthy();
    },
  );

  it.each(KINDS)("401 when the key is sent the way another dialect sends it (%s)", async (kind) => {
    const other = kind === "thrivestack" ? "segment" : "thrivestack";
    const answer = await post(await server(), kind, example(kind), { key: null, headers: authHeaders(other) });
    expect(answer.status).toBe(401);
  });

  it.each(KINDS.flatMap((kind) => [[kind, "text/plain;charset=UTF-8"], [kind, "application/x-www-form-urlencoded"], [kind, undefined]] as const))(
    "415 for %s with Content-Type %s, before the body is read",
    async (kind, type) => {
      const headers = { ...authHeaders(kind), ...(type === undefined ? {} : { "content-type": type }) };
      const answer = await postUnfinished(await server(), PATHS[kind], headers, Buffer.from(JSON.stringify(example(kind))));
      expect(answer.status).toBe(415);
      expect(answer.headers.connection).toBe("close");
      expect(codeOf(kind, JSON.parse(answer.body))).toBe(ERROR_CODES[kind][415]);
    },
  );

  it.each(KINDS)("200 for Content-Type in any case, with parameters (%s)", async (kind) => {
    const answer = await post(await server(), kind, example(kind), { headers: { "content-type": " Application/JSON ; charset=utf-8" } });
    expect(answer.status).toBe(200);
  });

  it.each(KINDS)("413 for a body over the limit (%s)", async (kind) => {
    const small = await server({ limits: { bodyBytes: 2048 } });
    const answer = await post(small, kind, JSON.stringify({ padding: "x".repeat(4096) }));
    expect(answer.status).toBe(413);
    expect(codeOf(kind, answer.body)).toBe(ERROR_CODES[kind][413]);
    expect(JSON.stringify(answer.body)).toContain('"code":"too_large"');
  });

  it.each(KINDS)("429 with Retry-After once the key's limit is used up (%s)", async (kind) => {
    const limited = await server({ rateLimit: { requests: 2, windowMs: 60_000 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(limited, kind, example(kind))).status);
    const answer = await post(limited, kind, example(kind));
    expect([...statuses, answer.status]).toEqual([200, 200, 429, 429]);
    expect(codeOf(kind, answer.body)).toBe(ERROR_CODES[kind][429]);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it.each(KINDS)("500 in the envelope for an unexpected error, and serves on (%s)", async (kind) => {
    const errors: unknown[] = [];
    const store = new GroupStore();
    store.record = () => {
      throw new Error("disk on fire");
    };
    const broken = await server({ store, onError: (error) => errors.push(error) });
    const answer = await post(broken, kind, example(kind));
    expect(answer.status).toBe(500);
    expect(codeOf(kind, answer.body)).toBe(ERROR_CODES[kind][500]);
    expect(JSON.stringify(answer.body)).not.toContain("disk on fire");
    expect(errors).toHaveLength(1);
    expect((await get(broken, "/openapi.json")).status).toBe(200);
  });
});

describe("bodies", () => {
  it.each(KINDS)("accepts a gzip body (%s)", async (kind) => {
    expect((await post(await server(), kind, example(kind), { gzip: true })).status).toBe(200);
  });

  it("applies the limit to the inflated size: a gzip bomb is refused without inflating it all", async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(512_000);
    const started = Date.now();
    const answer = await post(await server(), "thrivestack", bomb, { headers: { "content-encoding": "gzip" } });
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toMatch(/inflated body is more than 512000 bytes/);
    // Inflating 200 MB takes far longer than stopping after the first 512 KB.
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it.each([
    ["broken gzip", { "content-encoding": "gzip" }, /not valid gzip/],
    ["an unsupported encoding", { "content-encoding": "br" }, /Content-Encoding "br" is not supported/],
  ])("answers %s with 400", async (_what, headers, message) => {
    const answer = await post(await server(), "segment", example("segment"), { headers });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(message);
  });

  it("refuses a Content-Length over the limit before reading the body", async () => {
    const headers = { ...authHeaders("thrivestack"), "content-type": "application/json", "content-length": String(50_000_000) };
    const answer = await postUnfinished(await server(), "/api/group", headers, Buffer.from("[{"));
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe("close");
    expect(JSON.parse(answer.body).error.message).toBe("The body is 50000000 bytes; the limit is 512000 bytes.");
  });

  it("answers Expect: 100-continue with 413, not 100, when the declared size is over the limit", async () => {
    const headers = { ...authHeaders("segment"), "content-type": "application/json", "content-length": "600000", expect: "100-continue" };
    const answer = await postUnfinished(await server(), "/v1/group", headers, Buffer.alloc(10));
    expect([answer.status, answer.continued]).toEqual([413, false]);
  });

  it("stops reading a chunked body at the first byte over the limit", async () => {
    const headers = { ...authHeaders("segment-batch"), "content-type": "application/json" };
    const answer = await postUnfinished(await server(), "/v1/batch", headers, Buffer.alloc(600_000, 0x20));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.message).toBe("The body is more than 512000 bytes; the limit is 512000 bytes.");
  });
});

describe("GET /api/groups/:group_id", () => {
  it("answers the merged traits and members of the key's group, and 404 for another key's", async () => {
    const s = await server({ apiKeys: [KEY, "other-key"] });
    await post(s, "thrivestack", [{ group_id: "acme/eu", user_id: "u1", traits: { plan: "free", seats: 3 } }]);
    await post(s, "segment", { groupId: "acme/eu", anonymousId: "a1", traits: { plan: "pro" } });
    await post(s, "thrivestack-legacy", { group_id: "acme/eu", user_id: "u2", traits: { plan: "team" }, timestamp: "2024-01-15T10:30:00Z" });
    const answer = await get(s, `/api/groups/${encodeURIComponent("acme/eu")}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ group_id: "acme/eu", traits: { plan: "team", seats: 3 }, user_ids: ["u1", "u2"], anonymous_ids: ["a1"], event_count: 3 });
    expect(answer.body.events.map((e: { kind: string }) => e.kind)).toEqual(["thrivestack", "segment", "thrivestack-legacy"]);
    expect((await get(s, "/api/groups/acme%2Feu", "other-key")).status).toBe(404);
    expect((await get(s, "/api/groups/nobody")).body).toMatchObject({ success: false, error: { code: "not_found" } });
  });

  it.each([
    ["thrivestack", [{ group_id: "g", user_id: "u", traits: { Plan: "free" } }], [{ group_id: "g", user_id: "u", traits: { plan: "pro" } }], { plan: "pro" }],
    ["segment", { groupId: "g", userId: "u", traits: { created_at: "2024-01-15T10:30:00Z" } }, { groupId: "g", userId: "u", traits: { CreatedAt: "2025-01-15T10:30:00Z" } }, { createdAt: "2025-01-15T10:30:00Z" }],
  ] as const)("merges the spellings of one reserved trait as one trait (%s)", async (kind, first, second, traits) => {
    const s = await server();
    await post(s, kind, first);
    await post(s, kind, second);
    expect((await get(s, "/api/groups/g")).body.traits).toEqual(traits);
  });

  it("stores the group messages of a batch and not its other messages", async () => {
    const s = await server();
    await post(s, "segment-batch", example("segment-batch"));
    const batch = (example("segment-batch") as { batch: { type: string; groupId?: string }[] }).batch;
    const groups = batch.filter((m) => m.type === "group");
    for (const m of groups) expect((await get(s, `/api/groups/${encodeURIComponent(m.groupId!)}`)).status).toBe(200);
    expect(groups.length).toBeLessThan(batch.length);
  });

  it.each([["a wrong key", "nope", 401], ["no key", null, 401]] as const)("answers %s with %i", async (_what, key, status) => {
    expect((await get(await server(), "/api/groups/acme", key)).status).toBe(status);
  });
});

describe("other paths", () => {
  it.each([
    ["GET", "/nowhere", 404, undefined],
    ["GET", "/api/group", 405, "POST"],
    ["PUT", "/v1/batch", 405, "POST"],
    ["POST", "/openapi.json", 405, "GET, HEAD"],
    ["DELETE", "/api/groups/acme", 405, "GET, HEAD"],
  ])("%s %s is %i, in plain JSON", async (method, path, status, allow) => {
    const response = await fetch(`${(await server()).url}${path}`, { method });
    expect(response.status).toBe(status);
    expect(response.headers.get("allow") ?? undefined).toBe(allow);
    expect(((await response.json()) as { error: { code: string } }).error.code).toMatch(/^(not_found|method_not_allowed)$/);
  });

  it("serves the docs page, its scripts and the OpenAPI document as files of this package", async () => {
    const s = await server();
    const page = await fetch(`${s.url}/`);
    const html = await page.text();
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toContain("connect-src 'self'");
    expect(html).toContain("in memory only");
    expect(html).toContain('<script src="/docs/scalar.js"></script>');
    const init = await (await fetch(`${s.url}/docs/init.js`)).text();
    expect(init).toMatch(/^Scalar\.createApiReference\("#app", /);
    expect(init).toContain('"withDefaultFonts":false,"telemetry":false,"agent":{"disabled":true},"showDeveloperTools":"never"');
    expect(init).not.toContain(KEY);
    const bundle = Buffer.from(await (await fetch(`${s.url}/docs/scalar.js`)).arrayBuffer());
    const installed = createRequire(import.meta.url).resolve("@scalar/api-reference/browser/standalone.js");
    expect(bundle.equals(readFileSync(installed))).toBe(true);
    const openapi = await (await fetch(`${s.url}/openapi.json`)).text();
    expect(openapi).toBe(readFileSync(join(import.meta.dirname, "..", "generated", "openapi.json"), "utf8"));
  });

  it("finds Scalar's bundle where the build copies it: next to dist/cli.js, so users need no Scalar", () => {
    const copied = join(import.meta.dirname, "..", "dist", SCALAR_ASSET);
    expect(existsSync(copied), `${copied} is missing: npm run build copies it`).toBe(true);
  });
});

describe("many clients at once", () => {
  it("keeps every accepted event exactly once: 50 clients × 20 requests into 10 shared groups", async () => {
    const s = await server();
    const groups = Array.from({ length: 10 }, (_, g) => `group-${g}`);
    const client = async (c: number) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const ids: string[] = [];
      for (let r = 0; r < 20; r++) {
        const body = [{ group_id: groups[(c + r) % 10]!, user_id: `user-${c}`, traits: { [`c${c}r${r}`]: r } }];
        const answer = await postWith(agent, s, JSON.stringify(body));
        expect(answer.status).toBe(200);
        ids.push(answer.eventId);
      }
      agent.destroy();
      return ids;
    };
    const sent = (await Promise.all(Array.from({ length: 50 }, (_, c) => client(c)))).flat();
    expect(new Set(sent).size).toBe(1000);
    const stored: string[] = [];
    for (const g of groups) {
      const { body } = await get(s, `/api/groups/${g}`);
      expect(body.event_count).toBe(100);
      expect(Object.keys(body.traits)).toHaveLength(100);
      expect(body.user_ids).toHaveLength(50);
      stored.push(...body.events.map((e: { event_id: string }) => e.event_id));
    }
    expect(stored).toHaveLength(1000);
    expect(new Set(stored)).toEqual(new Set(sent));
  });
});

function postWith(agent: Agent, s: RunningServer, body: string): Promise<{ status: number; eventId: string }> {
  return new Promise((resolve, reject) => {
    const headers = { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "x-api-key": KEY };
    const req = httpRequest(`${s.url}${PATHS.thrivestack}`, { method: "POST", agent, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, eventId: (JSON.parse(text) as { eventId: string }).eventId }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("the store and the rate limiter", () => {
  it("keeps its bounds, dropping the oldest", () => {
    const store = new GroupStore({ groups: 2, events: 2, members: 2, traitBytes: 40 });
    const call = (groupId: string, userId: string, traits = {}) => store.record("k", "thrivestack", "evt", [{ index: 0, groupId, userId, traits }]);
    call("g1", "u1", { a: "1234567890" });
    call("g1", "u2", { b: "1234567890" });
    call("g1", "u3", { c: "1234567890" });
    expect(store.read("k", "g1")).toMatchObject({ user_ids: ["u2", "u3"], event_count: 3, traits: { b: "1234567890", c: "1234567890" } });
    expect(store.read("k", "g1")!.events).toHaveLength(2);
    call("g2", "u1");
    call("g3", "u1");
    expect([store.read("k", "g1"), store.read("k", "g2"), store.read("k", "g3")].map(Boolean)).toEqual([false, true, true]);
    expect(store.read("other", "g3")).toBeUndefined();
  });

  it("keeps __proto__ traits as plain data", () => {
    const store = new GroupStore();
    store.record("k", "segment", "evt", [{ index: 0, groupId: "g", userId: "u", traits: JSON.parse('{"__proto__":{"polluted":true}}') }]);
    expect(JSON.stringify(store.read("k", "g")!.traits)).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("allows `requests` per window per key, then says how long to wait", () => {
    let now = 0;
    const limiter = new RateLimiter({ requests: 2, windowMs: 3000 }, () => now);
    const verdicts = [limiter.take("a"), limiter.take("a"), limiter.take("a"), limiter.take("b")];
    expect(verdicts).toEqual([{ ok: true }, { ok: true }, { ok: false, retryAfter: 3 }, { ok: true }]);
    now = 3000;
    expect(limiter.take("a")).toEqual({ ok: true });
  });
});

describe("group-spec serve", () => {
  const io = () => ({ stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() });
  const read = (stream: PassThrough) => String(stream.read() ?? "");

  it("prints the URL and a generated key, serves until stopped, then exits 0", async () => {
    const streams = io();
    const stop = new AbortController();
    const done = serve(["--port", "0"], streams, stop.signal);
    await new Promise((resolve) => streams.stdout.once("readable", resolve));
    const banner = read(streams.stdout);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(banner)![1]!;
    const key = /API key +(gs_dev_[\w-]+)/.exec(banner)![1]!;
    expect(banner).toContain("in memory only");
    const headers = { "x-api-key": key, "content-type": "application/json" };
    const answer = await fetch(`${url}/api/group`, { method: "POST", headers, body: JSON.stringify(example("thrivestack")) });
    expect(answer.status).toBe(200);
    stop.abort();
    expect(await done).toBe(0);
    expect(read(streams.stdout)).toContain("stopped");
  });

  it.each([
    [["--port", "http"], /--port must be a whole number/],
    [["--port", "70000"], /--port must be a whole number/],
    [["--rate-limit", "-1"], /--rate-limit/],
    [["--api-key", ""], /--api-key must not be empty/],
    [["--max-store-bytes", "1000"], /--max-store-bytes must be a whole number from 1048576/],
    [["--max-connections", "0"], /--max-connections/],
    [["--shutdown-grace-ms", "1.5"], /--shutdown-grace-ms/],
    [["--auth-failures", "x"], /--auth-failures/],
    [["--verbose"], /Unknown option '--verbose'/],
  ])("refuses %j as a usage error", async (args, message) => {
    await expect(serve(args, io(), new AbortController().signal)).rejects.toThrow(UsageError);
    await expect(serve(args, io(), new AbortController().signal)).rejects.toThrow(message);
  });

  it("exits 1, saying why, when the port is taken", async () => {
    const taken = await server();
    const streams = io();
    expect(await serve(["--port", new URL(taken.url).port], streams, new AbortController().signal)).toBe(1);
    expect(read(streams.stderr)).toMatch(/cannot start: EADDRINUSE on 127\.0\.0\.1:\d+/);
  });
});
