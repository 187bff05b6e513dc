import { afterEach, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../generated/error-codes.js";
import type { RunningServer } from "../src/server/index.js";
import { AuthFailures } from "../src/server/auth-failures.js";
import { RateLimiter } from "../src/server/rate-limit.js";
import { addressKey } from "../src/server/remote-address.js";
import { prng } from "./support/load.js";
import { example, get, post, startTestServer } from "./support/server.js";

// Issue 9: a sliding window instead of the fixed one (no window edge lets twice the limit through), and a
// limit on failed authentications per remote address.

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The most times in `times` (sorted) that fall in any half-open span of `windowMs`. */
function busiestWindow(times: readonly number[], windowMs: number): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe("the per-key rate limit", () => {
  it("lets `requests` through in any window, wherever it starts: none of the fixed window's 2x at an edge", () => {
    let now = 0;
    const limiter = new RateLimiter({ requests: 100, windowMs: 1000 }, () => now);
    const allowed: number[] = [];
    // 100 at the end of one second and 100 at the start of the next: a fixed window allowed all 200.
    for (const at of [...Array<number>(100).fill(999), ...Array<number>(100).fill(1000)]) {
      now = at;
      if (limiter.take("k").ok) allowed.push(at);
    }
    expect(allowed).toHaveLength(100);
    now = 1998;
    expect(limiter.take("k")).toEqual({ ok: false, retryAfter: 1 });
    now = 1999;
    expect(limiter.take("k")).toEqual({ ok: true });
  });

  it.each([1, 2, 3, 4, 5])("never allows more than the limit in any window of a random arrival pattern (seed %i)", (seed) => {
    const random = prng(seed);
    let now = 0;
    const limiter = new RateLimiter({ requests: 20, windowMs: 500 }, () => now);
    const allowed: number[] = [];
    for (let i = 0; i < 3000; i++) {
      now += Math.floor(random() * random() * 40);
      if (limiter.take("k").ok) allowed.push(now);
    }
    expect(busiestWindow(allowed, 500)).toBe(20);
    // Not starved either: a long run at this pace gets close to the limit's rate.
    expect(allowed.length).toBeGreaterThan((now / 500) * 20 * 0.5);
  });
});

describe("failed authentications per address", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    ["::ffff:10.0.0.7", "10.0.0.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::9", "2001:db8:1:2::/64"],
    ["2001:DB8:0001:0002:ffff::1", "2001:db8:1:2::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    [undefined, "?"],
  ])("counts %s as %s", (given, want) => {
    expect(addressKey(given)).toBe(want);
  });

  it("refuses an address for the rest of the window after `requests` failures, then lets it try again", () => {
    let now = 0;
    const failures = new AuthFailures({ requests: 3, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(failures.retryAfter("10.0.0.1")).toBe(0);
      failures.fail("10.0.0.1");
      now += 1000;
    }
    expect(failures.retryAfter("10.0.0.1")).toBe(57);
    expect(failures.retryAfter("10.0.0.2")).toBe(0);
    // Another address of the same IPv6 /64 is the same client.
    for (let i = 0; i < 3; i++) failures.fail(`2001:db8::${i}`);
    expect(failures.retryAfter("2001:db8::ffff")).toBeGreaterThan(0);
    now = 60_000;
    expect(failures.retryAfter("10.0.0.1")).toBe(0);
  });

  it("forgets the address that failed longest ago once it tracks its maximum", () => {
    const failures = new AuthFailures({ requests: 1, windowMs: 60_000 }, () => 0, 2);
    for (const address of ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) failures.fail(address);
    expect(["10.0.0.1", "10.0.0.2", "10.0.0.3"].map((a) => failures.retryAfter(a) > 0)).toEqual([false, true, true]);
  });

  it("answers 429 in the dialect's envelope after N failures from one address, even for the right key", async () => {
    const s = await startTestServer({ authFailureLimit: { requests: 3, windowMs: 60_000 } });
    servers.push(s);
    const wrong = [];
    for (const kind of ["thrivestack", "segment", "thrivestack-legacy"] as const) wrong.push((await post(s, kind, example(kind), { key: "wrong" })).status);
    expect(wrong).toEqual([401, 401, 401]);
    const right = await post(s, "segment-batch", example("segment-batch"));
    expect(right.status).toBe(429);
    expect(right.body.error.type).toBe(ERROR_CODES["segment-batch"][429]);
    expect(right.body.error.message).toMatch(/failed authentications/);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(55);
    expect((await get(s, "/api/groups/acme")).status).toBe(429);
    // The docs page and the OpenAPI document need no key, so they are not limited.
    expect((await get(s, "/openapi.json", null)).status).toBe(200);
  });

  it("does not count a right key, nor a request refused by the per-key limit", async () => {
    const s = await startTestServer({ authFailureLimit: { requests: 2, windowMs: 60_000 }, rateLimit: { requests: 1, windowMs: 60_000 } });
    servers.push(s);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(s, "segment", example("segment"))).status);
    expect(statuses).toEqual([200, 429, 429, 429, 429]);
    expect((await post(s, "segment", example("segment"), { key: "wrong" })).status).toBe(401);
  });
});
