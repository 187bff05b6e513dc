import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { dialects } from "../schemas/registry.js";
import { KINDS, validate, type Kind } from "../src/index.js";
import { loadCorpus, type ExpectedIssue } from "./support/corpus.js";

// The corpus in test/conformance/ is data that any implementation can run: a body, its kind, the verdict and
// the issues as {path, code} pairs. Here the package's own `validate` runs it.

const corpus = loadCorpus();

/** Issues in a canonical order: no rule orders them, so the corpus compares them as a set of {path, code} pairs. */
function sorted(issues: readonly ExpectedIssue[]): ExpectedIssue[] {
  const key = (issue: ExpectedIssue) => `${issue.path}\u0000${issue.code}`;
  return [...issues].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe.each(KINDS)("conformance: %s", (kind) => {
  const cases = corpus.filter((c) => c.kind === kind);

  it.each(cases.map((c) => [c.slug, c] as const))("%s", (_slug, c) => {
    const result = validate(c.kind, c.body);
    const got = result.ok ? [] : result.issues.map(({ path, code }) => ({ path, code }));
    expect({ valid: result.ok, issues: sorted(got) }).toEqual({ valid: c.valid, issues: sorted(c.issues) });
  });
});

describe("the corpus", () => {
  it("has at least 45 valid and 70 invalid cases, covering every kind both ways", () => {
    expect(corpus.filter((c) => c.valid).length).toBeGreaterThanOrEqual(45);
    expect(corpus.filter((c) => !c.valid).length).toBeGreaterThanOrEqual(70);
    for (const kind of KINDS) {
      expect({ kind, valid: corpus.some((c) => c.kind === kind && c.valid) }).toEqual({ kind, valid: true });
      expect({ kind, invalid: corpus.some((c) => c.kind === kind && !c.valid) }).toEqual({ kind, invalid: true });
    }
  });

  const examples = dialects.flatMap((dialect) =>
    dialect.operations.flatMap((operation) =>
      Object.entries(operation.examples).map(([name, example]) => [`${operation.kind} ${name}`, operation.kind as Kind, example.value] as const),
    ),
  );

  it("has OpenAPI examples to check", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)("holds the OpenAPI example %s as a valid case", (_name, kind, value) => {
    expect(validate(kind, value)).toEqual({ ok: true, value });
    const holders = corpus.filter((c) => c.kind === kind && isDeepStrictEqual(c.body, value)).map((c) => ({ file: c.file, valid: c.valid }));
    expect(holders.length).toBeGreaterThan(0);
    expect(holders.filter((h) => !h.valid)).toEqual([]);
  });
});
