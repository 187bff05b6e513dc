import { Agent } from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../generated/error-codes.js";
import { KINDS, type Kind } from "../../src/index.js";
import { GroupStore, type RunningServer } from "../../src/server/index.js";
import { collector, exchange, pool, prng, settledMemory, type Reply, type SendMode } from "../support/load.js";
import { authHeaders, KEY, PATHS, startTestServer } from "../support/server.js";

// Issue 6: a bounded loopback load test. One in-process server takes a fixed, seeded mix of valid, invalid,
// oversized, gzip-bomb, unauthenticated and unknown-path requests over 32 connections; every request must get
// its documented status, every accepted call must be stored exactly once (and no refused one at all), the
// store must keep its per-key bounds, the heap must not grow without bound, and the server must answer on.

const SEED = 0x6a09e667;
const REQUESTS = 1000;
const CONCURRENCY = 32;
/** The server's body cap (`DEFAULT_LIMITS.bodyBytes`), as the README documents it. */
const BODY_CAP = 512_000;
/** Groups the valid requests of {@link KEY} spread over: fewer than the store's 1,000 per key. */
const GROUPS = 400;
/** A second and a third key: one overflows the groups bound, the other one group's events/members/traits. */
const FLOOD_KEY = "flood-key-0123456789";
const HOT_KEY = "hot-key-0123456789";
const FLOOD_REQUESTS = 11;
const FLOOD_GROUPS_EACH = 100;
const HOT_REQUESTS = 2;
const HOT_ITEMS_EACH = 600;
const TIMESTAMP = "2024-01-15T10:30:00Z";
/** The per-key and per-group bounds of the default store (README: 1,000 groups, events, members; 64 KiB). */
const BOUNDS = { groups: 1000, events: 1000, members: 1000, traitBytes: 64 * 1024 };

/** A gzip bomb: 8 MiB of zeros, a few KB on the wire. */
const BOMB = gzipSync(Buffer.alloc(8 * 1024 * 1024));

type Class =
  | "valid"
  | "invalid"
  | "malformed"
  | "bad-encoding"
  | "message-too-large"
  | "oversized-length"
  | "oversized-chunked"
  | "gzip-bomb"
  | "wrong-key"
  | "missing-key"
  | "foreign-key"
  | "unknown-path"
  | "flood"
  | "hot";

/** Each class's documented status. */
const STATUS: Record<Class, number> = {
  valid: 200,
  invalid: 400,
  malformed: 400,
  "bad-encoding": 400,
  "message-too-large": 413,
  "oversized-length": 413,
  "oversized-chunked": 413,
  "gzip-bomb": 413,
  "wrong-key": 401,
  "missing-key": 401,
  "foreign-key": 401,
  "unknown-path": 404,
  flood: 200,
  hot: 200,
};

/** The weights of the random part of the mix (out of 100). */
const WEIGHTS: [Class, number][] = [
  ["valid", 44],
  ["invalid", 12],
  ["malformed", 7],
  ["bad-encoding", 2],
  ["message-too-large", 3],
  ["oversized-length", 4],
  ["oversized-chunked", 3],
  ["gzip-bomb", 5],
  ["wrong-key", 6],
  ["missing-key", 5],
  ["foreign-key", 2],
  ["unknown-path", 7],
];

/** One group call a valid request makes, as the store must list it. */
interface Expected {
  readonly group: string;
  readonly kind: Kind;
  readonly index: number;
  readonly userId?: string;
  readonly anonymousId?: string;
  /** The one trait it sets, named after the request and index. */
  readonly trait: string;
}

