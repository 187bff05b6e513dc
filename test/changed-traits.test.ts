import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changedTraits } from "../src/changed-traits.js";
import { deepEqual } from "../src/deep-equal.js";
import { deepFreeze, jsonValue, key } from "./support/arbitraries.js";

type Traits = Record<string, unknown>;

interface Case {
  readonly name: string;
  readonly given: { readonly previous: Traits | undefined; readonly next: Traits };
  readonly want: { readonly changed: Traits; readonly removed: string[] };
}

const cases: Case[] = [
  { name: "nothing changed", given: { previous: { plan: "pro", seats: 5 }, next: { plan: "pro", seats: 5 } }, want: { changed: {}, removed: [] } },
  { name: "a changed value", given: { previous: { plan: "pro", seats: 5 }, next: { plan: "pro", seats: 6 } }, want: { changed: { seats: 6 }, removed: [] } },
  { name: "a new key", given: { previous: { plan: "pro" }, next: { plan: "pro", mrr: 10 } }, want: { changed: { mrr: 10 }, removed: [] } },
  { name: "removed keys, reported apart and sorted", given: { previous: { b: 1, a: 2, c: 3 }, next: { c: 3 } }, want: { changed: {}, removed: ["a", "b"] } },
  { name: "nothing sent yet: every trait changed", given: { previous: undefined, next: { plan: "pro" } }, want: { changed: { plan: "pro" }, removed: [] } },
  { name: "objects equal in another key order", given: { previous: { address: { city: "X", street: "Y" } }, next: { address: { street: "Y", city: "X" } } }, want: { changed: {}, removed: [] } },
  { name: "an equal array (003's !== would resend it)", given: { previous: { tags: ["a", "b"] }, next: { tags: ["a", "b"] } }, want: { changed: {}, removed: [] } },
  { name: "arrays in another order differ", given: { previous: { tags: ["a", "b"] }, next: { tags: ["b", "a"] } }, want: { changed: { tags: ["b", "a"] }, removed: [] } },
  { name: "a change deep inside", given: { previous: { x: { y: [{ z: 1 }] } }, next: { x: { y: [{ z: 2 }] } } }, want: { changed: { x: { y: [{ z: 2 }] } }, removed: [] } },
  { name: "an array and an object differ", given: { previous: { x: [] }, next: { x: {} } }, want: { changed: { x: {} }, removed: [] } },
  { name: "null is a value, not an absence", given: { previous: { x: null }, next: { y: null } }, want: { changed: { y: null }, removed: ["x"] } },
  { name: "a number and its string differ", given: { previous: { employees: "100" }, next: { employees: 100 } }, want: { changed: { employees: 100 }, removed: [] } },
  { name: "keys are compared exactly (normalize spelling first)", given: { previous: { Plan: "pro" }, next: { plan: "pro" } }, want: { changed: { plan: "pro" }, removed: ["Plan"] } },
];

describe("changedTraits", () => {
  it.each(cases)("$name", ({ given, want }) => {
    expect(changedTraits(deepFreeze(given.previous), deepFreeze(given.next))).toEqual(want);
  });

  it("keeps a __proto__ trait as data without touching Object.prototype", () => {
    const next = JSON.parse('{"__proto__":{"polluted":true}}') as Traits;
    const { changed } = changedTraits({}, next);
    expect(Object.getPrototypeOf(changed)).toBe(Object.prototype);
    expect(Object.keys(changed)).toEqual(["__proto__"]);
    expect(({} as Traits)["polluted"]).toBeUndefined();
  });

  const traits = fc.dictionary(key, jsonValue(3), { maxKeys: 6, noNullPrototype: true });

  it("reports nothing for equal traits, and previous with the changes applied is next", () => {
    fc.assert(
      fc.property(traits, traits, (previous, next) => {
        expect(changedTraits(previous, structuredClone(previous))).toEqual({ changed: {}, removed: [] });
        const { changed, removed } = changedTraits(previous, next);
        const applied = { ...previous, ...changed };
        for (const gone of removed) delete applied[gone];
        expect(deepEqual(applied, next)).toBe(true);
      }),
      { numRuns: 500, seed: 3003 },
    );
  });
});

describe("deepEqual", () => {
  it.each([
    { given: [1, 1], want: true },
    { given: [0, -0], want: true },
    { given: [1, "1"], want: false },
    { given: [null, {}], want: false },
    { given: [[], {}], want: false },
    { given: [{}, []], want: false },
    { given: [[1, [2]], [1, [2]]], want: true },
    { given: [[1, 2], [1, 2, 3]], want: false },
    { given: [{ a: 1, b: 2 }, { b: 2, a: 1 }], want: true },
    { given: [{ a: 1 }, { a: 1, b: 2 }], want: false },
    { given: [{ a: undefined }, { b: undefined }], want: false },
  ])("deepEqual($given) is $want", ({ given: [a, b], want }) => {
    expect(deepEqual(a, b)).toBe(want);
    expect(deepEqual(b, a)).toBe(want);
  });

  it("compares values nested 100,000 levels deep without overflowing the stack", () => {
    const nest = (leaf: unknown) => {
      let value = leaf;
      for (let i = 0; i < 100_000; i++) value = i % 2 === 0 ? { a: value } : [value];
      return value;
    };
    expect(deepEqual(nest(1), nest(1))).toBe(true);
    expect(deepEqual(nest(1), nest(2))).toBe(false);
  });

  it("ends on cycles", () => {
    const a: Traits = { x: 1 };
    a["self"] = a;
    const b: Traits = { x: 1 };
    b["self"] = b;
    expect(deepEqual(a, b)).toBe(true);
  });

  it("agrees with comparing canonical JSON for JSON values", () => {
    const canonical = (value: unknown): string =>
      JSON.stringify(value, (_k, v: unknown) =>
        typeof v === "object" && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v,
      );
    fc.assert(
      fc.property(jsonValue(3), jsonValue(3), (a, b) => {
        expect(deepEqual(a, b)).toBe(canonical(a) === canonical(b));
      }),
      { numRuns: 1000, seed: 3004 },
    );
  });
});
