import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { gzipSync } from "node:zlib";
import { serve, type ServerType } from "@hono/node-server";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGroupMiddleware } from "../src/express.js";
import { createGroupPlugin } from "../src/fastify.js";
import { createGroupHandler } from "../src/fetch.js";
import { KINDS, type Kind } from "../src/index.js";
import type { RunningServer } from "../src/server/index.js";
import { loadCorpus } from "./support/corpus.js";
import { authHeaders, KEY, PATHS, startTestServer } from "./support/server.js";

// Issue 12, done when: a service in each of Express, Fastify, Hono and a Next.js-style route handler, written
// as the README shows, answers the conformance corpus (and the refusals around it) exactly as `group-spec
// serve` does: same statuses, same bodies (event ids aside), same content type and challenge.

/** One request as data, sent the same way to every service. */
interface Call {
  readonly name: string;
  readonly kind: Kind;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array;
}

/** What is compared: everything but the generated event id. */
interface Seen {
  readonly status: number;
  readonly type: string | null;
  readonly challenge: string | null;
  readonly body: unknown;
}

const json = (kind: Kind, key = KEY) => ({ "content-type": "application/json", ...authHeaders(kind, key) });
const calls: Call[] = [
  ...loadCorpus().map((c) => ({ name: c.file, kind: c.kind, headers: json(c.kind), body: JSON.stringify(c.body) })),
  ...KINDS.flatMap((kind): Call[] => [
    { name: `${kind}: wrong key`, kind, headers: json(kind, "wrong"), body: "{}" },
    { name: `${kind}: text/plain`, kind, headers: { ...json(kind), "content-type": "text/plain" }, body: "{}" },
    { name: `${kind}: not JSON`, kind, headers: json(kind), body: "{" },
    { name: `${kind}: gzip`, kind, headers: { ...json(kind), "content-encoding": "gzip" }, body: gzipSync(JSON.stringify(example(kind))) },
    { name: `${kind}: broken gzip`, kind, headers: { ...json(kind), "content-encoding": "gzip" }, body: "not gzip" },
    { name: `${kind}: brotli`, kind, headers: { ...json(kind), "content-encoding": "br" }, body: "{}" },
    { name: `${kind}: too large`, kind, headers: json(kind), body: JSON.stringify({ pad: "x".repeat(600 * 1024) }) },
  ]),
];

function example(kind: Kind): unknown {
  if (kind === "thrivestack") return [{ group_id: "g1", user_id: "u1", traits: { Plan: "pro" } }];
  if (kind === "thrivestack-legacy") return { groupId: "g1", userId: "u1", timestamp: "2024-01-15T10:30:00Z", traits: { plan: "pro" } };
  if (kind === "segment") return { userId: "u1", groupId: "g1", traits: { plan: "pro" } };
  return { batch: [{ type: "group", userId: "u1", groupId: "g1" }] };
}

async function seen(response: Response): Promise<Seen> {
  const text = await response.text();
  const body: unknown = text === "" ? undefined : JSON.parse(text, (key, value: unknown) => (key === "eventId" ? "<eventId>" : value));
  return { status: response.status, type: response.headers.get("content-type"), challenge: response.headers.get("www-authenticate"), body };
}

const send = (base: string, call: Call) => fetch(`${base}${PATHS[call.kind]}`, { method: "POST", headers: call.headers, body: call.body });

// ---- The services, as the README writes them (one per kind here). ----

const accepted: unknown[] = [];
const onAccept = (groups: unknown) => void accepted.push(groups);

function expressService(): express.Express {
  const app = express();
  for (const kind of KINDS) app.post(PATHS[kind], createGroupMiddleware({ kind, apiKeys: [KEY], onAccept }));
  return app;
}

async function fastifyService() {
  const app = Fastify();
  for (const kind of KINDS) await app.register(createGroupPlugin({ kind, apiKeys: [KEY], onAccept }));
  return app;
}

function honoService(): Hono {
  const app = new Hono();
  for (const kind of KINDS) {
    const handler = createGroupHandler({ kind, apiKeys: [KEY], onAccept });
    app.post(PATHS[kind], (c) => handler(c.req.raw));
  }
  return app;
}

/** Next.js route handlers: `export const POST = createGroupHandler(...)` in each `route.ts`, called with a `Request`. */
const nextRoutes = Object.fromEntries(KINDS.map((kind) => [kind, { POST: createGroupHandler({ kind, apiKeys: [KEY], onAccept }) }])) as Record<Kind, { POST: (request: Request) => Promise<Response> }>;

/** The `Request` Next.js builds from a call received over HTTP, with its `Content-Length`. */
function nextRequest(call: Call): Request {
  const length = String(typeof call.body === "string" ? Buffer.byteLength(call.body) : call.body.length);
  return new Request(`http://localhost${PATHS[call.kind]}`, { method: "POST", headers: { ...call.headers, "content-length": length }, body: call.body });
}

// ---- Running them. ----

let reference: RunningServer;
const bases: Record<string, string> = {};
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  reference = await startTestServer();
  closers.push(() => reference.close());
  const expressServer: Server = await new Promise((resolve) => {
    const server = expressService().listen(0, "127.0.0.1", () => resolve(server));
  });
  closers.push(() => new Promise((resolve) => expressServer.close(resolve)));
  bases["Express"] = `http://127.0.0.1:${(expressServer.address() as AddressInfo).port}`;
  const fastify = await fastifyService();
  bases["Fastify"] = await fastify.listen({ port: 0, host: "127.0.0.1" });
  closers.push(() => fastify.close());
  const hono: ServerType = await new Promise((resolve) => {
    const server = serve({ fetch: honoService().fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(server));
  });
  closers.push(() => new Promise((resolve) => hono.close(resolve)));
  bases["Hono"] = `http://127.0.0.1:${(hono.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

describe("every framework answers as group-spec serve does", () => {
  it(`on ${calls.length} calls: the conformance corpus and the refusals around it`, async () => {
    const frameworks = ["Express", "Fastify", "Hono", "Next.js route handler"];
    const differences: unknown[] = [];
    let compared = 0;
    // A few calls at a time: enough to overlap the servers, few enough not to trip over one another.
    for (let i = 0; i < calls.length; i += 16) {
      await Promise.all(
        calls.slice(i, i + 16).map(async (call) => {
          const want = await seen(await send(reference.url, call));
          const got = await Promise.all([
            ...["Express", "Fastify", "Hono"].map(async (name) => seen(await send(bases[name]!, call))),
            seen(await nextRoutes[call.kind].POST(nextRequest(call))),
          ]);
          got.forEach((answer, j) => {
            compared++;
            if (JSON.stringify(answer) !== JSON.stringify(want)) differences.push({ call: call.name, framework: frameworks[j], want, got: answer });
          });
        }),
      );
    }
    expect(differences).toEqual([]);
    expect(compared).toBe(calls.length * frameworks.length);
  });

  it("covers every status the corpus and the refusals reach", async () => {
    const statuses = new Set<number>();
    for (const call of calls.filter((c) => c.name.includes(": ") || c.name.endsWith("body-null.json"))) statuses.add((await send(reference.url, call)).status);
    expect([...statuses].sort()).toEqual([200, 400, 401, 413, 415]);
    expect(accepted.length).toBeGreaterThan(0);
  });
});
