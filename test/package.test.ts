import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { publint } from "publint";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const run = promisify(execFile);

// The published package, as consumers resolve it (STYLE 15: publint and attw --pack clean).
describe("the package", () => {
  it("passes publint with no messages", async () => {
    const { messages } = await publint({ pkgDir: ROOT, strict: true });
    expect(messages).toEqual([]);
  });

  it("resolves types and code for ESM and CommonJS consumers (attw --pack, node16 and bundler)", async () => {
    const { stdout } = await run(join(ROOT, "node_modules/.bin/attw"), ["--pack", ".", "--profile", "node16", "--format", "json"], {
      cwd: ROOT,
    });
    const report = JSON.parse(stdout) as { problems: Record<string, { resolutionKind: string }[]> };
    const problems = Object.values(report.problems ?? {}).flat().filter((p) => p.resolutionKind !== "node10");
    expect(problems).toEqual([]);
  });

  it("loads from CommonJS and ESM alike", async () => {
    const code = (loader: string) =>
      `${loader}.then((m) => process.stdout.write(String(m.validate("segment", { userId: "u", groupId: "g" }).ok)))`;
    const esm = await run(process.execPath, ["--input-type=module", "-e", code('import("group-spec")')], { cwd: ROOT });
    const cjs = await run(process.execPath, ["-e", code('Promise.resolve(require("group-spec"))')], { cwd: ROOT });
    expect([esm.stdout, cjs.stdout]).toEqual(["true", "true"]);
  });

  it("loads the framework and TypeBox subpaths from CommonJS and ESM alike", async () => {
    const names = '["fetch", "createGroupHandler"], ["express", "createGroupMiddleware"], ["fastify", "createGroupPlugin"], ["typebox", "registerFormats"]';
    const code = (load: string) => `Promise.all([${names}].map(([path, name]) => ${load}.then((m) => typeof m[name]))).then((types) => process.stdout.write(types.join()))`;
    const esm = await run(process.execPath, ["--input-type=module", "-e", code('import("group-spec/" + path)')], { cwd: ROOT });
    const cjs = await run(process.execPath, ["-e", code('Promise.resolve(require("group-spec/" + path))')], { cwd: ROOT });
    expect([esm.stdout, cjs.stdout]).toEqual(Array(2).fill("function,function,function,function"));
  });
});
