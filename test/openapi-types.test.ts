import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// Issue 13: `import type { paths, components, operations } from "group-spec/openapi"` type-checks under the
// resolutions clients use. The fixture imports the package by its own name (a self-reference through
// package.json `exports`), as an installed package would be imported.

const ROOT = join(import.meta.dirname, "..");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");
const run = promisify(execFile);

const SETTINGS: Record<string, { file: string; flags: string[] }> = {
  "node16 (ESM)": { file: "openapi-consumer.ts", flags: ["--module", "node16", "--moduleResolution", "node16"] },
  "node16 (CommonJS)": { file: "openapi-consumer.cts", flags: ["--module", "node16", "--moduleResolution", "node16"] },
  nodenext: { file: "openapi-consumer.ts", flags: ["--module", "nodenext", "--moduleResolution", "nodenext"] },
  bundler: { file: "openapi-consumer.ts", flags: ["--module", "preserve", "--moduleResolution", "bundler"] },
};

describe("group-spec/openapi", () => {
  it.each(Object.keys(SETTINGS))("type-checks under %s resolution", async (name) => {
    const { file, flags } = SETTINGS[name]!;
    const args = [TSC, "--noEmit", "--strict", "--skipLibCheck", "--target", "es2022", ...flags, join("test", "fixtures", file)];
    const result = await run(process.execPath, args, { cwd: ROOT }).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe("");
  }, 60_000);
});
