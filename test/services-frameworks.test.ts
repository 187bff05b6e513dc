import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { serve, type ServerType } from "@hono/node-server";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import express from "express";
import express4 from "express4";
import Fastify from "fastify";
import { Hono } from "hono";
import { afterAll, describe, expect, expectTypeOf, it } from "vitest";
import { createGroupMiddleware } from "../src/express.js";
import { createGroupPlugin, groupErrorHandler, validatorCompiler } from "../src/fastify.js";
import { createGroupHandler, type CallRecord } from "../src/fetch.js";
import type { Bodies, SegmentGroup as SegmentGroupBody, ThriveStackGroupRequest as ThriveStackBody } from "../src/index.js";
import { BODIES, registerFormats, SegmentGroup, ThriveStackError, ThriveStackGroupRequest, ThriveStackSuccess } from "../src/typebox.js";
import { runNode } from "./support/run-node.js";

// Issue 12, parts 3 to 5: each README example of group-spec/fetch, /express, /fastify and /typebox, run as
// written, over real HTTP on 127.0.0.1; the hooks (onAccept, onCall) and their failures.

const KEY = "key-for-the-readme";
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

const listen = (server: Server) =>
  new Promise<string>((resolve) => {
    closers.push(() => new Promise((done) => server.close(done)));
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });

const thrivestackCall = (key = KEY) => ({
  method: "POST",
  headers: { "content-type": "application/json", "x-api-key": key },
  body: JSON.stringify([{ group_id: "acme", user_id: "u1", traits: { Plan: "pro" } }]),
});

describe("README: fetch (Next.js route handlers, Hono, Bun, Deno, Workers)", () => {
  it("a Next.js route handler accepts a call and hands onAccept the normalized body", async () => {
    const saved: { groups: unknown; caller: string }[] = [];
    const process = { env: { GROUP_SPEC_KEY: KEY } };
    // README example: app/api/group/route.ts
    const POST = createGroupHandler({
      kind: "thrivestack",
      apiKeys: [process.env.GROUP_SPEC_KEY!],
      onAccept: async (groups, { caller }) => {
        expectTypeOf(groups).toEqualTypeOf<ThriveStackBody>();
        saved.push({ groups, caller });
      },
    });
    // end of example
    const response = await POST(new Request("http://localhost/api/group", thrivestackCall()));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true, eventId: expect.stringMatching(/^evt_/) });
    expect(saved).toEqual([{ groups: [{ group_id: "acme", user_id: "u1", traits: { plan: "pro" }, timestamp: expect.any(String) }], caller: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });

  it("Hono mounts the handler as it is", async () => {
    const groups: unknown[] = [];
    // README example: Hono
    const handler = createGroupHandler({ kind: "segment", apiKeys: [KEY], onAccept: (message) => void groups.push(message) });
    const app = new Hono().post("/v1/group", (c) => handler(c.req.raw));
    // end of example
    const url = await new Promise<string>((resolve) => {
      const server: ServerType = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info) => resolve(`http://127.0.0.1:${info.port}`));
      closers.push(() => new Promise((done) => server.close(done)));
    });
    const basic = `Basic ${Buffer.from(`${KEY}:`).toString("base64")}`;
    const ok = await fetch(`${url}/v1/group`, { method: "POST", headers: { "content-type": "application/json", authorization: basic }, body: JSON.stringify({ userId: "u1", groupId: "g1" }) });
    expect([ok.status, await ok.json()]).toEqual([200, { success: true }]);
    expect(groups).toEqual([{ userId: "u1", groupId: "g1", type: "group", timestamp: expect.any(String), messageId: expect.any(String) }]);
    const refused = await fetch(`${url}/v1/group`, { method: "POST", headers: { "content-type": "application/json", authorization: basic }, body: "{}" });
    expect(refused.status).toBe(400);
  });

  it("runs under --disallow-code-generation-from-strings (the built package, no eval or new Function)", async () => {
    const code = `
      import { createGroupHandler } from "group-spec/fetch";
      const POST = createGroupHandler({ kind: "thrivestack", apiKeys: ["k"] });
      const call = (body) => POST(new Request("http://x/api/group", { method: "POST", headers: { "content-type": "application/json", "x-api-key": "k" }, body }));
      const ok = await call('[{"group_id":"g","user_id":"u"}]');
      const bad = await call('[{"group_id":"g"}]');
      let evaluated = "no";
      try { new Function("return 1"); evaluated = "yes"; } catch {}
      process.stdout.write(JSON.stringify([ok.status, bad.status, (await bad.json()).error.issues[0].code, evaluated]));`;
    const run = await runNode(["--disallow-code-generation-from-strings", "--input-type=module", "-e", code], "", join(import.meta.dirname, ".."));
    expect({ stderr: run.stderr, stdout: run.stdout }).toEqual({ stderr: "", stdout: JSON.stringify([200, 400, "required", "no"]) });
  });
});

