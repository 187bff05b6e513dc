import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KINDS, validate, type Kind } from "../src/index.js";
import { GroupSpecError } from "../src/group-spec-error.js";
import { copyJson, normalize, normalizeSpelling } from "../src/normalize.js";
import { deepFreeze, sharedObjects, validBody } from "./support/arbitraries.js";

const NOW = new Date("2025-01-15T14:30:00.000Z");
const AT = "2025-01-15T14:30:00.000Z";
const SENT = "2024-01-15T10:30:00Z";
const ids = () => {
  let n = 0;
  return () => `m${++n}`;
};

interface Case {
  readonly name: string;
  readonly kind: Kind;
  readonly given: unknown;
  readonly want: unknown;
}

const cases: Case[] = [
  {
    name: "thrivestack: timestamp filled with server time when absent (004)",
    kind: "thrivestack",
    given: [{ group_id: "g1", user_id: "u1" }],
    want: [{ group_id: "g1", user_id: "u1", timestamp: AT }],
  },
  {
    name: "thrivestack: a timestamp sent is kept as sent",
    kind: "thrivestack",
    given: [{ group_id: "g1", user_id: "u1", timestamp: SENT }, { group_id: "g2", user_id: "u1" }],
    want: [{ group_id: "g1", user_id: "u1", timestamp: SENT }, { group_id: "g2", user_id: "u1", timestamp: AT }],
  },
  {
    name: "thrivestack: reserved trait keys folded to their canonical names, custom keys kept",
    kind: "thrivestack",
    given: [{ group_id: "g", user_id: "u", traits: { Account_Name: "Acme", PLAN: "pro", Enrichment_Name: "A", MyTrait: 1 } }],
    want: [{ group_id: "g", user_id: "u", traits: { account_name: "Acme", plan: "pro", enrichment_name: "A", MyTrait: 1 }, timestamp: AT }],
  },
  {
    name: "thrivestack-legacy: timestamp is required and names are exact: a plain copy",
    kind: "thrivestack-legacy",
    given: { group_id: "g", user_id: "u", traits: { Plan: "x", employees: "100" }, timestamp: SENT },
    want: { group_id: "g", user_id: "u", traits: { Plan: "x", employees: "100" }, timestamp: SENT },
  },
  {
    name: "segment: type, timestamp and messageId added",
    kind: "segment",
    given: { userId: "u", groupId: "g" },
    want: { type: "group", userId: "u", groupId: "g", timestamp: AT, messageId: "m1" },
  },
  {
    name: "segment: messageId and timestamp sent are kept",
    kind: "segment",
    given: { type: "group", anonymousId: "a", groupId: "g", timestamp: SENT, messageId: "ajs-1" },
    want: { type: "group", anonymousId: "a", groupId: "g", timestamp: SENT, messageId: "ajs-1" },
  },
  {
    name: "segment: reserved traits folded under any case and style",
    kind: "segment",
    given: { userId: "u", groupId: "g", traits: { Name: "Acme", created_at: SENT, EMPLOYEES: 5, mrr: 1 }, channel: "server" },
    want: { type: "group", userId: "u", groupId: "g", traits: { name: "Acme", createdAt: SENT, employees: 5, mrr: 1 }, channel: "server", timestamp: AT, messageId: "m1" },
  },
  {
    name: "segment-batch: group messages in full, other messages timestamp and messageId only, envelope untouched",
    kind: "segment-batch",
    given: {
      batch: [
        { type: "group", userId: "u", groupId: "g", traits: { Plan: "pro" } },
        { type: "identify", userId: "u", traits: { Plan: "x" }, messageId: "keep" },
      ],
      sentAt: SENT,
    },
    want: {
      batch: [
        { type: "group", userId: "u", groupId: "g", traits: { plan: "pro" }, timestamp: AT, messageId: "m1" },
        { type: "identify", userId: "u", traits: { Plan: "x" }, messageId: "keep", timestamp: AT },
      ],
      sentAt: SENT,
    },
  },
];

