import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchema } from "./support/compile-schema.js";

// The official JSON-Schema-Test-Suite, draft 2020-12 (vendored in test/json-schema-test-suite/, MIT; SOURCE
// names the commit), run through the package's validator compiler (scripts/emit/). Every group whose keywords
// the compiler supports must pass; every other group must be refused when the validator is generated, with an
// error that names what is unsupported. The misses below are deliberate, each with its reason.

const DIR = join(import.meta.dirname, "json-schema-test-suite");

interface Group {
  readonly description: string;
  readonly schema: unknown;
  readonly tests: readonly { readonly description: string; readonly data: unknown; readonly valid: boolean }[];
}

/** `file | group | test` of each expected miss, and why. */
const EXPECTED_MISSES: Readonly<Record<string, string>> = Object.fromEntries([
  ...["email", "ipv4", "ipv6", "hostname", "date-time", "uri"].map((format) => [
    `format.json | ${format} format | invalid ${format} string is only an annotation by default`,
    "The package asserts every format it supports (the Group call needs real dates and addresses); 2020-12 makes format an annotation unless the format-assertion vocabulary is on.",
  ]),
  [
    "vocabulary.json | schema that uses custom metaschema with with no validation vocabulary | no validation: invalid number, but it still validates",
    "Custom metaschemas and $vocabulary are not read: every schema is validated with the 2020-12 vocabularies.",
  ],
]);

/** What the compiler says when it refuses a schema: a clear message naming the unsupported part. */
const REFUSAL = /^(Unsupported (keyword|type|reference|const\/enum value)|No checker for format|Unknown reference)/;

const files = readdirSync(DIR).filter((file) => file.endsWith(".json")).sort();

describe("JSON-Schema-Test-Suite, draft 2020-12", () => {
  const misses: string[] = [];
  let supported = 0;
  let passed = 0;

  it.each(files)("%s: passes every supported group, refuses the others at generation", (file) => {
    const groups = JSON.parse(readFileSync(join(DIR, file), "utf8")) as Group[];
    for (const group of groups) {
      let compiled: ReturnType<typeof compileSchema>;
      try {
        compiled = compileSchema(group.schema);
      } catch (error) {
        expect((error as Error).message, `${file} | ${group.description}`).toMatch(REFUSAL);
        continue;
      }
      supported++;
      for (const test of group.tests) {
        const valid = compiled.validate(test.data);
        const issues = compiled.issues(test.data, 5);
        const key = `${file} | ${group.description} | ${test.description}`;
        if (valid === test.valid && (issues.length === 0) === valid) passed++;
        else misses.push(key);
      }
    }
  });

  it("misses only the listed cases, each for its reason", () => {
    expect(misses.sort()).toEqual(Object.keys(EXPECTED_MISSES).sort());
    expect(supported).toBeGreaterThanOrEqual(120);
    expect(passed).toBeGreaterThanOrEqual(440);
  });
});