describe("the hooks", () => {
  it("onCall hears every call once, accepted or refused", async () => {
    const records: CallRecord[] = [];
    const POST = createGroupHandler({ kind: "segment-batch", apiKeys: [KEY], onCall: (record) => records.push(record) });
    const basic = `Basic ${Buffer.from(`${KEY}:`).toString("base64")}`;
    const call = (body: string, authorization = basic) => POST(new Request("http://x/v1/batch", { method: "POST", headers: { "content-type": "application/json", authorization }, body }));
    await call(JSON.stringify({ batch: [{ type: "group", userId: "u", groupId: "g", messageId: "m1" }, { type: "track", userId: "u", event: "e" }] }));
    await call(JSON.stringify({ batch: [] }));
    await call("{}", "Basic d3Jvbmc6");
    expect(records).toEqual([
      {
        kind: "segment-batch",
        status: 200,
        caller: expect.stringMatching(/^[0-9a-f]{64}$/),
        body: { batch: [{ type: "group", userId: "u", groupId: "g", messageId: "m1" }, { type: "track", userId: "u", event: "e" }] },
        eventId: expect.stringMatching(/^evt_/),
        messageIds: ["m1", expect.any(String)],
      },
      { kind: "segment-batch", status: 400, caller: expect.stringMatching(/^[0-9a-f]{64}$/), body: { batch: [] }, issues: [expect.objectContaining({ path: "/batch", code: "min_items" })] },
      { kind: "segment-batch", status: 401 },
    ]);
  });

  it("an onAccept that throws gets the dialect's 500, reported, and nothing is reported as accepted", async () => {
    const records: CallRecord[] = [];
    const errors: unknown[] = [];
    const POST = createGroupHandler({
      kind: "thrivestack",
      apiKeys: [KEY],
      onAccept: async () => {
        throw new Error("queue down");
      },
      onCall: (record) => records.push(record),
      onError: (error) => errors.push(error),
    });
    const response = await POST(new Request("http://x/api/group", thrivestackCall()));
    expect([response.status, await response.json()]).toEqual([500, { success: false, error: { code: "internal_error", message: "Server error; try again later.", issues: [] } }]);
    expect(records.map(({ status, eventId }) => ({ status, eventId }))).toEqual([{ status: 500, eventId: undefined }]);
    expect(errors).toEqual([new Error("queue down")]);
  });

  it("an authenticate function decides who calls, and its id reaches onAccept", async () => {
    const callers: string[] = [];
    const POST = createGroupHandler({
      kind: "thrivestack",
      authenticate: async (credential) => (credential === "tenant-a-secret" ? "tenant-a" : undefined),
      onAccept: (_groups, { caller }) => void callers.push(caller),
    });
    expect((await POST(new Request("http://x/api/group", thrivestackCall("tenant-a-secret")))).status).toBe(200);
    expect((await POST(new Request("http://x/api/group", thrivestackCall("guess")))).status).toBe(401);
    expect(callers).toEqual(["tenant-a"]);
    expect(() => createGroupHandler({ kind: "thrivestack" } as never)).toThrow(TypeError);
  });
});

