import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as segmentBatch from "../generated/validators/segment-batch.js";
import * as segment from "../generated/validators/segment.js";
import * as legacy from "../generated/validators/thrivestack-legacy.js";
import * as thrivestack from "../generated/validators/thrivestack.js";
import { dialects } from "../schemas/registry.js";
import { KINDS, type Issue, type Kind } from "../src/index.js";
import { ajvReferences, type AjvReference } from "./support/ajv-reference.js";
import { loadCorpus, type Json } from "./support/corpus.js";
import { hasDuplicateSpellings } from "./support/duplicate-spellings.js";

// The generated validators (scripts/emit/) state each rule in their own code. Ajv, compiled from the same
// schemas, is the reference: the same verdict on every body, and for a refused body the issues and Ajv's
// all-errors list must agree as sets of (instance path, keyword): every issue stands for an error Ajv reports,
// and every error Ajv reports outside an anyOf's branches has its issue.

interface Generated {
  validate(data: unknown): boolean;
  issues(data: unknown, max: number): Issue[];
}

const generated: Record<Kind, Generated> = {
  thrivestack,
  "thrivestack-legacy": legacy,
  segment,
  "segment-batch": segmentBatch,
};

let references: Record<Kind, AjvReference>;

beforeAll(() => {
  references = ajvReferences();
});

interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** The Ajv keywords an issue code stands for. */
const KEYWORDS: Record<string, readonly string[]> = {
  required: ["required"],
  unknown_property: ["additionalProperties"],
  type: ["type", "anyOf"],
  format: ["format"],
  max_length: ["maxLength"],
  min_length: ["minLength"],
  // A pattern rule written as `not: { pattern }`, portable to Python and RE2 (schemas/primitives.ts).
  pattern: ["pattern", "not"],
  enum: ["enum"],
  const: ["const"],
  minimum: ["minimum"],
  min_items: ["minItems"],
  max_items: ["maxItems"],
  max_properties: ["maxProperties"],
  trait_name_too_long: ["not"],
  identity: ["anyOf"],
  too_deep: ["anyOf"],
};

/** Where Ajv reports the error an issue stands for: a missing or unknown member at its parent. */
function ajvPath(issue: Issue): string {
  return issue.code === "required" || issue.code === "unknown_property" ? issue.path.slice(0, issue.path.lastIndexOf("/")) : issue.path;
}

interface Mismatch {
  kind: Kind;
  body: string;
  problem: string;
}

/** Runs the generated validator of a kind and Ajv's on `body`; returns what differs. */
function compare(kind: Kind, body: unknown): Mismatch[] {
  const ours = generated[kind];
  const ajv = references[kind].all;
  const schemaValid = ajv(body);
  // The generated code also states the one rule JSON Schema cannot: two spellings of one reserved trait.
  const duplicate = hasDuplicateSpellings(kind, body);
  const valid = schemaValid && !duplicate;
  const mismatch = (problem: string): Mismatch[] => [{ kind, body: JSON.stringify(body).slice(0, 300), problem }];
  if (ours.validate(body) !== valid) return mismatch(`verdict: Ajv says ${schemaValid}, duplicate spellings ${duplicate}`);
  const all = ours.issues(body, 1000);
  if (valid) return all.length === 0 ? [] : mismatch(`issues of a valid body: ${JSON.stringify(all)}`);
  if (all.length === 0) return mismatch("no issue for a refused body");
  // (The walk may also find two spellings in the traits of a message it explains as a group message that lacks
  // its `type`, where the oracle looks at no traits.)
  if (duplicate && !all.some((i) => ["duplicate_trait", "max_items", "max_properties"].includes(i.code))) {
    return mismatch(`no duplicate_trait issue: ${JSON.stringify(all)}`);
  }
  const issues = all.filter((i) => i.code !== "duplicate_trait");
  const errors = withoutMatchesPastMaxLength((ajv.errors ?? []) as AjvError[]);
  const out: Mismatch[] = [];
  for (const issue of issues) {
    const keywords = KEYWORDS[issue.code] ?? [];
    const found = errors.some((e) => e.instancePath === ajvPath(issue) && keywords.includes(e.keyword));
    if (!found) out.push(...mismatch(`issue with no Ajv error: ${JSON.stringify(issue)}`));
  }
  if (issues.some((i) => i.code === "max_items" || i.code === "max_properties")) return out;
  for (const error of errors.filter((e) => !e.schemaPath.includes("/anyOf/"))) {
    // A wrong type ends the checks of its value: Ajv's other errors there are covered by the type issue.
    const found = issues.some((i) => ajvPath(i) === error.instancePath && (KEYWORDS[i.code] ?? []).includes(error.keyword))
      || issues.some((i) => i.code === "type" && i.path === error.instancePath)
      || (error.keyword === "anyOf" && issues.some((i) => i.path.startsWith(error.instancePath)));
    if (!found) out.push(...mismatch(`Ajv error with no issue: ${JSON.stringify(error)}`));
  }
  return out;
}

