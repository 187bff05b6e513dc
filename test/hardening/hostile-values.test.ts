import { describe, expect, it } from "vitest";
import { KINDS, normalize, translate, TranslationError, GroupSpecError, validate, validateJson, type Kind } from "../../src/index.js";

// Issue 9: no value a JavaScript caller can pass makes validate, validateJson, normalize or translate throw
// anything but their own named errors; a value that is not JSON data gets a clear issue; only own
// properties count.

const valid: Record<Kind, () => unknown> = {
  thrivestack: () => [{ group_id: "g", user_id: "u", traits: { plan: "pro" } }],
  "thrivestack-legacy": () => ({ group_id: "g", user_id: "u", traits: {}, timestamp: "2024-01-15T10:30:00Z" }),
  segment: () => ({ userId: "u", groupId: "g", traits: { plan: "pro" } }),
  "segment-batch": () => ({ batch: [{ type: "group", userId: "u", groupId: "g" }] }),
};

/** Puts `value` where each kind keeps an open member (a custom trait, or a context key). */
function withOpenValue(kind: Kind, value: unknown): unknown {
  const body = valid[kind]() as Record<string, unknown> & unknown[];
  if (kind === "thrivestack") (body[0] as { traits: Record<string, unknown> }).traits["x"] = value;
  else if (kind === "segment-batch") (body["batch"] as { context?: unknown }[])[0]!.context = { x: value };
  else (body["traits"] as Record<string, unknown>)["x"] = value;
  return body;
}

const cyclic = (): unknown => {
  const a: unknown[] = [];
  a.push(a);
  return a;
};

const throwingGetter = () => Object.defineProperty({}, "x", { enumerable: true, get: () => { throw new Error("boom"); } });
const throwingProxy = () => new Proxy({}, { ownKeys: () => { throw new Error("boom"); }, getPrototypeOf: () => { throw new Error("boom"); } });
const revoked = () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; };

const HOSTILE: [string, () => unknown][] = [
  ["a BigInt", () => 10n],
  ["a Symbol", () => Symbol("s")],
  ["a function", () => () => 1],
  ["NaN", () => Number.NaN],
  ["Infinity", () => Number.POSITIVE_INFINITY],
  ["a Date", () => new Date(0)],
  ["a Map", () => new Map([["a", 1]])],
  ["a cycle", cyclic],
  ["an object made from another", () => Object.create({ a: 1 })],
  ["a sparse array", () => [, 1]], // eslint-disable-line no-sparse-arrays
  ["a getter that throws", throwingGetter],
  ["a Proxy whose traps throw", throwingProxy],
  ["a revoked Proxy", revoked],
];

describe.each(KINDS)("%s: values that are not JSON data", (kind) => {
  it.each(HOSTILE)("%s as the body or an open member gets an issue, never an exception", (_name, make) => {
    for (const body of [make(), withOpenValue(kind, make())]) {
      const result = validate(kind, body);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]!.message.length).toBeGreaterThan(10);
      expect(() => normalize(kind, body)).toThrow(GroupSpecError);
    }
  });

  it("accepts a value shared by two members (not a cycle), as JSON.stringify does", () => {
    const shared = { a: [1, 2] };
    expect(validate(kind, withOpenValue(kind, [shared, shared])).ok).toBe(true);
  });
});

describe("only own properties count", () => {
  it("refuses an object made from a valid body", () => {
    for (const kind of KINDS) expect(validate(kind, Object.create(valid[kind]() as object)).ok).toBe(false);
  });

  it("does not take a polluted Object.prototype for a member", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto["groupId"] = "polluted";
    proto["group_id"] = "polluted";
    try {
      expect(validate("segment", { userId: "u" }).ok).toBe(false);
      expect(validate("thrivestack", [{ user_id: "u" }]).ok).toBe(false);
      expect(validate("segment", valid.segment()).ok).toBe(true);
    } finally {
      delete proto["groupId"];
      delete proto["group_id"];
    }
  });

  it.each(["toString", "constructor", "__proto__", "hasOwnProperty"])("does not take %s from the prototype as a present member", (name) => {
    const body = JSON.parse(`{"group_id":"g","user_id":"u","traits":{},"timestamp":"2024-01-15T10:30:00Z","${name}":1}`);
    expect(validate("thrivestack-legacy", body).ok).toBe(false);
    expect(validate("thrivestack-legacy", valid["thrivestack-legacy"]()).ok).toBe(true);
  });
});

describe("options and inputs a caller can pass", () => {
  const body = valid.segment();
  it.each([null, undefined, 5, "x", { maxIssues: Number.NaN }, { maxIssues: -1 }, { maxDepth: Number.NaN }, { maxDepth: 1e9 }])(
    "validate with options %o answers as with the defaults",
    (options) => {
      expect(validate("segment", body, options as never).ok).toBe(true);
    },
  );

  it("a getter that throws in the options is an issue, not an exception", () => {
    expect(validate("segment", body, throwingGetter() as never).ok).toBe(true);
    const options = Object.defineProperty({}, "maxIssues", { get: () => { throw new Error("boom"); } });
    expect(validate("segment", body, options).ok).toBe(false);
    expect(validateJson("segment", JSON.stringify(body), options).ok).toBe(false);
  });

  it("maxDepth of 1e6 on a body nested 100,000 deep does not overflow", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(validate("thrivestack", withOpenValue("thrivestack", deep), { maxDepth: 1e6 }).ok).toBe(true);
    expect(validate("thrivestack", withOpenValue("thrivestack", deep), { maxDepth: 1000 }).ok).toBe(false);
  });

  it.each([null, undefined, 5, {}, [], new ArrayBuffer(4)])("validateJson(kind, %o) is an invalid_json issue", (input) => {
    const result = validateJson("segment", input as never);
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(["invalid_json"]);
  });

  it("validateJson keeps a limit when it is given as NaN", () => {
    const text = JSON.stringify(body);
    const result = validateJson("segment", text, { limits: { bodyBytes: Number.NaN, messageBytes: 10 } });
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(["too_large"]);
    expect(validateJson("segment", "x".repeat(600_000), { limits: { bodyBytes: Number.NaN } }).ok).toBe(false);
  });

  it("translate without a translation throws a TranslationError", () => {
    for (const translation of [undefined, null, {}, { from: 1n, to: Symbol("s") }]) {
      expect(() => translate(body, translation as never)).toThrow(TranslationError);
    }
  });

  it("normalize takes null options as the defaults", () => {
    expect(normalize("segment", body, null)).toMatchObject({ userId: "u", groupId: "g", type: "group" });
  });
});