describe("README: Express", () => {
  it("the middleware reads the body itself, or takes what express.json() parsed", async () => {
    const saved: Bodies["thrivestack"][] = [];
    // README example: Express
    const app = express();
    app.post("/api/group", createGroupMiddleware({ kind: "thrivestack", apiKeys: [KEY], onAccept: (groups) => void saved.push(groups) }));
    // Behind express.json(): its own limit (100 KB by default) and its errors apply first.
    app.post("/parsed/api/group", express.json({ limit: "500kb" }), createGroupMiddleware({ kind: "thrivestack", apiKeys: [KEY], onAccept: (groups) => void saved.push(groups) }));
    // end of example
    const url = await listen(createServer(app));
    for (const path of ["/api/group", "/parsed/api/group"]) {
      const response = await fetch(`${url}${path}`, thrivestackCall());
      expect([path, response.status]).toEqual([path, 200]);
      const refused = await fetch(`${url}${path}`, { ...thrivestackCall(), body: '[{"group_id":"g"}]' });
      expect([path, refused.status, ((await refused.json()) as { error: { issues: { code: string }[] } }).error.issues[0]!.code]).toEqual([path, 400, "required"]);
    }
    expect(saved).toEqual([0, 1].map(() => [{ group_id: "acme", user_id: "u1", traits: { plan: "pro" }, timestamp: expect.any(String) }]));
  });
});

describe("Express 4", () => {
  it("takes the same middleware, reading the body or after express.json()", async () => {
    const saved: unknown[] = [];
    const app = express4();
    app.post("/api/group", createGroupMiddleware({ kind: "thrivestack", apiKeys: [KEY], onAccept: (groups) => void saved.push(groups) }));
    app.post("/parsed/api/group", express4.json(), createGroupMiddleware({ kind: "thrivestack", apiKeys: [KEY], onAccept: (groups) => void saved.push(groups) }));
    const url = await listen(createServer(app));
    for (const path of ["/api/group", "/parsed/api/group"]) {
      expect([path, (await fetch(`${url}${path}`, thrivestackCall())).status]).toEqual([path, 200]);
      expect([path, (await fetch(`${url}${path}`, { ...thrivestackCall(), body: "[]" })).status]).toEqual([path, 400]);
      expect([path, (await fetch(`${url}${path}`, { ...thrivestackCall(), headers: { "content-type": "text/plain", "x-api-key": KEY } })).status]).toEqual([path, 415]);
    }
    expect(saved).toHaveLength(2);
    // body-parser 1 sets req.body = {} for a body it skips (here: not its type): the unread stream is what counts.
    app.post("/skipped/api/group", express4.json({ type: "application/x-other" }), createGroupMiddleware({ kind: "thrivestack", apiKeys: [KEY], onAccept: (groups) => void saved.push(groups) }));
    expect((await fetch(`${url}/skipped/api/group`, thrivestackCall())).status).toBe(200);
    expect(saved).toHaveLength(3);
  });
});

describe("README: Fastify", () => {
  it("the plugin serves the operation with typed groups; the app's other routes keep Fastify's parsers", async () => {
    const saved: SegmentGroupBody[] = [];
    // README example: Fastify
    const app = Fastify();
    await app.register(createGroupPlugin({ kind: "segment", apiKeys: [KEY], onAccept: (message) => void saved.push(message) }));
    app.post("/echo", async (request) => request.body);
    // end of example
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    closers.push(() => app.close());
    const basic = `Basic ${Buffer.from(`${KEY}:`).toString("base64")}`;
    const ok = await fetch(`${url}/v1/group`, { method: "POST", headers: { "content-type": "application/json", authorization: basic }, body: '{"userId":"u","groupId":"g"}' });
    expect([ok.status, await ok.json()]).toEqual([200, { success: true }]);
    const form = await fetch(`${url}/v1/group`, { method: "POST", headers: { "content-type": "text/plain", authorization: basic }, body: "{}" });
    expect([form.status, await form.json()]).toEqual([415, { error: { type: "unsupported_media_type", message: "Send the body as application/json.", issues: [] } }]);
    // Fastify refuses a malformed Content-Type before any handler: the plugin still answers in the envelope.
    const malformed = await fetch(`${url}/v1/group`, { method: "POST", headers: { "content-type": "json", authorization: basic }, body: "{}" });
    expect([malformed.status, await malformed.json()]).toEqual([415, { error: { type: "unsupported_media_type", message: "Send the body as application/json.", issues: [] } }]);
    const echo = await fetch(`${url}/echo`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"a":1}' });
    expect(await echo.json()).toEqual({ a: 1 });
    expect(saved).toEqual([{ userId: "u", groupId: "g", type: "group", timestamp: expect.any(String), messageId: expect.any(String) }]);
  });

  it("your own route, typed by @fastify/type-provider-typebox, validated by the package", async () => {
    // README example: Fastify with TypeBox
    const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
    app.setErrorHandler(groupErrorHandler);
    app.post("/accounts", { schema: { body: ThriveStackGroupRequest, response: { 200: ThriveStackSuccess, 400: ThriveStackError } }, validatorCompiler }, async (request) => {
      expectTypeOf(request.body).toEqualTypeOf<Static<typeof ThriveStackGroupRequest>>();
      expectTypeOf(request.body[0]!.group_id).toEqualTypeOf<string>();
      return { success: true as const, eventId: `evt_${request.body[0]!.group_id}` };
    });
    // end of example
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    closers.push(() => app.close());
    const post = (body: string) => fetch(`${url}/accounts`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const ok = await post('[{"group_id":"acme","user_id":"u"}]');
    expect([ok.status, await ok.json()]).toEqual([200, { success: true, eventId: "evt_acme" }]);
    // Fastify's own Ajv would coerce 7 to "7" and drop `extra`; the package's validator refuses both.
    const refused = await post('[{"group_id":7,"user_id":"u","extra":1}]');
    const body = (await refused.json()) as { success: boolean; error: { code: string; issues: { path: string; code: string }[] } };
    expect([refused.status, body.success, body.error.code]).toEqual([400, false, "invalid_request"]);
    expect(body.error.issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: "/0/group_id", code: "type" },
      { path: "/0/extra", code: "unknown_property" },
    ]);
  });
});

