import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { details as segmentBatchDetails, default as segmentBatch } from "../generated/validators/segment-batch.js";
import { details as segmentDetails, default as segment } from "../generated/validators/segment.js";
import { details as legacyDetails, default as legacy } from "../generated/validators/thrivestack-legacy.js";
import { details as thrivestackDetails, default as thrivestack } from "../generated/validators/thrivestack.js";
import { dialects } from "../schemas/registry.js";
import { KINDS, type Kind } from "../src/index.js";
import { ajvReferences, type AjvReference } from "./support/ajv-reference.js";
import { loadCorpus, type Json } from "./support/corpus.js";

// The generated validators (scripts/emit/validator-source.ts) state each rule in their own code, and must report
// exactly what Ajv reports from the same schema: the same verdict, and the same error objects in the same order,
// for the first-error validator and the all-errors one. src/issues/ is written against Ajv's errors.

type Validator = ((data: unknown) => boolean) & { errors: unknown };

const generated: Record<Kind, { first: Validator; all: Validator }> = {
  thrivestack: { first: thrivestack, all: thrivestackDetails },
  "thrivestack-legacy": { first: legacy, all: legacyDetails },
  segment: { first: segment, all: segmentDetails },
  "segment-batch": { first: segmentBatch, all: segmentBatchDetails },
};

let references: Record<Kind, AjvReference>;

beforeAll(() => {
  references = ajvReferences();
});

interface Mismatch {
  kind: Kind;
  body: string;
  variant: "first" | "all";
  want: unknown;
  got: unknown;
}

/** Runs both validators of a kind and Ajv's on `body`; returns what differs. */
function compare(kind: Kind, body: unknown): Mismatch[] {
  const out: Mismatch[] = [];
  for (const variant of ["first", "all"] as const) {
    const ours = generated[kind][variant];
    const ajv = references[kind][variant];
    // `details` runs on refused bodies only, but must agree on any body.
    const got = { valid: ours(body), errors: ours.errors };
    const want = { valid: ajv(body), errors: withoutMatchesPastMaxLength(ajv.errors ?? null) };
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      out.push({ kind, body: JSON.stringify(body).slice(0, 300), variant, want, got });
    }
  }
  return out;
}

/**
 * The one place the package departs from Ajv's error list on purpose: a string over its maxLength is not
 * also matched against its pattern or format (Ajv, with allErrors, reports those too).
 */
function withoutMatchesPastMaxLength(errors: { instancePath: string; keyword: string }[] | null) {
  if (errors === null) return null;
  const tooLong = new Set(errors.filter((e) => e.keyword === "maxLength").map((e) => e.instancePath));
  return errors.filter((e) => !((e.keyword === "pattern" || e.keyword === "format") && tooLong.has(e.instancePath)));
}

/** Values put in place of each member of a body: every JSON type, and the edge cases of the formats. */
const REPLACEMENTS: readonly Json[] = [
  null, true, 0, -1, 1.5, "", "x", "group", "identify", "2024-02-30T10:00:00Z", "2024-01-15t10:30:00z",
  "a@localhost", "https://a b.com", "::1", "1.2.3.4", "😀".repeat(200), "y".repeat(300), [], [1, "a", null], {},
  { a: { b: { c: 1 } } }, { a: { b: { c: { d: 1 } } } }, [[[[1]]]],
];

/** Keys added to each object: reserved spellings, pointer characters, long names. */
const ADDED_KEYS: readonly string[] = ["Zz_unknown", "Plan", "created_at", "CreatedAt", "a/b~c", "x".repeat(256), "😀".repeat(200)];

function* paths(value: Json, at: (string | number)[] = []): Generator<(string | number)[]> {
  if (at.length > 0) yield at;
  if (Array.isArray(value)) for (let i = 0; i < Math.min(value.length, 2); i++) yield* paths(value[i]!, [...at, i]);
  else if (value !== null && typeof value === "object") for (const key of Object.keys(value)) yield* paths(value[key]!, [...at, key]);
}

/** A copy of `body` with the member at `path` replaced (or removed when `value` is undefined). */
function edited(body: Json, path: readonly (string | number)[], value: Json | undefined): Json {
  const copy = structuredClone(body);
  let parent = copy as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value !== undefined) parent[last] = value;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}

/** The corpus bodies, the OpenAPI examples, and many near variants of each small one. */
function bodies(): [Kind, Json][] {
  const seeds: [Kind, Json][] = loadCorpus().map((c) => [c.kind, c.body]);
  for (const operation of dialects.flatMap((d) => d.operations)) {
    for (const example of Object.values(operation.examples)) seeds.push([operation.kind as Kind, example.value as Json]);
  }
  const out = [...seeds];
  for (const [kind, body] of seeds) {
    if (JSON.stringify(body).length > 20_000) continue;
    // Each member gets a third of the replacements, a different third from its neighbours.
    [...paths(body)].forEach((path, j) => {
      out.push([kind, edited(body, path, undefined)]);
      REPLACEMENTS.forEach((value, i) => (i + j) % 3 === 0 && out.push([kind, edited(body, path, value)]));
    });
    for (const path of [[], ...paths(body)]) {
      let target: Json = body;
      for (const step of path) target = (target as Record<string | number, Json>)[step]!;
      if (target === null || typeof target !== "object" || Array.isArray(target)) continue;
      for (const key of ADDED_KEYS) out.push([kind, path.length === 0 ? { ...target, [key]: 5 } : edited(body, [...path, key], 5)]);
    }
  }
  return out;
}

describe("generated validators against Ajv", () => {
  it("report Ajv's verdict and errors, first-error and all-errors, on the corpus and its near variants", () => {
    const all = bodies();
    const mismatches = all.flatMap(([kind, body]) => compare(kind, body));
    expect({ bodies: all.length > 10_000, mismatches: mismatches.slice(0, 3) }).toEqual({ bodies: true, mismatches: [] });
  });

  it.each(KINDS)("agree with Ajv on random JSON values as %s bodies", (kind) => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (body) => {
        expect(compare(kind, body)).toEqual([]);
      }),
      { seed: 20250115, numRuns: 500 },
    );
  });

  it.each(KINDS)("agree with Ajv when random JSON replaces a member of a valid %s body", (kind) => {
    const seeds = loadCorpus().filter((c) => c.kind === kind && c.valid && JSON.stringify(c.body).length < 20_000);
    const cases = seeds.flatMap((c) => [...paths(c.body)].map((path) => [c.body, path] as const));
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.jsonValue({ maxDepth: 3 }), ([body, path], value) => {
        expect(compare(kind, edited(body, path, value as Json))).toEqual([]);
      }),
      { seed: 20250116, numRuns: 2000 },
    );
  });

  it("match Ajv on objects that are not plain JSON: own __proto__ keys, undefined members", () => {
    const odd: [Kind, unknown][] = [
      ["segment", JSON.parse('{"userId":"u","groupId":"g","traits":{"__proto__":{"a":1},"plan":"p"}}')],
      ["segment", { userId: "u", groupId: "g", traits: { plan: undefined } }],
      ["segment", { userId: undefined, anonymousId: "a", groupId: "g" }],
      ["thrivestack", [{ group_id: "g", user_id: "u", traits: undefined }]],
      ["thrivestack-legacy", JSON.parse('{"group_id":"g","user_id":"u","traits":{},"timestamp":"2024-01-15T10:30:00Z","__proto__":1}')],
    ];
    expect(odd.flatMap(([kind, body]) => compare(kind, body))).toEqual([]);
  });
});
