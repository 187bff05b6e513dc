import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, validateJson, type Kind, type ValidateJsonOptions } from "../src/index.js";

const group = '{"group_id":"acme","user_id":"u1"}';
const message = '{"userId":"u1","groupId":"acme"}';
const nest = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

interface Case {
  readonly name: string;
  readonly kind: Kind;
  readonly given: string | Uint8Array;
  readonly options?: ValidateJsonOptions;
  readonly want: { readonly path: string; readonly code: string; readonly message?: RegExp };
}

const cases: Case[] = [
  { name: "a syntax error, with its line and column", kind: "segment", given: '{"userId":"u1",\n "groupId": acme}', want: { path: "/groupId", code: "invalid_json", message: /line 2, column 13/ } },
  { name: "a trailing comma", kind: "segment", given: '{"userId":"u1",}', want: { path: "", code: "invalid_json", message: /position 15/ } },
  { name: "an unterminated string", kind: "thrivestack", given: '[{"group_id":"ac', want: { path: "/0/group_id", code: "invalid_json" } },
  { name: "a control character in a string", kind: "segment", given: '{"userId":"u\u0001"}', want: { path: "/userId", code: "invalid_json", message: /U\+0001/ } },
  { name: "text after the value", kind: "segment", given: `${message} {}`, want: { path: "", code: "invalid_json" } },
  { name: "empty text", kind: "segment", given: "", want: { path: "", code: "invalid_json" } },
  { name: "bytes that are not UTF-8", kind: "segment", given: new Uint8Array([0x7b, 0xff, 0x7d]), want: { path: "", code: "invalid_json" } },
  { name: "a body over the byte limit, before reading it", kind: "thrivestack", given: `[${" ".repeat(600_000)}]`, want: { path: "", code: "too_large", message: /600002 bytes/ } },
  { name: "bytes over the byte limit", kind: "segment", given: new Uint8Array(512_001), want: { path: "", code: "too_large" } },
  { name: "a single message over 32 KB", kind: "segment", given: `{"userId":"u1","groupId":"acme","traits":{"a":"${"x".repeat(33_000)}"}}`, want: { path: "", code: "too_large" } },
  { name: "a thrivestack group object over 32 KB", kind: "thrivestack", given: `[${group},{"group_id":"a","user_id":"u","traits":{"a":"${"é".repeat(17_000)}"}}]`, want: { path: "/1", code: "too_large", message: /34\d{3} bytes/ } },
  { name: "a batch message over 32 KB", kind: "segment-batch", given: `{"batch":[{"type":"track","userId":"u","p":"${"y".repeat(40_000)}"}]}`, want: { path: "/batch/0", code: "too_large" } },
  { name: "nesting deeper than the limit, at its path", kind: "segment", given: `{"userId":"u1","groupId":"acme","traits":{"a":${nest(100_000)}}}`, options: { limits: { bodyBytes: 1e6, messageBytes: 1e6 } }, want: { path: `/traits/a${"/0".repeat(30)}`, code: "too_deep" } },
  { name: "a thrivestack array of 1,001 groups", kind: "thrivestack", given: `[${Array(1001).fill(group).join(",")}]`, want: { path: "", code: "max_items" } },
  { name: "a batch of 1,000,000 messages, stopped at the limit", kind: "segment-batch", given: `{"batch":[${Array(1_000_000).fill('{"type":"track","userId":"u"}').join(",")}]}`, options: { limits: { bodyBytes: 1e8 } }, want: { path: "/batch", code: "max_items" } },
  { name: "a lowered batch limit", kind: "segment-batch", given: `{"batch":[${Array(3).fill('{"type":"track","userId":"u"}').join(",")}]}`, options: { limits: { batchMessages: 2 } }, want: { path: "/batch", code: "max_items" } },
  { name: "a lowered trait count limit", kind: "segment", given: '{"userId":"u1","groupId":"acme","traits":{"a":1,"b":2,"c":3}}', options: { limits: { traitKeys: 2 } }, want: { path: "/traits", code: "max_properties" } },
  { name: "a lowered depth limit", kind: "thrivestack", given: `[{"group_id":"a","user_id":"u","traits":{"x":[[1]]}}]`, options: { limits: { depth: 4 } }, want: { path: "/0/traits/x/0", code: "too_deep" } },
  { name: "schema issues after parsing", kind: "thrivestack", given: '[{"group_id":"acme"}]', want: { path: "/0/user_id", code: "required" } },
];

describe("validateJson", () => {
  it.each(cases)("$name", ({ kind, given, options, want }) => {
    const result = validateJson(kind, given, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(({ path, code }) => ({ path, code }))).toEqual([{ path: want.path, code: want.code }]);
    if (want.message) expect(result.issues[0]!.message).toMatch(want.message);
  });

  it("accepts a valid body given as text or as UTF-8 bytes", () => {
    expect(validateJson("segment", message)).toEqual({ ok: true, value: { userId: "u1", groupId: "acme" } });
    expect(validateJson("thrivestack", new TextEncoder().encode(`[${group}]`)).ok).toBe(true);
  });

  it("accepts JSON's full grammar: escapes, numbers, literals, whitespace", () => {
    const text = ` {"userId":"u\\u00e9\\n\\"1\\"","groupId":"acme","traits":{"a":-0.5e+3,"b":[true,false,null],"c":{}}}\r\n`;
    expect(validateJson("segment", text).ok).toBe(true);
  });

  it("keeps __proto__, constructor and prototype keys as plain data", () => {
    const text = '{"userId":"u1","groupId":"acme","traits":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}';
    const result = validateJson("segment", text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const traits = result.value.traits as Record<string, unknown>;
    expect(Object.getPrototypeOf(traits)).toBe(Object.prototype);
    expect(Object.hasOwn(traits, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("keeps a lone surrogate in a string as sent", () => {
    const result = validateJson("segment", '{"userId":"u\\ud800","groupId":"acme"}');
    expect(result.ok && result.value.userId).toBe("u\ud800");
  });

  it("exports its default limits", () => {
    expect(DEFAULT_LIMITS).toEqual({ bodyBytes: 512_000, messageBytes: 32_768, depth: 32, thrivestackItems: 1000, batchMessages: 2500, traitKeys: 255 });
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });
});
