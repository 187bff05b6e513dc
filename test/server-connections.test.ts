import { once } from "node:events";
import type { Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/server/index.js";
import { rawConnection, requestHead, trickle } from "./support/load.js";
import { authHeaders, example, KEY, startTestServer } from "./support/server.js";

// Issue 9: header timeouts that act when they say, a connection cap, and a graceful close. Each server
// here has short timeouts of its own, so the file runs in a few seconds.

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(options: Parameters<typeof startTestServer>[0] = {}): Promise<RunningServer> {
  const started = await startTestServer(options);
  servers.push(started);
  return started;
}

/** A valid thrivestack request's head, with a body of `length` bytes still to come. */
function head(s: RunningServer, length: number): string {
  return requestHead(`${s.url}/api/group`, { ...authHeaders("thrivestack"), "content-type": "application/json" }, length);
}

/** A raw connection to `s`, destroyed after the test. */
function raw(s: RunningServer, first: string, waitMs: number) {
  const connection = rawConnection(s.url, first, waitMs);
  sockets.push(connection.socket);
  return connection;
}

const BODY = JSON.stringify(example("thrivestack"));

describe("timeouts", () => {
  it("drops a client that never finishes its headers soon after headersMs, with 408", async () => {
    const s = await server({ timeouts: { headersMs: 400, requestMs: 2000, checkIntervalMs: 100 } });
    const { seen } = raw(s, `GET /openapi.json HTTP/1.1\r\nHost: x\r\nX-Slow: `, 5000);
    const { text, closedAfterMs } = await seen;
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeGreaterThanOrEqual(380);
    // Not the 30 s of Node's default check interval: bounded by the limit and a loaded machine's event loop.
    expect(closedAfterMs).toBeLessThan(2500);
  });

  it("drops a body that trickles past requestMs", async () => {
    const s = await server({ timeouts: { headersMs: 300, requestMs: 600, checkIntervalMs: 100 } });
    const { socket, seen } = raw(s, head(s, BODY.length), 5000);
    void trickle(socket, BODY, 20, 100).catch(() => {});
    const { text, closedAfterMs } = await seen;
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeLessThan(2500);
  });

  it("refuses timeouts Node would not apply", async () => {
    await expect(startTestServer({ timeouts: { headersMs: 5000, requestMs: 1000 } })).rejects.toThrow(/headersMs \(5000\) must not exceed/);
    await expect(startTestServer({ timeouts: { checkIntervalMs: 0 } })).rejects.toThrow(RangeError);
  });
});

describe("the connection cap", () => {
  it("closes connections past maxConnections at once, and takes new ones when there is room", async () => {
    const s = await server({ maxConnections: 3 });
    const held = [0, 1, 2].map(() => raw(s, "", 3000));
    // The three are connected (in the server's accept queue) before the fourth tries.
    await Promise.all(held.map(({ socket }) => (socket.connecting ? once(socket, "connect") : undefined)));
    const over = raw(s, "GET /openapi.json HTTP/1.1\r\nHost: x\r\n\r\n", 3000);
    const { text, closedAfterMs } = await over.seen;
    expect([text, closedAfterMs < 1000]).toEqual(["", true]);
    held[0]!.socket.destroy();
    await held[0]!.seen;
    // Room again once the server has seen the close: a new connection is answered.
    await expect.poll(() => fetch(`${s.url}/openapi.json`).then((r) => r.status, () => 0), { timeout: 10_000, interval: 50 }).toBe(200);
  });
});

describe("close()", () => {
  it("stops accepting, lets requests in flight finish, and answers 503 to one still unfinished after the grace period", async () => {
    const s = await startTestServer({ shutdownGraceMs: 1000, timeouts: { checkIntervalMs: 100 } });
    const finishing = [0, 1, 2].map(() => raw(s, head(s, BODY.length), 5000));
    const stuck = raw(s, head(s, BODY.length), 5000);
    // close() must find all four in flight: wait until the server has read their headers, however loaded.
    await expect.poll(() => s.inFlight, { timeout: 10_000, interval: 20 }).toBe(4);
    stuck.socket.write(BODY.slice(0, 10));
    const started = performance.now();
    const closed = s.close();
    // The bodies go on arriving after close() was called, for 500 ms.
    await Promise.all(finishing.map(({ socket }) => trickle(socket, BODY, 5, 100)));
    const answers = await Promise.all(finishing.map(({ seen }) => seen));
    for (const { text } of answers) {
      expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(text).toMatch(/\r\nconnection: close\r\n/i);
    }
    const refused = await fetch(`${s.url}/openapi.json`).then(
      () => "answered",
      (error: Error & { cause?: { code?: string } }) => error.cause?.code,
    );
    expect(refused).toBe("ECONNREFUSED");
    const late = await stuck.seen;
    expect(late.text).toMatch(/^HTTP\/1\.1 503 /);
    expect(late.text).toContain('"shutting_down"');
    await closed;
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it("resolves at once when nothing is in flight, also with idle keep-alive connections", async () => {
    const s = await startTestServer({ shutdownGraceMs: 5000 });
    for (let i = 0; i < 3; i++) await (await fetch(`${s.url}/openapi.json`, { headers: { "x-api-key": KEY } })).text();
    const started = performance.now();
    await s.close();
    expect(performance.now() - started).toBeLessThan(500);
  });
});