describe("the fetch handler's body reading", () => {
  const POST = createGroupHandler({ kind: "thrivestack", apiKeys: [KEY] });
  const gzipped = (bytes: Uint8Array, headers: Record<string, string> = {}) =>
    POST(new Request("http://x/api/group", { method: "POST", headers: { "content-type": "application/json", "x-api-key": KEY, "content-encoding": "gzip", ...headers }, body: bytes }));

  it("stops inflating a gzip bomb at the limit: 413, inflated", async () => {
    const bomb = gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20));
    const response = await gzipped(bomb);
    expect([response.status, ((await response.json()) as { error: { message: string } }).error.message]).toEqual([413, "The inflated body is more than 512000 bytes; the limit is 512000 bytes."]);
  });

  it("refuses truncated gzip as invalid, and reads gzip split across many chunks", async () => {
    const body = gzipSync(JSON.stringify([{ group_id: "g", user_id: "u" }]));
    expect((await gzipped(body.subarray(0, body.length - 6))).status).toBe(400);
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of body) controller.enqueue(Uint8Array.of(byte));
        controller.close();
      },
    });
    const split = await POST(new Request("http://x/api/group", { method: "POST", headers: { "content-type": "application/json", "x-api-key": KEY, "content-encoding": "gzip" }, body: chunks, duplex: "half" } as RequestInit));
    expect(split.status).toBe(200);
  });
});

describe("README: TypeBox", () => {
  it("every request body of group-spec/typebox is one validatorCompiler knows", () => {
    for (const schema of Object.values(BODIES)) expect(typeof validatorCompiler({ schema, httpPart: "body", method: "POST", url: "/" })).toBe("function");
  });

  it("exports each body and envelope with the $id of its generated JSON Schema file", () => {
    const exported = { ...BODIES, ThriveStackSuccess, ThriveStackError };
    for (const schema of Object.values(exported)) {
      const file = join(import.meta.dirname, "..", "generated", "json-schema", schema.$id.split("/").pop()!);
      const generated = JSON.parse(readFileSync(file, "utf8")) as { $id: string; title: string };
      expect([generated.$id, generated.title]).toEqual([schema.$id, schema.title]);
    }
  });

  it("checks a body with TypeBox's Value.Check once the formats are registered", () => {
    // README example: TypeBox
    registerFormats();
    const ok = Value.Check(SegmentGroup, { userId: "u1", groupId: "g1", traits: { website: "https://acme.com" } });
    // end of example
    expect(ok).toBe(true);
    expect(Value.Check(SegmentGroup, { userId: "u1", groupId: "g1", traits: { website: "not a uri" } })).toBe(false);
  });
});
