import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Analytics, FetchHTTPClient, type HTTPClient } from "@segment/analytics-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validate } from "../src/index.js";
import type { RunningServer } from "../src/server/index.js";
import { KEY, startTestServer } from "./support/server.js";

// Issue 13: a real SDK's body. @segment/analytics-node sends an identify and a group call to the reference server
// (127.0.0.1, a free port) as its /v1/batch body; the body is accepted, and has the shape of the corpus case
// test/conformance/segment-batch/sdk-analytics-node-3-1-0.json, which the type tests and the Python check run.

const CASE = join(import.meta.dirname, "conformance", "segment-batch", "sdk-analytics-node-3-1-0.json");

/** A JSON value with every scalar replaced by its type name: what a capture keeps from one run to the next. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return value === null ? "null" : typeof value;
}

let server: RunningServer;
const sent: { body: unknown; status: number }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const fetchClient = new FetchHTTPClient();
  const recording: HTTPClient = {
    async makeRequest(request) {
      const response = await fetchClient.makeRequest(request);
      sent.push({ body: JSON.parse(request.body), status: response.status });
      return response;
    },
  };
  const analytics = new Analytics({ writeKey: KEY, host: server.url, flushAt: 2, maxRetries: 0, httpClient: recording });
  analytics.identify({ userId: "user_12345", traits: { email: "sarah@acme.com" } });
  analytics.group({
    userId: "user_12345",
    groupId: "company_acme",
    traits: { name: "Acme Corp", industry: "Technology", employees: 500, plan: "enterprise", beta: true, address: { city: "New York", country: "USA" } },
  });
  await analytics.closeAndFlush({ timeout: 10_000 });
});

afterAll(async () => {
  await server.close();
});

describe("@segment/analytics-node against the reference server", () => {
  it("sends one batch, which the server accepts and validate accepts", () => {
    expect(sent.map(({ status }) => status)).toEqual([200]);
    expect(validate("segment-batch", sent[0]!.body)).toMatchObject({ ok: true });
  });

  it("sends the shape the corpus case records (so the corpus case is a true capture)", () => {
    const recorded = (JSON.parse(readFileSync(CASE, "utf8")) as { body: unknown }).body;
    expect(shape(sent[0]!.body)).toEqual(shape(recorded));
  });
});
