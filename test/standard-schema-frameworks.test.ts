import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { sValidator } from "@hono/standard-validator";
import { initTRPC } from "@trpc/server";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { Hono } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import { standard as segment } from "../src/kinds/segment.js";
import { standard as thrivestack } from "../src/kinds/thrivestack.js";

// Issue 12, part 2: the per-kind Standard Schema objects, unchanged, as a tRPC v11 procedure input and in
// Hono's standard validator, over real HTTP on 127.0.0.1.

const servers: { close(): unknown }[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => (server as ServerType).close(resolve))));
});

const message = { userId: "u1", groupId: "acme", traits: { plan: "pro" } };

describe("tRPC v11", () => {
  const t = initTRPC.create();
  const router = t.router({
    group: t.procedure.input(segment).mutation(({ input }) => ({ groupId: input.groupId, plan: input.traits?.["plan"] })),
    accounts: t.procedure.input(thrivestack).mutation(({ input }) => input.map((group) => group.group_id)),
  });

  async function start(): Promise<string> {
    const server = createHTTPServer({ router });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("accepts a valid body as the procedure's typed input", async () => {
    const url = await start();
    const response = await fetch(`${url}/group`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(message) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: { data: { groupId: "acme", plan: "pro" } } });
  });

  it("refuses an invalid body with BAD_REQUEST and the package's issues", async () => {
    const url = await start();
    const response = await fetch(`${url}/accounts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify([{ group_id: "g" }]) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.message).toContain("Missing required field `user_id`");
  });
});

describe("Hono with @hono/standard-validator", () => {
  const app = new Hono().post("/v1/group", sValidator("json", segment), (c) => c.json({ received: c.req.valid("json").groupId }));

  async function start(): Promise<string> {
    return new Promise((resolve) => {
      const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info) => resolve(`http://127.0.0.1:${info.port}`));
      servers.push(server);
    });
  }

  it("passes a valid body through, typed", async () => {
    const url = await start();
    const response = await fetch(`${url}/v1/group`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(message) });
    expect([response.status, await response.json()]).toEqual([200, { received: "acme" }]);
  });

  it("answers an invalid body with 400 and the issues, paths as keys", async () => {
    const url = await start();
    const response = await fetch(`${url}/v1/group`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId: "u1" }) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { success: boolean; error: { message: string; path: PropertyKey[] }[] };
    expect(body.success).toBe(false);
    expect(body.error).toEqual([{ message: "Missing required field `groupId`.", path: ["groupId"] }]);
  });
});
