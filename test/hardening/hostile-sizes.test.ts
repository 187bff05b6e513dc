import { describe, expect, it } from "vitest";
import { validate, validateJson, type Issue, type Kind } from "../../src/index.js";
import { nestedArrays, nestedObjects } from "../support/fuzz/values.js";

// Issue 6: hostile sizes are answered by the right issue, without a stack overflow, reading no further than
// the limit needs. Only verdicts are asserted here; bench/ measures the time.

const pairs = (issues: readonly Issue[]) => issues.map(({ path, code }) => ({ path, code }));

function issuesOf(result: { ok: boolean; issues?: readonly Issue[] }): { path: string; code: string }[] {
  return result.ok ? [] : pairs(result.issues ?? []);
}

const LEVELS = 50_000;
const wide = { bodyBytes: 1e8, messageBytes: 1e8 };

describe("50,000 levels of nesting in traits", () => {
  const arrays = `${"[".repeat(LEVELS)}${"]".repeat(LEVELS)}`;
  const objects = `${'{"a":'.repeat(LEVELS)}1${"}".repeat(LEVELS)}`;

  it.each([
    ["arrays", arrays, "/0"],
    ["objects", objects, "/a"],
  ])("validateJson stops at depth 32 in %s, at the path it reached", (_name, deep, step) => {
    const segment = `{"userId":"u","groupId":"g","traits":{"a":${deep}}}`;
    expect(issuesOf(validateJson("segment", segment, { limits: wide }))).toEqual([{ path: `/traits/a${step.repeat(30)}`, code: "too_deep" }]);
    const thrivestack = `[{"group_id":"g","user_id":"u","traits":{"a":${deep}}}]`;
    expect(issuesOf(validateJson("thrivestack", thrivestack, { limits: wide }))).toEqual([{ path: `/0/traits/a${step.repeat(29)}`, code: "too_deep" }]);
    const legacy = `{"group_id":"g","user_id":"u","timestamp":"2024-01-15T10:30:00Z","traits":{"a":${deep}}}`;
    expect(issuesOf(validateJson("thrivestack-legacy", legacy, { limits: wide }))).toEqual([{ path: `/traits/a${step.repeat(30)}`, code: "too_deep" }]);
    const batch = `{"batch":[{"type":"group","userId":"u","groupId":"g","traits":{"a":${deep}}}]}`;
    expect(issuesOf(validateJson("segment-batch", batch, { limits: wide }))).toEqual([{ path: `/batch/0/traits/a${step.repeat(28)}`, code: "too_deep" }]);
  });

  it("validateJson with the default limits refuses the same text by its size first", () => {
    expect(issuesOf(validateJson("segment", `{"userId":"u","groupId":"g","traits":{"a":${arrays}}}`))).toEqual([{ path: "", code: "too_large" }]);
  });

  // Already-parsed values, built in a loop: validate must not recurse into them without bound.
  describe.each([
    ["arrays", nestedArrays(LEVELS), "/0/0/0"],
    ["objects", nestedObjects(LEVELS), "/a/a/a"],
  ])("validate on %s", (_name, deep, step) => {
    it("thrivestack and legacy accept any depth of custom trait (their traits are open; validateJson bounds depth)", () => {
      expect(validate("thrivestack", [{ group_id: "g", user_id: "u", traits: { custom: deep }, context: { custom: deep } }]).ok).toBe(true);
      const legacy = { group_id: "g", user_id: "u", timestamp: "2024-01-15T10:30:00Z", traits: { custom: deep, address: { custom: deep } }, context: { custom: deep } };
      expect(validate("thrivestack-legacy", legacy).ok).toBe(true);
    });

    it("thrivestack checks reserved and duplicate traits without descending into the value", () => {
      expect(issuesOf(validate("thrivestack", [{ group_id: "g", user_id: "u", traits: { plan: deep, PLAN: deep } }]))).toEqual([
        { path: "/0/traits/plan", code: "type" },
        { path: "/0/traits/PLAN", code: "type" },
        { path: "/0/traits/PLAN", code: "duplicate_trait" },
      ]);
    });

    it("segment and segment-batch refuse it as too_deep below the third level", () => {
      expect(issuesOf(validate("segment", { userId: "u", groupId: "g", traits: { custom: deep } }))).toEqual([{ path: `/traits/custom${step}`, code: "too_deep" }]);
      expect(issuesOf(validate("segment-batch", { batch: [{ type: "group", userId: "u", groupId: "g", traits: { custom: deep } }] }))).toEqual([
        { path: `/batch/0/traits/custom${step}`, code: "too_deep" },
      ]);
    });

    it.each(["thrivestack", "thrivestack-legacy", "segment", "segment-batch"] as const)("%s refuses it as the whole body", (kind) => {
      expect(validate(kind, deep).ok).toBe(false);
    });
  });
});