/** One request of the plan. */
interface Planned {
  readonly cls: Class;
  readonly kind: Kind;
  /** `r<number>`: in the user id / anonymous id of every call it makes, to tell the requests apart. */
  readonly marker: string;
  readonly path: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  readonly mode: SendMode;
  /** The calls a valid (or flood, hot) request must leave in the store. */
  readonly events: readonly Expected[];
  /** Group ids in a refused body: none of them may be stored. */
  readonly refusedGroups: readonly string[];
  /** Whether its connection is its own (requests the server may answer before reading the body). */
  readonly ownConnection: boolean;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function classOf(random: () => number): Class {
  let roll = random() * WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [cls, weight] of WEIGHTS) {
    roll -= weight;
    if (roll < 0) return cls;
  }
  return "valid";
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const groupName = (n: number) => `g-${String(n).padStart(3, "0")}`;

/** A valid body of `kind` for request `n`, calling the given groups, and the calls it must leave stored. */
function validBody(kind: Kind, n: number, groups: readonly string[], random: () => number): { body: unknown; events: Expected[] } {
  const userId = `u-r${n}`;
  const anonymousId = `a-r${n}`;
  const trait = (index: number) => `m${n}_${index}`;
  switch (kind) {
    case "thrivestack":
      return {
        body: groups.map((group, index) => ({ group_id: group, user_id: userId, traits: { [trait(index)]: index } })),
        events: groups.map((group, index) => ({ group, kind, index, userId, trait: trait(index) })),
      };
    case "thrivestack-legacy":
      return {
        body: { group_id: groups[0], user_id: userId, traits: { [trait(0)]: 0 }, timestamp: TIMESTAMP },
        events: [{ group: groups[0]!, kind, index: 0, userId, trait: trait(0) }],
      };
    case "segment": {
      const anonymous = random() < 0.3;
      const id = anonymous ? { anonymousId } : { userId };
      return { body: { groupId: groups[0], ...id, traits: { [trait(0)]: 0 } }, events: [{ group: groups[0]!, kind, index: 0, ...id, trait: trait(0) }] };
    }
    case "segment-batch": {
      // An identify message somewhere in the batch: accepted, not stored, and it shifts the indexes after it.
      const at = Math.floor(random() * (groups.length + 1));
      const batch: unknown[] = [];
      const events: Expected[] = [];
      groups.forEach((group, g) => {
        if (g === at) batch.push({ type: "identify", userId, traits: { seen: true } });
        events.push({ group, kind, index: batch.length, userId, trait: trait(batch.length) });
        batch.push({ type: "group", groupId: group, userId, traits: { [trait(batch.length)]: batch.length } });
      });
      if (at === groups.length) batch.push({ type: "identify", userId, traits: { seen: true } });
      return { body: { batch }, events };
    }
  }
}

/** A schema-invalid body of `kind` naming the refused group `x`; some have a valid call before the bad one. */
function invalidBody(kind: Kind, x: string, variant: number): unknown {
  const good = (k: Kind) => validBody(k, 0, [x], () => 0).body;
  switch (kind) {
    case "thrivestack":
      return variant === 0 ? [{ user_id: "u" }] : [...(good(kind) as unknown[]), { group_id: `${x}-2`, user_id: 7 }];
    case "thrivestack-legacy":
      return variant === 0 ? { user_id: "u", traits: {}, timestamp: TIMESTAMP } : { group_id: x, user_id: "u", traits: {}, timestamp: "yesterday" };
    case "segment":
      return variant === 0 ? { groupId: x } : { groupId: x, userId: 7 };
    case "segment-batch":
      return variant === 0 ? { batch: "nope" } : { batch: [...(good(kind) as { batch: unknown[] }).batch, { type: "group", userId: "u" }] };
  }
}

const MALFORMED = ["{not json", '{"groupId":"x","userId":"u",}', '[{"group_id":"x"', "", "{\"batch\":[}"];

function auth(kind: Kind, key: string | null = KEY): Record<string, string> {
  return key === null ? {} : authHeaders(kind, key);
}

/** The fixed, seeded mix: {@link REQUESTS} random requests, with the flood and hot requests spread among them. */
function plan(): Planned[] {
  const random = prng(SEED);
  const planned: Planned[] = [];
  const base = (cls: Class, kind: Kind, n: number) => ({ cls, kind, marker: `r${n}`, path: PATHS[kind], method: "POST", mode: "end" as SendMode, events: [], refusedGroups: [], ownConnection: false });
  for (let n = 0; n < REQUESTS; n++) {
    const cls = classOf(random);
    const kind = pick(random, KINDS);
    const plain = { "content-type": "application/json" };
    const x = `x-r${n}`;
    const p = base(cls, kind, n);
    switch (cls) {
      case "valid": {
        const count = kind === "thrivestack" || kind === "segment-batch" ? 1 + Math.floor(random() * 3) : 1;
        const groups = Array.from({ length: count }, () => groupName(Math.floor(random() * GROUPS)));
        const { body, events } = validBody(kind, n, groups, random);
        const gzip = random() < 0.2;
        const headers = { ...plain, ...auth(kind), ...(gzip ? { "content-encoding": "gzip" } : {}) };
        planned.push({ ...p, headers, body: gzip ? gzipSync(json(body)) : json(body), events });
        break;
      }
      case "invalid":
        planned.push({ ...p, headers: { ...plain, ...auth(kind) }, body: json(invalidBody(kind, x, Math.floor(random() * 2))), refusedGroups: [x, `${x}-2`] });
        break;
      case "malformed":
        planned.push({ ...p, headers: { ...plain, ...auth(kind) }, body: Buffer.from(pick(random, MALFORMED)) });
        break;
      case "bad-encoding": {
        const broken = random() < 0.5;
        const body = validBody(kind, n, [x], random).body;
        planned.push({ ...p, headers: { ...plain, ...auth(kind), "content-encoding": broken ? "gzip" : "br" }, body: json(body), refusedGroups: [x] });
        break;
      }
      case "message-too-large": {
        // Under the body cap, over the 32 KB message limit: refused by validateJson after a full read.
        const body = validBody(kind, n, [x], random).body as any;
        const pad = "p".repeat(40_000);
        if (kind === "thrivestack") body[0].traits.pad = pad;
        else if (kind === "segment-batch") body.batch[0].traits.pad = pad;
        else body.traits.pad = pad;
        planned.push({ ...p, headers: { ...plain, ...auth(kind) }, body: json(body), refusedGroups: [x] });
        break;
      }
      case "oversized-length": {
        const declared = BODY_CAP + 1 + Math.floor(random() * 50_000_000);
        const expect: Record<string, string> = random() < 0.5 ? { expect: "100-continue" } : {};
        planned.push({ ...p, headers: { ...plain, ...auth(kind), "content-length": String(declared), ...expect }, mode: "headers", ownConnection: true });
        break;
      }
      case "oversized-chunked":
        planned.push({ ...p, headers: { ...plain, ...auth(kind) }, mode: "stream", ownConnection: true });
        break;
      case "gzip-bomb":
        planned.push({ ...p, headers: { ...plain, ...auth(kind), "content-encoding": "gzip" }, body: BOMB, ownConnection: true });
        break;
      case "wrong-key":
      case "missing-key":
      case "foreign-key": {
        const other: Kind = kind === "thrivestack" ? "segment" : "thrivestack";
        const credentials = cls === "wrong-key" ? auth(kind, `wrong-${n}`) : cls === "missing-key" ? {} : auth(other);
        const body = validBody(kind, n, [x], random).body;
        planned.push({ ...p, headers: { ...plain, ...credentials }, body: json(body), refusedGroups: [x] });
        break;
      }
      case "unknown-path": {
        const path = pick(random, ["/api/groupz", "/v1/groups", "/v2/batch", "/legacy/api", "/api/group/extra"]);
        const method = random() < 0.8 ? "POST" : "GET";
        const body = method === "POST" ? json(validBody(kind, n, [x], random).body) : undefined;
        planned.push({ ...p, path, method, headers: { ...plain, ...auth("thrivestack") }, ...(body ? { body } : {}), refusedGroups: [x] });
        break;
      }
      default:
        throw new Error(`unplanned class ${cls}`);
    }
  }
  // The bound-testing requests, at seeded places in the mix.
  const extra: Planned[] = [];
  for (let f = 0; f < FLOOD_REQUESTS; f++) {
    const groups = Array.from({ length: FLOOD_GROUPS_EACH }, (_, i) => `flood-${f}-${i}`);
    const body = groups.map((group) => ({ group_id: group, user_id: `u-flood-${f}` }));
    const events = groups.map((group, index) => ({ group, kind: "thrivestack" as Kind, index, userId: `u-flood-${f}`, trait: "" }));
    extra.push({ ...base("flood", "thrivestack", REQUESTS + f), headers: { "content-type": "application/json", ...auth("thrivestack", FLOOD_KEY) }, body: json(body), events });
  }
  for (let h = 0; h < HOT_REQUESTS; h++) {
    const body = Array.from({ length: HOT_ITEMS_EACH }, (_, i) => ({ group_id: "hot", user_id: `u-hot-${h}-${i}`, traits: { [`t${h}_${i}`]: "v".repeat(100) } }));
    const events = body.map((item, index) => ({ group: "hot", kind: "thrivestack" as Kind, index, userId: item.user_id, trait: Object.keys(item.traits)[0]! }));
    extra.push({ ...base("hot", "thrivestack", REQUESTS + FLOOD_REQUESTS + h), headers: { "content-type": "application/json", ...auth("thrivestack", HOT_KEY) }, body: json(body), events });
  }
  for (const request of extra) planned.splice(Math.floor(random() * planned.length), 0, request);
  return planned;
}

/** The issues of an error envelope, wherever its dialect puts them. */
function issuesOf(kind: Kind, body: any): { code: string; path: string }[] {
  return kind === "thrivestack-legacy" ? body.issues : body.error.issues;
}

function messageOf(kind: Kind, body: any): string {
  return kind === "thrivestack-legacy" ? body.message : body.error.message;
}

function codeOf(kind: Kind, body: any): string {
  if (kind === "thrivestack") return body.error.code;
  if (kind === "thrivestack-legacy") return body.error_code;
  return body.error.type;
}

/** What is wrong with a reply to a planned request, beyond its status; `undefined` when nothing is. */
function problemOf(p: Planned, reply: Reply): string | undefined {
  if (reply.status !== STATUS[p.cls]) return `status ${reply.status}${reply.error ? ` (${reply.error})` : ""}: ${reply.text.slice(0, 200)}`;
  let body: any;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return `not JSON: ${reply.text.slice(0, 200)}`;
  }
  const kind = p.kind;
  const issues = () => issuesOf(kind, body).map((issue) => issue.code);
  const check = (ok: boolean, what: string) => (ok ? undefined : `${what}: ${reply.text.slice(0, 300)}`);
  switch (p.cls) {
    case "valid":
    case "flood":
    case "hot":
      if (kind === "thrivestack") return check(body.success === true && /^evt_[0-9a-f-]{36}$/.test(body.eventId), "thrivestack success shape");
      if (kind === "thrivestack-legacy") return check(body.status === "success", "legacy success shape");
      return check(body.success === true, "segment success shape");
    case "invalid":
      return check(codeOf(kind, body) === ERROR_CODES[kind][400] && issues().length > 0 && !issues().includes("invalid_json"), "400 with schema issues");
    case "malformed":
      return check(codeOf(kind, body) === ERROR_CODES[kind][400] && issues().includes("invalid_json"), "400 invalid_json");
    case "bad-encoding":
      return check(/not valid gzip|is not supported/.test(messageOf(kind, body)), "400 naming the encoding");
    case "message-too-large":
      return check(codeOf(kind, body) === ERROR_CODES[kind][413] && issues().includes("too_large"), "413 too_large from validateJson");
    case "oversized-length":
      return (
        check(messageOf(kind, body) === `The body is ${p.headers["content-length"]} bytes; the limit is ${BODY_CAP} bytes.`, "413 by Content-Length") ??
        check(reply.headers.connection === "close" && !reply.continued, "413 before reading: close, no 100 Continue")
      );
    case "oversized-chunked":
      return check(messageOf(kind, body) === `The body is more than ${BODY_CAP} bytes; the limit is ${BODY_CAP} bytes.`, "413 while streaming");
    case "gzip-bomb":
      return check(messageOf(kind, body) === `The inflated body is more than ${BODY_CAP} bytes; the limit is ${BODY_CAP} bytes.`, "413 at the inflated limit");
    case "wrong-key":
    case "missing-key":
    case "foreign-key":
      return check(codeOf(kind, body) === ERROR_CODES[kind][401] && typeof reply.headers["www-authenticate"] === "string", "401 with a challenge");
    case "unknown-path":
      return check(body.error?.code === "not_found", "404 not_found");
  }
}

