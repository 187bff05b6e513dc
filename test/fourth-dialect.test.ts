import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNode } from "./support/run-node.js";

// ARCHITECTURE.md: adding a dialect is one schema file and one registry line. In a scratch copy of the
// sources, test/fixtures/mini-dialect.ts goes into schemas/dialects/ with one line in schemas/registry.ts;
// after `npm run generate` there, validate, the envelopes, normalize, the server route and the CLI all
// serve the new kind, with no change to src/.

const ROOT = join(import.meta.dirname, "..");
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "group-spec-dialect-"));
  for (const entry of ["schemas", "scripts", "src", "package.json", "tsconfig.json"]) {
    await cp(join(ROOT, entry), join(scratch, entry), { recursive: true });
  }
  await mkdir(join(scratch, "generated"));
  await symlink(join(ROOT, "node_modules"), join(scratch, "node_modules"), "dir");
  // The fixture imports the definitions as a test does; in schemas/dialects/ they are one folder up.
  const fixture = await readFile(join(import.meta.dirname, "fixtures", "mini-dialect.ts"), "utf8");
  await writeFile(join(scratch, "schemas", "dialects", "mini.ts"), fixture.replaceAll('from "../../schemas/', 'from "../'));
  const registry = join(scratch, "schemas", "registry.ts");
  const text = await readFile(registry, "utf8");
  // The one registry line: the import and the list entry.
  await writeFile(registry, text.replace(/\[([^\]]*)\];/, '[$1, mini];').concat('import { mini } from "./dialects/mini.js";\n'));
  const generated = await runNode([TSX, "scripts/generate.ts"], "", scratch);
  if (generated.code !== 0) throw new Error(`generate failed: ${generated.stderr}`);
}, 180_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const USE = `
import { validate, errorResponse, successResponse, normalize, KINDS } from "./src/index.ts";
import { startServer } from "./src/server/index.ts";
const out = {};
out.kinds = KINDS;
out.valid = validate("mini", { team: "t", member: "m", traits: { Plan: "pro" } });
out.invalid = validate("mini", { team: "t", traits: { plan: 5 }, x: 1 });
out.error = errorResponse("mini", [{ path: "", code: "required", message: "m" }]).body;
out.success = successResponse("mini", { team: "t", member: "m" }).body;
out.normalized = normalize("mini", { team: "t", member: "m", traits: { PLAN: "p" } });
const server = await startServer({ apiKeys: ["k1"], port: 0 });
const post = (body, key) => fetch(server.url + "/mini/join", { method: "POST", headers: { "content-type": "application/json", ...(key ? { "x-mini-key": key } : {}) }, body: JSON.stringify(body) })
  .then(async (r) => ({ status: r.status, body: await r.json() }));
out.accepted = await post({ team: "t", member: "m" }, "k1");
out.refused = await post({ team: "t" }, "k1");
out.unauthorized = await post({ team: "t", member: "m" });
await server.close();
process.stdout.write(JSON.stringify(out));
`;

describe("a fourth dialect added as one schema file and one registry line", () => {
  it("is validated, answered in its envelopes, normalized and served at its route", async () => {
    await writeFile(join(scratch, "use.ts"), USE);
    const run = await runNode([TSX, "use.ts"], "", scratch);
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout);
    expect(out.kinds).toContain("mini");
    expect(out.valid.ok).toBe(true);
    expect(out.invalid.issues.map((i: { path: string; code: string }) => `${i.path} ${i.code}`)).toEqual([
      "/member required",
      "/traits/plan type",
      "/x unknown_property",
    ]);
    expect(out.error).toEqual({ ok: false, why: "bad", text: "m", issues: [{ path: "", code: "required", message: "m" }] });
    expect(out.success).toEqual({ ok: true });
    expect(out.normalized).toEqual({ team: "t", member: "m", traits: { plan: "p" } });
    expect(out.accepted).toEqual({ status: 200, body: { ok: true } });
    expect(out.refused.status).toBe(400);
    expect(out.refused.body.why).toBe("bad");
    expect(out.unauthorized.status).toBe(401);
    expect(out.unauthorized.body.why).toBe("who");
  }, 60_000);

  it("is checked by the CLI", async () => {
    await writeFile(join(scratch, "good.json"), JSON.stringify({ team: "t", member: "m" }));
    await writeFile(join(scratch, "bad.json"), JSON.stringify({ team: "t" }));
    const good = await runNode([TSX, "src/cli.ts", "validate", "--kind", "mini", "good.json"], "", scratch);
    const bad = await runNode([TSX, "src/cli.ts", "validate", "--kind", "mini", "--format", "json", "bad.json"], "", scratch);
    expect(good.code).toBe(0);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('"code":"required"');
  }, 60_000);
});
