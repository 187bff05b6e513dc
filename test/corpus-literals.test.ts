import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusLiteralsSource, LITERALS_COMMAND, LITERALS_FILE } from "./support/corpus-literals.js";

// test/corpus-bodies.test-d.ts is written from the corpus (issue 13's type tests); it must be what the corpus
// makes now, or a corpus change would go untested by the types.
describe("corpus-bodies.test-d.ts", () => {
  it(`is up to date with test/conformance/ (else run ${LITERALS_COMMAND})`, () => {
    const committed = readFileSync(LITERALS_FILE, "utf8");
    const want = corpusLiteralsSource();
    expect(committed === want).toBe(true);
    expect(committed.match(/ satisfies J\./g)?.length).toBeGreaterThan(100);
  });
});