describe("a 10 MB string", () => {
  const huge = "a ".repeat(5_000_000);

  it("validate answers max_length", () => {
    expect(issuesOf(validate("segment", { userId: "u", groupId: "g", traits: { description: huge } }))).toEqual([{ path: "/traits/description", code: "max_length" }]);
    expect(issuesOf(validate("thrivestack", [{ group_id: huge, user_id: "u" }]))).toEqual([{ path: "/0/group_id", code: "max_length" }]);
  });

  it("validateJson answers too_large with the default limits, and max_length with the byte limits raised", () => {
    const text = JSON.stringify([{ group_id: huge, user_id: "u" }]);
    expect(issuesOf(validateJson("thrivestack", text))).toEqual([{ path: "", code: "too_large" }]);
    expect(issuesOf(validateJson("thrivestack", text, { limits: wide }))).toEqual([{ path: "/0/group_id", code: "max_length" }]);
  });
});

describe("100,000 trait keys", () => {
  const traits = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`t${i}`, i]));

  it.each([
    ["segment", { userId: "u", groupId: "g", traits }, "/traits"],
    ["segment-batch", { batch: [{ type: "group", userId: "u", groupId: "g", traits }] }, "/batch/0/traits"],
  ] as const)("%s: validate and validateJson answer max_properties", (kind: Kind, body, path) => {
    expect(issuesOf(validate(kind, body))).toEqual([{ path, code: "max_properties" }]);
    expect(issuesOf(validateJson(kind, JSON.stringify(body), { limits: wide }))).toEqual([{ path, code: "max_properties" }]);
    expect(issuesOf(validateJson(kind, JSON.stringify(body)))).toEqual([{ path: "", code: "too_large" }]);
  });

  it("thrivestack: the message limit refuses what the (open) traits schema allows", () => {
    const text = JSON.stringify([{ group_id: "g", user_id: "u", traits }]);
    expect(issuesOf(validateJson("thrivestack", text, { limits: { bodyBytes: 1e8 } }))).toEqual([{ path: "/0", code: "too_large" }]);
  });
});

describe("a 50 MB body", () => {
  const size = 50 * 1024 * 1024;

  it.each(["thrivestack", "thrivestack-legacy", "segment", "segment-batch"] as const)("%s: too_large before it is read, as text or bytes", (kind) => {
    expect(issuesOf(validateJson(kind, " ".repeat(size)))).toEqual([{ path: "", code: "too_large" }]);
    expect(issuesOf(validateJson(kind, new Uint8Array(size)))).toEqual([{ path: "", code: "too_large" }]);
    // Not JSON at all past the first byte: nothing after the size check looks at it.
    expect(issuesOf(validateJson(kind, `{${"\u0000".repeat(size)}`))).toEqual([{ path: "", code: "too_large" }]);
  });
});

describe("1,000,000 tiny items", () => {
  const items = Array.from({ length: 1_000_000 }, () => ({ type: "track", userId: "u" }));

  it("segment-batch: validate and validateJson answer max_items", () => {
    expect(issuesOf(validate("segment-batch", { batch: items }))).toEqual([{ path: "/batch", code: "max_items" }]);
    const text = `{"batch":[${'{"type":"track","userId":"u"},'.repeat(999_999)}{"type":"track","userId":"u"}]}`;
    expect(issuesOf(validateJson("segment-batch", text, { limits: { bodyBytes: 1e8 } }))).toEqual([{ path: "/batch", code: "max_items" }]);
  });

  it("thrivestack: validate and validateJson answer max_items", () => {
    const groups = Array.from({ length: 1_000_000 }, () => ({ group_id: "g", user_id: "u" }));
    expect(issuesOf(validate("thrivestack", groups))).toEqual([{ path: "", code: "max_items" }]);
    const text = `[${'{"group_id":"g","user_id":"u"},'.repeat(999_999)}{"group_id":"g","user_id":"u"}]`;
    expect(issuesOf(validateJson("thrivestack", text, { limits: { bodyBytes: 1e8 } }))).toEqual([{ path: "", code: "max_items" }]);
  });
});

describe("issue messages stay short whatever the body holds", () => {
  const key = "k".repeat(1_000_000);

  // BUG (reported): label() in src/issues/describe.ts and the unknown_property message in leaf.ts quote a
  // key whole, so a 1 MB key gives a 1 MB message (and an error response twice the body's size). STYLE.md:
  // "the message ... never echoes large or secret input". The path carries the key; the message need not.
  it("an unknown 1 MB key", () => {
    const result = validate("thrivestack", [{ group_id: "g", user_id: "u", [key]: 1 }]);
    expect(issuesOf(result)).toEqual([{ path: `/0/${key}`, code: "unknown_property" }]);
    expect(result.ok === false && result.issues[0]!.message.length).toBeLessThan(300);
  });

  it("a wrong type under a 1 MB key", () => {
    const result = validate("segment", { userId: "u", groupId: "g", integrations: { [key]: 5 } });
    expect(issuesOf(result)).toEqual([{ path: `/integrations/${key}`, code: "type" }]);
    expect(result.ok === false && result.issues[0]!.message.length).toBeLessThan(300);
  });
});