function tally(entries: Iterable<[Class, number]>): Record<string, Record<number, number>> {
  const counts: Record<string, Record<number, number>> = {};
  for (const [cls, status] of entries) {
    const row = (counts[cls] ??= {});
    row[status] = (row[status] ?? 0) + 1;
  }
  return counts;
}

describe("the reference server under a bounded loopback load", () => {
  let server: RunningServer;
  let agent: Agent;
  let gc: () => void;

  beforeAll(async () => {
    gc = collector();
    server = await startTestServer({ apiKeys: [KEY, FLOOD_KEY, HOT_KEY] });
    agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  });

  afterAll(async () => {
    agent?.destroy();
    await server?.close();
  });

  const send = (p: Planned, base = server.url) =>
    exchange({
      url: `${base}${p.path}`,
      method: p.method,
      headers: p.headers,
      ...(p.body ? { body: p.body } : {}),
      mode: p.mode,
      agent: p.ownConnection ? false : agent,
      timeoutMs: 15_000,
    });

  const getGroup = (id: string, key: string) =>
    exchange({ url: `${server.url}/api/groups/${encodeURIComponent(id)}`, method: "GET", headers: { "x-api-key": key }, agent, timeoutMs: 15_000 });

  it(
    "answers every request of a seeded mix with its documented status, stores each accepted call once, keeps its bounds and memory",
    async () => {
      const requests = plan();
      const warm = requests.filter((p) => p.cls === "malformed").slice(0, 50);
      await pool(warm, CONCURRENCY, (p) => send(p));
      const before = await settledMemory(gc);

      const replies = await pool(requests, CONCURRENCY, (p) => send(p));

      // Every response has the status of its class, tallied per class.
      expect(tally(requests.map((p, i): [Class, number] => [p.cls, replies[i]!.status]))).toEqual(tally(requests.map((p): [Class, number] => [p.cls, STATUS[p.cls]])));
      const problems = requests.flatMap((p, i) => {
        const problem = problemOf(p, replies[i]!);
        return problem === undefined ? [] : [`#${i} ${p.cls} ${p.kind}: ${problem}`];
      });
      expect(problems.slice(0, 5)).toEqual([]);
      // A gzip bomb is answered at the inflated limit, not after inflating its 8 MiB.
      const bombs = replies.filter((_, i) => requests[i]!.cls === "gzip-bomb").map((reply) => reply.ms);
      expect(bombs.length).toBeGreaterThan(0);
      expect(Math.max(...bombs)).toBeLessThan(2_000);

      // Every accepted call of KEY is stored exactly once, in the group it named.
      const expected = new Map<string, Expected[]>();
      const eventIdOf = new Map<string, string>();
      requests.forEach((p, i) => {
        if (p.cls !== "valid") return;
        for (const event of p.events) expected.set(event.group, [...(expected.get(event.group) ?? []), event]);
        if (p.kind === "thrivestack") eventIdOf.set(p.marker, JSON.parse(replies[i]!.text).eventId);
      });
      const groupIds = Array.from({ length: GROUPS }, (_, g) => groupName(g));
      const reads = await pool(groupIds, CONCURRENCY, (id) => getGroup(id, KEY));
      const seenIds = new Map<string, string>();
      const mismatches: string[] = [];
      const markerOf = (event: { user_id?: string; anonymous_id?: string }) => (event.user_id ?? event.anonymous_id)!.slice(2);
      const describeEvent = (e: { kind: string; index: number; user_id?: string; anonymous_id?: string }) => `${e.kind}/${e.index}/${e.user_id ?? ""}/${e.anonymous_id ?? ""}`;
      groupIds.forEach((id, g) => {
        const want = expected.get(id) ?? [];
        const reply = reads[g]!;
        if (want.length === 0) {
          if (reply.status !== 404) mismatches.push(`${id}: expected 404, got ${reply.status}`);
          return;
        }
        if (reply.status !== 200) return void mismatches.push(`${id}: status ${reply.status}`);
        const view = JSON.parse(reply.text);
        const stored = view.events.map(describeEvent).sort();
        const sent = want.map((e) => describeEvent({ kind: e.kind, index: e.index, user_id: e.userId, anonymous_id: e.anonymousId })).sort();
        if (view.event_count !== want.length || JSON.stringify(stored) !== JSON.stringify(sent)) mismatches.push(`${id}: events ${JSON.stringify(stored)} != ${JSON.stringify(sent)}`);
        const traits = Object.keys(view.traits).sort();
        if (JSON.stringify(traits) !== JSON.stringify(want.map((e) => e.trait).sort())) mismatches.push(`${id}: traits ${traits.join(",")}`);
        for (const event of view.events) {
          const marker = markerOf(event);
          const known = seenIds.get(marker);
          if (known !== undefined && known !== event.event_id) mismatches.push(`${id}: request ${marker} stored under two event ids`);
          seenIds.set(marker, event.event_id);
          const answered = eventIdOf.get(marker);
          if (answered !== undefined && answered !== event.event_id) mismatches.push(`${id}: ${marker} answered ${answered}, stored ${event.event_id}`);
        }
      });
      expect(mismatches.slice(0, 5)).toEqual([]);
      const accepted = requests.filter((p) => p.cls === "valid").length;
      expect(seenIds.size).toBe(accepted);
      expect(new Set(seenIds.values()).size).toBe(accepted);

      // No refused body left anything behind.
      const refused = [...new Set(requests.flatMap((p) => p.refusedGroups))];
      const refusedReads = await pool(refused, CONCURRENCY, (id) => getGroup(id, KEY));
      expect(refusedReads.filter((reply) => reply.status !== 404).length).toBe(0);

      // The flood key sent 1,100 new groups: the store keeps the 1,000 updated last, and drops the 100 of
      // the request recorded first.
      const floods = requests.filter((p) => p.cls === "flood");
      const floodIds = floods.flatMap((p) => p.events.map((e) => e.group));
      const floodReads = await pool(floodIds, CONCURRENCY, (id) => getGroup(id, FLOOD_KEY));
      const kept = floodIds.filter((_, i) => floodReads[i]!.status === 200);
      const dropped = floodIds.filter((_, i) => floodReads[i]!.status === 404);
      expect([kept.length, dropped.length]).toEqual([BOUNDS.groups, floodIds.length - BOUNDS.groups]);
      expect(new Set(dropped.map((id) => id.split("-")[1])).size).toBe(1);
      for (const reply of floodReads.filter((r) => r.status === 200)) expect(JSON.parse(reply.text).event_count).toBe(1);
      // Each key's bound is its own: KEY's groups above were all intact.

      // The hot group got 1,200 calls: it lists the newest 1,000 events and members and at most 64 KiB of traits.
      const hot = JSON.parse((await getGroup("hot", HOT_KEY)).text);
      expect(hot.event_count).toBe(HOT_REQUESTS * HOT_ITEMS_EACH);
      expect(hot.events).toHaveLength(BOUNDS.events);
      expect(hot.user_ids).toHaveLength(BOUNDS.members);
      const [first, second] = [...new Set<string>(hot.events.map((e: { event_id: string }) => e.event_id))];
      expect(hot.events.map((e: { event_id: string; index: number }) => `${e.event_id}#${e.index}`)).toEqual([
        ...Array.from({ length: BOUNDS.events - HOT_ITEMS_EACH }, (_, i) => `${first}#${2 * HOT_ITEMS_EACH - BOUNDS.events + i}`),
        ...Array.from({ length: HOT_ITEMS_EACH }, (_, i) => `${second}#${i}`),
      ]);
      const traitBytes = Object.entries(hot.traits).reduce((sum, [name, value]) => sum + Buffer.byteLength(JSON.stringify(name) + JSON.stringify(value)), 0);
      expect(traitBytes).toBeLessThanOrEqual(BOUNDS.traitBytes);
      expect(traitBytes).toBeGreaterThan(BOUNDS.traitBytes - 120);

      // The server still answers, and stores.
      const after = { ...requests.find((p) => p.cls === "valid" && p.kind === "thrivestack")! };
      const last = await send({ ...after, body: json([{ group_id: "after-the-load", user_id: "u-after" }]) });
      expect(last.status).toBe(200);
      const afterRead = JSON.parse((await getGroup("after-the-load", KEY)).text);
      expect(afterRead.events.map((e: { event_id: string }) => e.event_id)).toEqual([JSON.parse(last.text).eventId]);

      // The heap (and Buffer memory) after full collections: what the store keeps, not what the load passed.
      const settled = await settledMemory(gc);
      expect(settled.heap - before.heap).toBeLessThan(150 * 1024 * 1024);
      expect(settled.buffers - before.buffers).toBeLessThan(150 * 1024 * 1024);
    },
    60_000,
  );

  it(
    "with a low rate limit, answers 429 with Retry-After past it under load, counting only authenticated requests",
    async () => {
      const LIMIT = 40;
      const recorded: { owner: string; eventId: string }[] = [];
      class CountingStore extends GroupStore {
        override record(...args: Parameters<GroupStore["record"]>): void {
          recorded.push({ owner: args[0], eventId: args[2] });
          super.record(...args);
        }
      }
      const store = new CountingStore();
      const limited = await startTestServer({ store, rateLimit: { requests: LIMIT, windowMs: 60_000 } });
      try {
        const random = prng(SEED + 1);
        const requests = Array.from({ length: 200 }, (_, n) => {
          const kind = pick(random, KINDS);
          const authenticated = random() < 0.8;
          const { body } = validBody(kind, n, [`rl-${n}`], random);
          const headers = { "content-type": "application/json", ...(authenticated ? auth(kind) : auth(kind, "wrong")) };
          return { kind, authenticated, group: `rl-${n}`, headers, body: json(body) };
        });
        const replies = await pool(requests, CONCURRENCY, (r) =>
          exchange({ url: `${limited.url}${PATHS[r.kind]}`, headers: r.headers, body: r.body, agent, timeoutMs: 15_000 }),
        );
        const authenticated = requests.filter((r) => r.authenticated).length;
        const statuses = tally(requests.map((r, i): [Class, number] => [r.authenticated ? "valid" : "wrong-key", replies[i]!.status]));
        expect(statuses).toEqual({ valid: { 200: LIMIT, 429: authenticated - LIMIT }, "wrong-key": { 401: requests.length - authenticated } });
        for (const [i, reply] of replies.entries()) {
          if (reply.status !== 429) continue;
          const kind = requests[i]!.kind;
          expect(codeOf(kind, JSON.parse(reply.text))).toBe(ERROR_CODES[kind][429]);
          const retryAfter = Number(reply.headers["retry-after"]);
          expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
        }
        // Exactly the accepted requests reached the store, each once, and only those groups exist.
        expect(recorded).toHaveLength(LIMIT);
        expect(new Set(recorded.map((r) => r.eventId)).size).toBe(LIMIT);
        const owner = recorded[0]!.owner;
        const stored = requests.filter((r) => store.read(owner, r.group) !== undefined);
        expect(stored.map((r) => r.group).sort()).toEqual(requests.filter((_, i) => replies[i]!.status === 200).map((r) => r.group).sort());
      } finally {
        await limited.close();
      }
    },
    60_000,
  );
});