describe("normalize", () => {
  it.each(cases)("$name", ({ kind, given, want }) => {
    expect(normalize(kind, given, { now: NOW, messageId: ids() })).toEqual(want);
  });

  it("defaults to the current time and a random UUID", () => {
    const before = Date.now();
    const [out] = normalize("segment-batch", { batch: [{ type: "group", userId: "u", groupId: "g" }] }).batch;
    expect(Date.parse(out!["timestamp"] as string)).toBeGreaterThanOrEqual(before - 1);
    expect(out!["messageId"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([
    { name: "an invalid body", kind: "segment" as const, given: { groupId: "g" } },
    { name: "two spellings of one reserved trait", kind: "thrivestack" as const, given: [{ group_id: "g", user_id: "u", traits: { plan: "a", Plan: "b" } }] },
  ])("validates first: throws GroupSpecError on $name", ({ kind, given }) => {
    expect(() => normalize(kind, given, { now: NOW })).toThrow(GroupSpecError);
  });

  it.each([
    { name: "an invalid date", options: { now: new Date(Number.NaN) } },
    { name: "an empty messageId", options: { messageId: () => "" } },
    { name: "a messageId over 255 characters", options: { messageId: () => "m".repeat(256) } },
  ])("throws TypeError on $name", ({ options }) => {
    expect(() => normalize("segment", { userId: "u", groupId: "g" }, options)).toThrow(TypeError);
  });

  it("never mutates its input and shares no object with it", () => {
    const given = deepFreeze({ batch: [{ type: "group", userId: "u", groupId: "g", traits: { Plan: "p", x: { y: [1] } }, context: { library: { name: "n", version: "1" } } }] });
    const out = normalize("segment-batch", given, { now: NOW, messageId: ids() });
    expect(sharedObjects(given, out)).toEqual([]);
  });

  it("keeps a __proto__ trait as data without touching Object.prototype", () => {
    const given = JSON.parse('[{"group_id":"g","user_id":"u","traits":{"__proto__":{"polluted":true},"Plan":"p"}}]') as unknown;
    const [group] = normalize("thrivestack", given, { now: NOW });
    const traits = group!.traits as Record<string, unknown>;
    expect(Object.getPrototypeOf(traits)).toBe(Object.prototype);
    expect(Object.keys(traits)).toEqual(["__proto__", "plan"]);
    expect(Object.getOwnPropertyDescriptor(traits, "__proto__")?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("copies a context nested 100,000 levels deep without overflowing the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const [group] = normalize("thrivestack", [{ group_id: "g", user_id: "u", context: { deep } }], { now: NOW });
    // Walked by hand: vitest's own matchers recurse and would overflow on this value.
    let [copy, original, levels] = [group!.context!["deep"], deep, 0];
    while (typeof copy === "object" && copy !== null && copy !== original) {
      [copy, original, levels] = [(copy as { a: unknown }).a, (original as { a: unknown }).a, levels + 1];
    }
    expect([copy, levels]).toEqual([1, 100_000]);
  });

  it.each(KINDS)("gives a valid body, idempotently, for every valid %s body", (kind) => {
    fc.assert(
      fc.property(validBody[kind], (body) => {
        const once = normalize(kind, body, { now: NOW, messageId: ids() });
        expect(validate(kind, once).ok).toBe(true);
        expect(normalize(kind, once, { now: new Date(0), messageId: ids() })).toEqual(once);
      }),
      { numRuns: 300, seed: 4004 },
    );
  });
});

describe("normalizeSpelling", () => {
  it("folds reserved trait keys and fills nothing in", () => {
    expect(normalizeSpelling("segment", { userId: "u", groupId: "g", traits: { CreatedAt: SENT, Website: "https://a.co" } })).toEqual({
      userId: "u",
      groupId: "g",
      traits: { createdAt: SENT, website: "https://a.co" },
    });
  });
});

describe("copyJson", () => {
  it("copies shared objects once and keeps keys as data", () => {
    const shared = { a: 1 };
    const copy = copyJson({ x: shared, y: shared, z: [shared] });
    expect(copy.x).not.toBe(shared);
    expect(copy.y).toBe(copy.x);
    expect(copy).toEqual({ x: { a: 1 }, y: { a: 1 }, z: [{ a: 1 }] });
  });
});