/**
 * The one place the package departs from Ajv's error list on purpose: a string over its maxLength is not
 * also matched against its pattern or format (Ajv, with allErrors, reports those too).
 */
function withoutMatchesPastMaxLength(errors: AjvError[]): AjvError[] {
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
    // Each member gets a fifth of the replacements, a different fifth from its neighbours.
    [...paths(body)].forEach((path, j) => {
      out.push([kind, edited(body, path, undefined)]);
      REPLACEMENTS.forEach((value, i) => (i + j) % 5 === 0 && out.push([kind, edited(body, path, value)]));
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
  it("reach Ajv's verdict, and issues that match its errors, on the corpus and its near variants", () => {
    const all = bodies();
    const mismatches = all.flatMap(([kind, body]) => compare(kind, body));
    expect({ bodies: all.length > 7_000, mismatches: mismatches.slice(0, 3) }).toEqual({ bodies: true, mismatches: [] });
  });

  it.each(KINDS)("agree with Ajv on random JSON values as %s bodies", (kind) => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (body) => {
        expect(compare(kind, body)).toEqual([]);
      }),
      { seed: 20250115, numRuns: 150 },
    );
  });

  it.each(KINDS)("agree with Ajv when random JSON replaces a member of a valid %s body", (kind) => {
    const seeds = loadCorpus().filter((c) => c.kind === kind && c.valid && JSON.stringify(c.body).length < 20_000);
    const cases = seeds.flatMap((c) => [...paths(c.body)].map((path) => [c.body, path] as const));
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.jsonValue({ maxDepth: 3 }), ([body, path], value) => {
        expect(compare(kind, edited(body, path, value as Json))).toEqual([]);
      }),
      { seed: 20250116, numRuns: 300 },
    );
  });

  it("match Ajv on own __proto__ keys", () => {
    const odd: [Kind, unknown][] = [
      ["segment", JSON.parse('{"userId":"u","groupId":"g","traits":{"__proto__":{"a":1},"plan":"p"}}')],
      ["thrivestack-legacy", JSON.parse('{"group_id":"g","user_id":"u","traits":{},"timestamp":"2024-01-15T10:30:00Z","__proto__":1}')],
    ];
    expect(odd.flatMap(([kind, body]) => compare(kind, body))).toEqual([]);
  });

  it("count a member whose value is undefined as absent, as JSON.stringify drops it", () => {
    const odd: [Kind, unknown][] = [
      ["segment", { userId: "u", groupId: "g", traits: { plan: undefined } }],
      ["segment", { userId: undefined, anonymousId: "a", groupId: "g" }],
      ["thrivestack", [{ group_id: "g", user_id: "u", traits: undefined }]],
      ["thrivestack", [{ group_id: "g", user_id: "u", traits: { x: { y: undefined } } }]],
    ];
    for (const [kind, body] of odd) {
      expect(generated[kind].validate(body)).toBe(references[kind].all(JSON.parse(JSON.stringify(body))));
    }
  });
});
