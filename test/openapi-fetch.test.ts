import createClient from "openapi-fetch";
import type { paths } from "group-spec/openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/server/index.js";
import { KEY, startTestServer } from "./support/server.js";

// Issue 13: a typed client, as an SDK author would write it: openapi-fetch over `group-spec/openapi`, calling the
// reference server (127.0.0.1, a free port) for all four operations. The bodies are checked by the compiler
// against the OpenAPI request types; the answers are typed by the responses. The README's example is this file.

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

const basic = `Basic ${Buffer.from(`${KEY}:`).toString("base64")}`;

describe("openapi-fetch with group-spec/openapi against the reference server", () => {
  it("POST /api/group (thrivestack): any JSON value as a custom trait", async () => {
    const client = createClient<paths>({ baseUrl: server.url, headers: { "x-api-key": KEY } });
    const { data, error, response } = await client.POST("/api/group", {
      body: [{ group_id: "acme", user_id: "u1", traits: { account_name: "Acme", beta: true, churned_at: null, owner: { id: 7 } } }],
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.success).toBe(true);
    expect(data?.eventId).toMatch(/^evt_/);
  });

  it("POST /legacy/api/group (thrivestack-legacy): a context with keys of its own", async () => {
    const client = createClient<paths>({ baseUrl: server.url, headers: { authorization: `Bearer ${KEY}` } });
    const body = { group_id: "acme", user_id: "u1", traits: { employees: "100" }, timestamp: "2024-01-15T10:30:00Z", context: { ip: "10.0.0.1" } };
    const { data, response } = await client.POST("/legacy/api/group", { body });
    expect(response.status).toBe(200);
    expect(data?.status).toBe("success");
    expect(data?.data).toEqual(body);
  });

  it("POST /v1/group (segment): a message as an SDK sends it", async () => {
    const client = createClient<paths>({ baseUrl: server.url, headers: { authorization: basic } });
    const { data, response } = await client.POST("/v1/group", {
      body: {
        type: "group",
        userId: "u1",
        groupId: "company_acme",
        traits: { name: "Acme", employees: 500, plan_details: { tier: "gold" } },
        context: { library: { name: "analytics-node", version: "2.1.0" }, locale: "en-US" },
        integrations: { All: true, Salesforce: { accountId: "0011" } },
        channel: "server",
        _metadata: { nodeVersion: "20.11.0" },
      },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual({ success: true });
  });

  it("POST /v1/batch (segment-batch): a group and a track message", async () => {
    const client = createClient<paths>({ baseUrl: server.url, headers: { authorization: basic } });
    const { data, response } = await client.POST("/v1/batch", {
      body: {
        batch: [
          { type: "group", anonymousId: "a1", groupId: "company_acme", traits: { plan: "pro" } },
          { type: "track", userId: "u1", event: "Signed Up" },
        ],
        sentAt: "2025-01-15T14:30:01.000Z",
      },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual({ success: true });
  });

  it("a refused body comes back as the typed error envelope, with its issues", async () => {
    const client = createClient<paths>({ baseUrl: server.url, headers: { authorization: basic } });
    // The types cannot see the space; the server refuses it.
    const { data, error, response } = await client.POST("/v1/group", { body: { userId: "u1", groupId: "company acme" } });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.error.type).toBe("validation_error");
    expect(error?.error.issues.map(({ path, code }) => ({ path, code }))).toEqual([{ path: "/groupId", code: "pattern" }]);
  });
});
