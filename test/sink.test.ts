import { Analytics } from "@segment/analytics-node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startServer } from "../src/server/index.js";
import { CallLog, startSink, type Sink } from "../src/sink.js";
import { authHeaders } from "./support/server.js";

// The reference server as a test sink (issue 14, part 3): a real Segment client sends to it, and the test
// reads back every call, accepted or refused. This file is also the README's example.

const KEY = "sink-write-key";
/** The Basic credential of a segment write key, as the batch operation reads it. */
const basic = (key: string) => authHeaders("segment-batch", key).authorization!;

let sink: Sink;
beforeAll(async () => {
  sink = await startSink();
});
afterAll(() => sink.close());
beforeEach(() => sink.reset());

/** A Segment client that sends each call at once (flushAt 1), without retries, to the sink. */
function segmentClient(): Analytics {
  return new Analytics({ writeKey: KEY, host: sink.url, flushAt: 1, maxRetries: 0, flushInterval: 50 });
}

describe("startSink with @segment/analytics-node", () => {
  it("records the valid and the invalid group calls a real Segment client sends", async () => {
    const analytics = segmentClient();
    analytics.on("error", () => {}); // the refused batch is reported to the app as an error event
    analytics.group({ userId: "u1", groupId: "acme", traits: { name: "Acme", plan: "pro", employees: 120 } });
    analytics.group({ userId: "u1", groupId: "acme", traits: { employees: "many" } });
    await analytics.closeAndFlush({ timeout: 5000 });

    const valid = sink.calls({ valid: true });
    expect(valid.map((call) => [call.kind, call.status])).toEqual([["segment-batch", 200]]);
    const sent = (valid[0]!.body as { batch: Record<string, unknown>[] }).batch[0]!;
    expect(sent).toMatchObject({ type: "group", groupId: "acme", traits: { plan: "pro" } });
    expect(valid[0]!.message_ids).toEqual([sent["messageId"]]);

    const invalid = sink.calls({ valid: false });
    expect(invalid.map((call) => [call.kind, call.status, call.issues?.map((issue) => issue.path)])).toEqual([
      ["segment-batch", 400, ["/batch/0/traits/employees"]],
    ]);
    expect(sink.calls({ key: KEY })).toHaveLength(2);
    expect(sink.calls({ key: "another-key" })).toEqual([]);
  });
});

describe("the call log over HTTP", () => {
  const post = (body: unknown, key = KEY) =>
    fetch(`${sink.url}/v1/batch`, { method: "POST", headers: { authorization: basic(key), "content-type": "application/json" }, body: JSON.stringify(body) });
  const get = (path: string, key = KEY) => fetch(`${sink.url}${path}`, { headers: { authorization: basic(key) } });
  const batch = (messageId: string, traits: Record<string, unknown>) => ({ batch: [{ type: "group", userId: "u1", groupId: "acme", messageId, traits }] });

  it("lists a key's calls by validity and kind, finds one by messageId, and forgets them on DELETE", async () => {
    expect((await post(batch("m-1", { plan: "pro" }))).status).toBe(200);
    expect((await post(batch("m-2", { employees: "many" }))).status).toBe(400);
    expect((await post(batch("m-3", { plan: "team" }), "other-key")).status).toBe(200);

    const refused = (await (await get("/_calls?valid=false")).json()) as { calls: { status: number; body: unknown }[] };
    expect(refused.calls.map((call) => call.status)).toEqual([400]);
    expect(refused.calls[0]!.body).toEqual(batch("m-2", { employees: "many" }));
    const segment = (await (await get("/_calls?kind=segment")).json()) as { calls: unknown[] };
    expect(segment.calls).toEqual([]);
    const byId = (await (await get("/_calls/m-1")).json()) as { calls: { message_ids: string[] }[] };
    expect(byId.calls.map((call) => call.message_ids)).toEqual([["m-1"]]);
    expect((await get("/_calls/m-3")).status).toBe(404); // another key's call
    expect((await get("/_calls?valid=maybe")).status).toBe(400);
    expect((await fetch(`${sink.url}/_calls`)).status).toBe(401);

    const deleted = await fetch(`${sink.url}/_calls`, { method: "DELETE", headers: { authorization: basic(KEY) } });
    expect(await deleted.json()).toEqual({ deleted: 2, groups: 1 });
    expect(((await (await get("/_calls")).json()) as { calls: unknown[] }).calls).toEqual([]);
    expect(sink.calls({ key: "other-key" })).toHaveLength(1);
  });

  it("accepts a retried messageId and stores its group call once", async () => {
    const body = batch("retry-1", { plan: "pro" });
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    const group = (await (await fetch(`${sink.url}/api/groups/acme`, { headers: { "x-api-key": KEY } })).json()) as { event_count: number; events: unknown[] };
    expect(group.event_count).toBe(1);
    expect(group.events).toHaveLength(1);
    expect(sink.calls({ messageId: "retry-1" })).toHaveLength(2); // both calls are in the log
  });
});

