import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { KINDS, validate, type Kind } from "../../src/index.js";
import { bodies } from "../support/fuzz/bodies.js";
import { snapshotBuiltins } from "../support/fuzz/builtins.js";
import { CI_RUNS, CI_SEED, maxIssues } from "../support/fuzz/config.js";
import { loadOracle } from "../support/fuzz/oracle.js";
import { checkValidate } from "../support/fuzz/properties.js";
import { assertProperty } from "../support/fuzz/run-property.js";

// Issue 6: no body makes `validate` throw, pollute a prototype, mutate its input or report more than
// `maxIssues` issues, and its verdict is the oracle's (hyperjump on the generated JSON Schema, plus the
// duplicate_trait rule from the reserved-trait patterns). 10,000 bodies per kind, fixed seed, oracle on each.

beforeAll(loadOracle);

/** What the run saw, so that the test shows it covered refusals and acceptances of every origin. */
interface Seen {
  readonly origins: Record<string, number>;
  readonly accepted: number;
  readonly codes: Set<string>;
}

function run(kind: Kind): Seen {
  const snapshot = snapshotBuiltins();
  const origins: Record<string, number> = {};
  const codes = new Set<string>();
  let accepted = 0;
  assertProperty(
    fc.property(bodies(kind), maxIssues, ({ origin, body }, max) => {
      const result = checkValidate(kind, body, max, snapshot);
      origins[origin] = (origins[origin] ?? 0) + 1;
      if (result.ok) accepted++;
      else for (const issue of result.issues) codes.add(issue.code);
    }),
    { seed: CI_SEED, numRuns: CI_RUNS },
    `npx vitest run test/hardening/validate-properties.test.ts -t "bodies: ${kind} never"`,
  );
  return { origins, accepted, codes };
}

/** Codes each kind's run must have produced: the generators reach every rule the kind has. */
const MUST_SEE: Readonly<Record<Kind, readonly string[]>> = {
  // minimum: no generated body breaks it alone; the corpus (employees-negative) and test/validate.test.ts do.
  thrivestack: ["type", "required", "unknown_property", "format", "max_length", "min_items", "max_items", "duplicate_trait"],
  // Legacy minimum: the generators make no negative integer employees (a fraction is a type issue, which ends its checks).
  "thrivestack-legacy": ["type", "required", "unknown_property", "format", "max_length", "max_items", "pattern"],
  segment: ["type", "required", "identity", "format", "max_length", "max_properties", "pattern", "const", "too_deep", "duplicate_trait", "trait_name_too_long"],
  "segment-batch": ["type", "required", "identity", "format", "max_length", "min_items", "max_items", "max_properties", "too_deep", "duplicate_trait"],
};

describe.each(KINDS)("validate on generated bodies: %s", (kind) => {
  it(`never throws, pollutes, mutates or overflows maxIssues, and agrees with the oracle (${CI_RUNS} bodies)`, { timeout: 120_000 }, () => {
    const seen = run(kind);
    expect(Object.keys(seen.origins).sort()).toEqual(["at-limit", "json", "mutated", "valid"]);
    // Both verdicts in earnest numbers: a run that only ever refuses proves little about acceptance.
    expect(seen.accepted).toBeGreaterThan(CI_RUNS / 10);
    expect(CI_RUNS - seen.accepted).toBeGreaterThan(CI_RUNS / 10);
    expect(MUST_SEE[kind].filter((code) => !seen.codes.has(code))).toEqual([]);
  });
});

describe("validate with odd maxIssues", () => {
  const body = { userId: 1, groupId: 2, traits: 3, timestamp: 4, context: 5, messageId: 6 };

  it.each([0, -1, 0.5, Number.NEGATIVE_INFINITY])("maxIssues %s reports one issue", (max) => {
    const result = validate("segment", body, { maxIssues: max });
    expect(result.ok === false && result.issues.length).toBe(1);
  });

  it("maxIssues Infinity reports every issue", () => {
    const result = validate("segment", body, { maxIssues: Number.POSITIVE_INFINITY });
    expect(result.ok === false && result.issues.length).toBe(6);
  });

  // BUG (reported): Math.max(1, Math.floor(NaN)) is NaN, and issues.slice(0, NaN) is empty, so a refused body
  // comes back as { ok: false, issues: [] }. The documented floor is one issue.
  it("maxIssues NaN still reports at least one issue", () => {
    const result = validate("segment", body, { maxIssues: Number.NaN });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.issues.length).toBeGreaterThanOrEqual(1);
  });
});
