import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { dialects } from "../schemas/registry.js";

const SCRIPT = join(import.meta.dirname, "support", "run-validators.mjs");

// vitest defines `require` and allows eval; a plain node process with code generation disallowed does not.
describe("generated validators in plain node with --disallow-code-generation-from-strings", () => {
  it("load from ESM and CommonJS and give the right verdicts", async () => {
    const bodies: Record<string, unknown[]> = {};
    const want: Record<string, boolean[][]> = {};
    for (const operation of dialects.flatMap((d) => d.operations)) {
      const valid = Object.values(operation.examples).map((e) => e.value);
      bodies[operation.kind] = [...valid, {}, []];
      want[operation.kind] = [...valid.map(() => [true, true]), [false, false], [false, false]];
    }
    const { stdout } = await promisify(execFile)(process.execPath, [
      "--disallow-code-generation-from-strings",
      SCRIPT,
      JSON.stringify(bodies),
    ]);
    expect(JSON.parse(stdout)).toEqual(want);
  });
});
