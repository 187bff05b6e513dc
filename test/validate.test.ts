import { describe, expect, it } from "vitest";
import { assertValid, GroupSpecError, KINDS, validate, type Kind } from "../src/index.js";

const group = { group_id: "acme", user_id: "u1" };
const legacy = { group_id: "acme", user_id: "u1", traits: {}, timestamp: "2020-11-23T22:28:55.111Z" };
const message = { userId: "u1", groupId: "acme" };

interface Case {
  readonly name: string;
  readonly kind: Kind;
  readonly given: unknown;
  readonly want: { readonly path: string; readonly code: string };
}

// One row per issue code the core guarantees, each at the path a client can act on.
const cases: Case[] = [
  { name: "required names the missing member", kind: "thrivestack", given: [{ group_id: "acme" }], want: { path: "/0/user_id", code: "required" } },
  { name: "required in the legacy object", kind: "thrivestack-legacy", given: { ...legacy, timestamp: undefined }, want: { path: "/timestamp", code: "required" } },
  { name: "required groupId", kind: "segment", given: { userId: "u1" }, want: { path: "/groupId", code: "required" } },
  { name: "type of the body", kind: "thrivestack", given: group, want: { path: "", code: "type" } },
  { name: "type of a field", kind: "segment", given: { ...message, traits: { employees: "many" } }, want: { path: "/traits/employees", code: "type" } },
  { name: "format of a date-time", kind: "thrivestack", given: [{ ...group, timestamp: "2024-02-30T10:00:00Z" }], want: { path: "/0/timestamp", code: "format" } },
  { name: "format of a case-insensitive reserved trait", kind: "thrivestack", given: [{ ...group, traits: { Account_Domain: "not a host" } }], want: { path: "/0/traits/Account_Domain", code: "format" } },
  { name: "format of an IP address", kind: "segment", given: { ...message, context: { ip: "256.1.1.1" } }, want: { path: "/context/ip", code: "format" } },
  { name: "max_length of an id", kind: "segment", given: { ...message, groupId: "g".repeat(256) }, want: { path: "/groupId", code: "max_length" } },
  { name: "min_length of an id", kind: "thrivestack", given: [{ ...group, user_id: "" }], want: { path: "/0/user_id", code: "min_length" } },
  { name: "enum of context.source", kind: "thrivestack", given: [{ ...group, context: { source: "web" } }], want: { path: "/0/context/source", code: "enum" } },
  { name: "min_items of the array body", kind: "thrivestack", given: [], want: { path: "", code: "min_items" } },
  { name: "max_items of the array body", kind: "thrivestack", given: Array.from({ length: 1001 }, () => group), want: { path: "", code: "max_items" } },
  { name: "max_items of a batch", kind: "segment-batch", given: { batch: Array.from({ length: 2501 }, () => ({ type: "track", userId: "u" })) }, want: { path: "/batch", code: "max_items" } },
  { name: "max_properties of traits", kind: "segment", given: { ...message, traits: Object.fromEntries(Array.from({ length: 256 }, (_, i) => [`t${i}`, i])) }, want: { path: "/traits", code: "max_properties" } },
  { name: "identity on the message", kind: "segment", given: { groupId: "acme" }, want: { path: "", code: "identity" } },
  { name: "identity on a batch message", kind: "segment-batch", given: { batch: [{ type: "identify" }] }, want: { path: "/batch/0", code: "identity" } },
];

describe("validate", () => {
  it.each(cases)("$name", ({ kind, given, want }) => {
    const result = validate(kind, given);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(({ path, code }) => ({ path, code }))).toEqual([want]);
    expect(result.issues[0]!.message.length).toBeGreaterThan(10);
  });

  it("escapes JSON Pointer tokens in paths (RFC 6901)", () => {
    const result = validate("thrivestack", [{ ...group, "a/b~c": 1 }]);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(["/0/a~1b~0c"]);
  });

  it("returns the body, typed, when it is valid", () => {
    const body = [{ ...group, traits: { plan: "enterprise" } }];
    const result = validate("thrivestack", body);
    expect(result).toEqual({ ok: true, value: body });
  });

  it.each(KINDS)("never throws for odd JSON values (%s)", (kind) => {
    const values = [null, 0, -1.5, "", "x", true, [], {}, [null], [[]], { batch: null }, { batch: [null] }, [{ traits: [] }]];
    for (const value of values) expect(validate(kind, value).ok).toBe(false);
  });

  it("rejects an unknown kind as a programming error", () => {
    expect(() => validate("mixpanel" as Kind, {})).toThrow(TypeError);
  });
});

describe("assertValid", () => {
  it("returns a valid body", () => {
    expect(assertValid("segment", message)).toBe(message);
  });

  it("throws a GroupSpecError carrying the issues", () => {
    let thrown: unknown;
    try {
      assertValid("segment", { groupId: "acme" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GroupSpecError);
    expect((thrown as GroupSpecError).name).toBe("GroupSpecError");
    expect((thrown as GroupSpecError).kind).toBe("segment");
    expect((thrown as GroupSpecError).issues).toEqual([
      { path: "", code: "identity", message: "Either `userId` or `anonymousId` is required." },
    ]);
    expect((thrown as GroupSpecError).message).toContain("userId");
  });
});

describe("validate with maxDepth", () => {
  it("answers a body nested past the limit with too_deep at the first container too deep, without recursion", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = validate("thrivestack", [{ group_id: "a", user_id: "u", traits: { x: deep } }], { maxDepth: 32 });
    expect(result.ok ? [] : result.issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: `/0/traits/x${"/0".repeat(29)}`, code: "too_deep" },
    ]);
  });

  it("accepts a body at the limit, and checks nothing when no limit is given", () => {
    const body = [{ group_id: "a", user_id: "u", traits: { x: [[1]] } }];
    expect(validate("thrivestack", body, { maxDepth: 5 }).ok).toBe(true);
    expect(validate("thrivestack", body, { maxDepth: 4 }).ok).toBe(false);
    expect(validate("thrivestack", body).ok).toBe(true);
  });
});
