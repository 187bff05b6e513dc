import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Both cores: most files are CPU-bound, and the ones that wait on child processes or sockets overlap.
    maxWorkers: 2,
    // Files share a worker's module cache: importing the package and its generated validators once per worker,
    // not once per file, saves a third of the run. Every file leaves globals as it found them (fail-on-console,
    // the prototype snapshots of test/hardening check it).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The type tests, with what they import; the whole project is type-checked by `npm run typecheck` (.ci/run).
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.type-tests.json" },
    setupFiles: ["test/support/fail-on-console.ts"],
    // In CI a JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: process.env["CI"] ? ["default", "json"] : ["default"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
