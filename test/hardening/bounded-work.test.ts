import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, validateJson, type Kind } from "../../src/index.js";

// Issue 9: the work of validateJson is bounded by the bytes it reads and by maxIssues, on every body within
// the limits. Hostile bodies are filled up to their kind's byte limit with thousands of items that are too
// deep, of the wrong type or unknown, at every place the schemas allow them. The bound, stated as the
// README does: validateJson takes at most BOUND_MULTIPLE times JSON.parse of the same text, plus
// BOUND_CONSTANT_MS. Before the fix, a 14 KB segment body of this shape took 91 s (JSON.parse: 0.1 ms).

const BOUND_MULTIPLE = 25;
// The constant absorbs what a loaded machine adds to one run (a collection, a descheduled worker); a body whose
// work grew faster than its bytes (the 91 s body) is still far outside it.
const BOUND_CONSTANT_MS = 50;

/** Items that break a rule wherever they stand: too deep, of the wrong type. */
const FILLERS = ["[[[[]]]]", '{"a":{"b":{"c":{"d":1}}}}', "5", '"x"', "null", "true", "[5]", "{}"];

/** A JSON text of one body with `filler` repeated `n` times at one place, by kind. */
type Template = (filler: string, n: number, key: (i: number) => string) => string;

const repeat = (filler: string, n: number) => Array(n).fill(filler).join(",");
const keyed = (filler: string, n: number, key: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => `${JSON.stringify(key(i))}:${filler}`).join(",");

const MESSAGE = '"userId":"u","groupId":"g"';
const GROUP = '"group_id":"g","user_id":"u"';
const LEGACY = '"group_id":"g","user_id":"u","timestamp":"2024-01-15T10:30:00Z"';

const TEMPLATES: Record<Kind, Record<string, Template>> = {
  segment: {
    "trait array items": (f, n) => `{${MESSAGE},"traits":{"tags":[${repeat(f, n)}]}}`,
    "trait values": (f, n, k) => `{${MESSAGE},"traits":{${keyed(f, Math.min(n, 255), k)}}}`,
    "context keys": (f, n, k) => `{${MESSAGE},"context":{${keyed(f, n, k)}}}`,
    "integrations keys": (f, n, k) => `{${MESSAGE},"integrations":{${keyed(f, n, k)}}}`,
    "top-level keys": (f, n, k) => `{${MESSAGE},${keyed(f, n, k)}}`,
    "address keys": (f, n, k) => `{${MESSAGE},"traits":{"address":{${keyed(f, n, k)}}}}`,
  },
  "segment-batch": {
    messages: (f, n) => `{"batch":[${repeat(f, Math.min(n, 2500))}]}`,
    "messages with bad traits": (f, n) =>
      `{"batch":[${repeat(`{"type":"group",${MESSAGE},"traits":{"t":${f}}}`, Math.min(Math.floor(n / 8), 2500))}]}`,
    "messages without identity": (f, n) => `{"batch":[${repeat(`{"type":"track","x":${f}}`, Math.min(Math.floor(n / 4), 2500))}]}`,
    "envelope keys": (f, n, k) => `{"batch":[{"type":"track","userId":"u"}],${keyed(f, n, k)}}`,
  },
  thrivestack: {
    items: (f, n) => `[${repeat(f, Math.min(n, 1000))}]`,
    "unknown keys": (f, n, k) => `[{${GROUP},${keyed(f, Math.min(n, 2000), k)}}]`,
    "reserved trait spellings": (f, n, k) => `[{${GROUP},"traits":{${keyed(f, Math.min(n, 2000), (i) => `${k(i)}_account_name`)}}}]`,
    "context keys": (f, n, k) => `[{${GROUP},"context":{${keyed(f, Math.min(n, 2000), k)}}}]`,
  },
  "thrivestack-legacy": {
    "unknown keys": (f, n, k) => `{${LEGACY},"traits":{},${keyed(f, n, k)}}`,
    "trait values": (f, n, k) => `{${LEGACY},"traits":{${keyed(f, n, k)}}}`,
    "address keys": (f, n, k) => `{${LEGACY},"traits":{"address":{${keyed(f, n, k)}}}}`,
  },
};

/** The largest body of the template that fits the kind's limits: a single message, or the whole body. */
function filled(kind: Kind, template: Template, filler: string, key: (i: number) => string): string {
  const limit = kind === "segment" || kind === "thrivestack-legacy" ? DEFAULT_LIMITS.messageBytes : DEFAULT_LIMITS.bodyBytes;
  let n = Math.max(1, Math.floor(limit / (filler.length + 12)));
  let text = template(filler, n, key);
  while (Buffer.byteLength(text) > limit && n > 1) {
    n = Math.floor(n * 0.9);
    text = template(filler, n, key);
  }
  return text;
}

/**
 * The least of a few timings, in ms: the figure the machine's noise disturbs least. With `enough`, it stops at
 * the first timing within it (a bound already met needs no more tries; a slow one gets all five).
 */
function fastest(run: () => unknown, enough = 0): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5 && best > enough; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const keys = fc.constantFrom<(i: number) => string>((i) => `k${i}`, (i) => `Plan${"_".repeat(i % 3)}${i}`, (i) => `${"x".repeat(300)}${i}`);

describe.each(Object.keys(TEMPLATES) as Kind[])("validateJson on hostile %s bodies at the limits", (kind) => {
  it(`takes at most ${BOUND_MULTIPLE}x JSON.parse + ${BOUND_CONSTANT_MS} ms, and reports at most maxIssues issues`, () => {
    const templates = Object.entries(TEMPLATES[kind]);
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.constantFrom(...FILLERS), keys, fc.integer({ min: 1, max: 40 }), ([, template], filler, key, maxIssues) => {
        const text = filled(kind, template, filler, key);
        const parse = fastest(() => JSON.parse(text));
        let result = validateJson(kind, text, { maxIssues });
        const bound = BOUND_MULTIPLE * parse + BOUND_CONSTANT_MS;
        const validation = fastest(() => (result = validateJson(kind, text, { maxIssues })), bound);
        if (!result.ok) expect(result.issues.length).toBeLessThanOrEqual(maxIssues);
        expect(validation).toBeLessThanOrEqual(bound);
      }),
      { seed: 20261202, numRuns: 10 },
    );
  });
});

describe("the reproduction of issue 9", () => {
  it.each([400, 2000, 4600])("answers a segment trait array of %i too-deep items with 20 too_deep issues", (n) => {
    const text = `{"userId":"u","groupId":"g","traits":{"tags":[${Array(n).fill("[[[]]]").join(",")}]}}`;
    const result = validateJson("segment", text);
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(Array(20).fill("too_deep"));
    expect(fastest(() => validateJson("segment", text))).toBeLessThanOrEqual(BOUND_MULTIPLE * fastest(() => JSON.parse(text)) + BOUND_CONSTANT_MS);
  });
});