describe("CallLog bounds", () => {
  it("keeps a body too deep to answer as JSON out of the log, and stays within its budget", () => {
    const log = new CallLog({ calls: 3, bytes: 64 * 1024 });
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    log.record({ kind: "segment", status: 400, body: deep, issues: [] });
    expect(log.list(undefined)[0]).toMatchObject({ status: 400, body_omitted: true });
    for (let i = 0; i < 10; i++) log.record({ kind: "segment", status: 200, caller: "k", body: { text: "x".repeat(20_000) } });
    expect(log.size).toBeLessThanOrEqual(3);
    expect(log.bytes).toBeLessThanOrEqual(64 * 1024);
  });
});

describe("the batch write key in the body (as @segment/analytics-node sends it)", () => {
  let keyed: Sink;
  beforeAll(async () => {
    keyed = await startSink({ apiKeys: [KEY] });
  });
  afterAll(() => keyed.close());
  const message = { type: "group", userId: "u1", groupId: "acme", traits: { plan: "pro" } };
  const send = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${keyed.url}/v1/batch`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("authenticates a batch by its writeKey only when no Authorization header is sent", async () => {
    expect((await send({ batch: [message], writeKey: KEY })).status).toBe(200);
    expect((await send({ batch: [message], writeKey: "wrong" })).status).toBe(401);
    expect((await send({ batch: [message] })).status).toBe(401);
    expect((await send("not json")).status).toBe(401);
    // The header, when present, decides: a right key in the body does not rescue a wrong header.
    expect((await send({ batch: [message], writeKey: KEY }, { authorization: basic("wrong") })).status).toBe(401);
    // Authenticated first, then validated: an invalid batch with the right key is a 400.
    expect((await send({ batch: [{ ...message, groupId: "" }], writeKey: KEY })).status).toBe(400);
    expect(keyed.calls().map((call) => call.status)).toEqual([200, 401, 401, 401, 401, 400]);
  });

  it("answers 401 to a body too large to read for its credential", async () => {
    const big = JSON.stringify({ batch: [message], writeKey: KEY, padding: "x".repeat(600 * 1024) });
    const response = await fetch(`${keyed.url}/v1/batch`, { method: "POST", headers: { "content-type": "application/json" }, body: big });
    expect(response.status).toBe(401);
  });
});

describe("a batch write key in the body and the failed-authentication limit", () => {
  it("answers 429 to an address that failed too often before it reads another body for its key", async () => {
    const server = await startServer({ apiKeys: [KEY], port: 0, authFailureLimit: { requests: 2, windowMs: 60_000 } });
    try {
      const send = (writeKey: string) =>
        fetch(`${server.url}/v1/batch`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ batch: [{ type: "group", userId: "u1", groupId: "acme" }], writeKey }),
        });
      expect([(await send("wrong-1")).status, (await send("wrong-2")).status]).toEqual([401, 401]);
      const blocked = await send(KEY);
      expect([blocked.status, blocked.headers.get("connection")]).toEqual([429, "close"]);
      expect(server.calls.list(undefined).map((call) => call.status)).toEqual([401, 401, 429]);
    } finally {
      await server.close();
    }
  });
});
