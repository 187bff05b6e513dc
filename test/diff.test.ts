import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { loadCases, shippedCorpusDir } from "../src/corpus/corpus.js";
import { diffSpecs, envelopeSeeds, loadSpec, type DiffResult, type DiffSeeds, type Finding } from "../src/diff/index.js";
import { Checker } from "../src/json-schema/checker.js";
import type { Json } from "../src/json-schema/json.js";
import { runNode } from "./support/run-node.js";

const ROOT = join(import.meta.dirname, "..");
const OPENAPI = join(ROOT, "generated", "openapi.json");

// OLD is generated/openapi.json; each case edits a copy of it in memory into NEW and diffs the two, as
// `group-spec diff` does (diffSpecs is its core; the CLI cases below run main() itself).
type Doc = any;
let base: Doc;
let seeds: DiffSeeds;
let dir: string;

beforeAll(async () => {
  base = JSON.parse(await readFile(OPENAPI, "utf8"));
  const cases = loadCases(shippedCorpusDir()!);
  seeds = { requests: cases.map((c) => c.body), responses: envelopeSeeds(cases) };
  dir = await mkdtemp(join(tmpdir(), "group-spec-diff-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Diffs generated/openapi.json against a copy changed by `edit`. */
async function diffWith(edit: (schemas: Doc, doc: Doc) => void, from = OPENAPI): Promise<DiffResult> {
  const next = from === OPENAPI ? structuredClone(base) : (JSON.parse(await readFile(from, "utf8")) as Doc);
  edit(next.components.schemas, next);
  const file = join(dir, `new-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(next));
  return diffSpecs(await loadSpec(from, ROOT), await loadSpec(file, ROOT), seeds);
}

/** The kept 0.1.0 document, whose reserved-trait patterns still ended in a bare `$`. */
const RELEASE_0_1_0 = join(ROOT, "releases/0.1.0/openapi.json");

/** `version` with its minor number raised (before 1.0, what a breaking change needs). */
function nextMinor(version: string): string {
  const [major, minor] = version.split(".").map(Number);
  return `${major}.${minor! + 1}.0`;
}

/** The findings without the `info` ones, as `{ slot, at, class, direction }`. */
function classes(result: DiffResult) {
  return result.findings.filter((f) => f.class !== "info").map((f) => ({ slot: f.slot, at: f.at, class: f.class }));
}

/** Re-checks a witness with both documents' validators: the report must never be a guess. */
function confirm(finding: Finding, next: Doc, previous: Doc = base): void {
  const witness = finding.witness!;
  expect(witness).toBeDefined();
  const [method, path, status] = finding.slot.split(" ");
  const pointer =
    status === "request"
      ? `/paths/${path!.replace(/\//g, "~1")}/${method!.toLowerCase()}/requestBody/content/application~1json/schema`
      : `/paths/${path!.replace(/\//g, "~1")}/${method!.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  const old = new Checker(new Map([["doc", previous]])).check("doc", pointer)(witness.body);
  const now = new Checker(new Map([["doc", next]])).check("doc", pointer)(witness.body);
  expect({ old: old.ok, new: now.ok }).toEqual(witness.direction === "narrowed" ? { old: true, new: false } : { old: false, new: true });
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  let stdout = "";
  let stderr = "";
  io.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  io.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe("group-spec diff: what the issue asks", () => {
  it("traits.plan made required: one breaking change with a witness, exit 1", async () => {
    let next: Doc;
    const result = await diffWith((s, doc) => {
      s.ThriveStackTraits.required = ["plan"];
      next = doc;
    });
    expect(result.findings.map((f) => [f.slot, f.at, f.class, f.summary])).toEqual([["POST /api/group request", "/*/traits/plan", "breaking", '"plan" now required']]);
    const witness = result.findings[0]!.witness!;
    expect(witness.edit).toMatch(/^delete \/0\/traits\/plan$/);
    expect((witness.body as any)[0].traits).not.toHaveProperty("plan");
    confirm(result.findings[0]!, next!);
    expect(result.exitCode).toBe(1);
  });

  it("an optional trait that takes what any custom trait took: exit 0, the addition reported", async () => {
    const result = await diffWith((s) => {
      s.ThriveStackTraits.properties.region = { description: "Sales region; any JSON value, like every custom trait." };
    });
    expect(result.findings.map((f) => [f.at, f.class, f.summary])).toEqual([["/*/traits/region", "info", 'property "region" added']]);
    expect(result.exitCode).toBe(0);
  });

  it("an optional trait typed narrower than a custom trait: breaking, as `region: <not a string>` was accepted", async () => {
    let next: Doc;
    const result = await diffWith((s, doc) => {
      s.ThriveStackTraits.properties.region = { type: "string", maxLength: 64 };
      next = doc;
    });
    const breaking = result.findings.filter((f) => f.class === "breaking");
    expect(breaking.map((f) => [f.at, f.keyword])).toEqual([["/*/traits/region", "type"], ["/*/traits/region", "maxLength"]]);
    for (const finding of breaking) confirm(finding, next!);
    expect(result.exitCode).toBe(1);
  });
});

describe("group-spec diff: a member no body has yet", () => {
  it("made required: breaking, with a body OLD accepts as it is (NEW refuses it for that member)", async () => {
    let next: Doc;
    const result = await diffWith((s, doc) => {
      s.ThriveStackGroup.properties.account_id = { type: "string" };
      s.ThriveStackGroup.required.push("account_id");
      next = doc;
    });
    const breaking = result.findings.filter((f) => f.class === "breaking");
    expect(breaking.map((f) => [f.at, f.summary])).toEqual([["/*/account_id", '"account_id" now required']]);
    expect(breaking[0]!.witness).toMatchObject({ edit: "none (/0/account_id is absent)", refusal: "/0: must have required property 'account_id'" });
    confirm(breaking[0]!, next!);
  });
});

describe("group-spec diff: member names", () => {
  it("a name pattern that now also takes a trailing newline: breaking, as a custom trait `plan\\n` becomes the reserved plan", async () => {
    let next: Doc;
    const result = await diffWith((s, doc) => {
      const patterns = s.ThriveStackTraits.patternProperties;
      const [first] = Object.keys(patterns);
      const rewritten = Object.fromEntries(Object.entries(patterns).map(([key, value]) => [key === first ? key.replace(/\$$/, "\\n*$") : key, value]));
      s.ThriveStackTraits.patternProperties = rewritten;
      next = doc;
    }, RELEASE_0_1_0);
    const breaking = result.findings.filter((f) => f.class === "breaking");
    // The pattern left and the pattern come are two changes; each is confirmed by a near-miss name.
    expect(breaking.map((f) => f.summary)).toEqual([
      expect.stringMatching(/^patternProperties no longer has \/\^\(\?:\[Aa\]\[Cc\].*\)\$\/$/),
      expect.stringMatching(/^patternProperties now has \/\^\(\?:\[Aa\]\[Cc\].*\\n\*\$\/$/),
    ]);
    const release = JSON.parse(await readFile(RELEASE_0_1_0, "utf8")) as Doc;
    for (const finding of breaking) {
      expect(finding.witness!.edit).toMatch(/^set \/0\/traits\/[a-z_]+\\u000a to /);
      confirm(finding, next!, release);
    }
    expect(result.exitCode).toBe(1);
  });
});

describe("group-spec diff: kinds of change", () => {
  // given: edits of the document, made together (each in its own place, so their witnesses stay apart: a
  // witness is one edit of a body both sides accept); want: each finding's slot, place and class. Two NEW
  // documents, so that the whole table costs two diffs. The legacy 200 response echoes the body in `data`, so a
  // legacy request change shows there too, the other way round.
  const groups: { name: string; edits: ((s: Doc) => void)[]; want: { slot: string; at: string; class: string }[] }[] = [
    {
      name: "narrowing edits",
      edits: [
        // type narrowed
        (s) => (s.SegmentTraits.properties.revenue.type = "integer"),
        // enum value removed
        (s) => (s.ThriveStackContext.properties.source.enum = ["product"]),
        // maxLength lowered
        (s) => (s.ThriveStackGroup.properties.group_id.maxLength = 64),
        // pattern changed to a narrower one
        (s) => (s.LegacyTraits.properties.employees.anyOf[1].pattern = "^[0-9]{1,6}$"),
        // required added
        (s) => s.SegmentBatchRequest.required.push("sentAt"),
        // property removed from a closed object
        (s) => delete s.ThriveStackGroup.properties.timestamp,
      ],
      want: [
        { slot: "POST /api/group request", at: "/*/group_id", class: "breaking" },
        { slot: "POST /api/group request", at: "/*/timestamp", class: "breaking" },
        { slot: "POST /api/group request", at: "/*/context/source", class: "breaking" },
        { slot: "POST /legacy/api/group request", at: "/traits/employees", class: "breaking" },
        { slot: "POST /legacy/api/group 200 response", at: "/data/traits/employees", class: "compatible" },
        { slot: "POST /v1/group request", at: "/traits/revenue", class: "breaking" },
        { slot: "POST /v1/batch request", at: "/batch/*/traits/revenue", class: "breaking" },
        { slot: "POST /v1/batch request", at: "/sentAt", class: "breaking" },
      ],
    },
    {
      name: "widening edits",
      edits: [
        // type widened
        (s) => (s.ThriveStackGroup.properties.group_id.type = ["string", "number"]),
        // enum value added
        (s) => s.ThriveStackContext.properties.source.enum.push("sales"),
        // maxLength raised
        (s) => (s.ThriveStackGroup.properties.user_id.maxLength = 512),
        // pattern rewritten to an equal one: no witness
        (s) => (s.LegacyTraits.properties.employees.anyOf[1].pattern = "^[0-9][0-9]*$"),
        // required removed
        (s) => (s.LegacyGroupRequest.required = ["group_id", "user_id", "traits"]),
        // property added to a closed object
        (s) => (s.ThriveStackGroup.properties.source = { type: "string" }),
        // a response that may hold more: a new error code
        (s) => s.SegmentError.properties.error.properties.type.enum.push("quota_error"),
      ],
      want: [
        { slot: "POST /api/group request", at: "/*/group_id", class: "compatible" },
        { slot: "POST /api/group request", at: "/*/user_id", class: "compatible" },
        { slot: "POST /api/group request", at: "/*/source", class: "compatible" },
        { slot: "POST /api/group request", at: "/*/context/source", class: "compatible" },
        { slot: "POST /legacy/api/group request", at: "/timestamp", class: "compatible" },
        { slot: "POST /legacy/api/group request", at: "/traits/employees", class: "unconfirmed" },
        { slot: "POST /legacy/api/group 200 response", at: "/data/timestamp", class: "breaking" },
        { slot: "POST /legacy/api/group 200 response", at: "/data/traits/employees", class: "unconfirmed" },
        ...["/v1/group", "/v1/batch"].flatMap((path) =>
          ["400", "401", "413", "415", "429", "500"].map((status) => ({ slot: `POST ${path} ${status} response`, at: "/error/type", class: "breaking" })),
        ),
      ],
    },
  ];

  it.each(groups.map((g) => [g.name, g] as const))("%s", async (_name, g) => {
    let next: Doc;
    const result = await diffWith((s, doc) => {
      for (const edit of g.edits) edit(s);
      next = doc;
    });
    const key = (f: { slot: string; at: string; class: string }) => `${f.slot} ${f.at} ${f.class}`;
    expect(classes(result).map(key).sort()).toEqual(g.want.map(key).sort());
    for (const finding of result.findings.filter((f) => f.class === "breaking" || f.class === "compatible")) confirm(finding, next!);
    expect(result.exitCode).toBe(1);
  });

  it("a breaking change with the minor version raised before 1.0 exits 0, and is still reported", async () => {
    const result = await diffWith((s, doc) => {
      s.ThriveStackTraits.required = ["plan"];
      doc.info.version = nextMinor(base.info.version);
    });
    expect([result.counts.breaking, result.versionAllowsBreaking, result.exitCode]).toEqual([1, true, 0]);
  });
});

describe("group-spec diff on hostile documents", () => {
  it("a broken pattern, a $ref to nowhere, a $ref cycle and 200 nested schemas: reported, never thrown", async () => {
    let deep: Doc = { type: "string" };
    for (let i = 0; i < 200; i++) deep = { type: "object", properties: { a: deep } };
    const result = await diffWith((s) => {
      s.ThriveStackGroup.properties.group_id.pattern = "(";
      s.ThriveStackGroup.properties.user_id = { $ref: "#/components/schemas/Nowhere" };
      s.SegmentTraits.properties.plan = { $ref: "#/components/schemas/Loop" };
      s.Loop = { $ref: "#/components/schemas/Loop" };
      s.ThriveStackTraits.properties.deep = deep;
    });
    // No validator compiles: the broken pattern and the deep schema are in /api/group's, the $ref loop in segment's.
    expect(result.counts).toEqual({ breaking: 0, compatible: 0, unconfirmed: expect.any(Number), info: expect.any(Number) });
    expect(result.counts.unconfirmed).toBeGreaterThan(0);
    expect(result.findings.some((f) => f.note.startsWith("could not confirm: a schema of POST /api/group request cannot be compiled"))).toBe(true);
    expect(result.findings.some((f) => f.summary.startsWith("nested deeper than 128 schemas"))).toBe(true);
    expect(result.findings.filter((f) => f.summary === "a $ref in NEW leads nowhere").map((f) => f.at)).toEqual(["/*/user_id", "/traits/plan", "/batch/*/traits/plan"]);
  });
});

describe("group-spec diff on the command line", () => {
  it("the kept release against generated/: exit 0 (what .ci/run runs), its breaking changes the 0.2.0 ones (CHANGELOG.md)", async () => {
    const out = await run(["diff", RELEASE_0_1_0, OPENAPI, "--format", "json"]);
    expect([out.code, out.stderr]).toEqual([0, ""]);
    const report = JSON.parse(out.stdout) as DiffResult;
    expect(report.versionAllowsBreaking).toBe(true);
    // Each breaking change is a reserved-trait key pattern that now takes trailing line feeds.
    const breaking = report.findings.filter((f) => f.class === "breaking");
    expect(breaking.length).toBeGreaterThan(0);
    for (const finding of breaking) expect(finding.witness!.edit).toMatch(/\\u000a/);
  });

  it("prints json and github formats, and exits 1 on a breaking change", async () => {
    const next = structuredClone(base);
    next.components.schemas.ThriveStackTraits.required = ["plan"];
    const file = join(dir, "plan-required.json");
    await writeFile(file, JSON.stringify(next));
    const json = await run(["diff", OPENAPI, file, "--format", "json"]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as DiffResult;
    expect(report.counts).toEqual({ breaking: 1, compatible: 0, unconfirmed: 0, info: 0 });
    const github = await run(["diff", OPENAPI, file, "--format", "github"]);
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error title=breaking%3A POST \/api\/group request \/\*\/traits\/plan::"plan" now required: breaking for senders/m);
  });

  it("reads JSON Schema folders: a lowered maxLength in one file is breaking", async () => {
    const folder = join(dir, "json-schema");
    await cp(join(ROOT, "generated", "json-schema"), folder, { recursive: true });
    const file = join(folder, "segment-group.json");
    const schema = JSON.parse(await readFile(file, "utf8"));
    schema.$defs.SegmentTraits.properties.plan.maxLength = 10;
    await writeFile(file, JSON.stringify(schema));
    const out = await run(["diff", join(ROOT, "generated", "json-schema"), folder, "--format", "json"]);
    const report = JSON.parse(out.stdout) as DiffResult;
    expect(report.findings.map((f) => [f.slot, f.at, f.class])).toEqual([["segment-group.json", "/traits/plan", "breaking"]]);
    expect(out.code).toBe(1);
  });

  it("reads a git ref (REF:generated/openapi.json of this checkout)", async () => {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const out = await run(["diff", head, OPENAPI, "--format", "json"]);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).old).toEqual({ source: head, version: base.info.version });
  });

  it("exits 2 on a usage or read error", async () => {
    expect((await run(["diff", OPENAPI])).code).toBe(2);
    expect((await run(["diff", OPENAPI, OPENAPI, "--format", "xml"])).code).toBe(2);
    const missing = await run(["diff", "no-such-ref-or-file", OPENAPI]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("no-such-ref-or-file: not a file, folder or git ref")]);
    expect((await run(["diff", "--upload-pack=x", OPENAPI])).code).toBe(2);
  });
});

describe("the built package", () => {
  it("the built bin exits 1 on a breaking change, from another folder (it finds its corpus itself)", async () => {
    const next = structuredClone(base);
    next.components.schemas.ThriveStackTraits.required = ["plan"];
    await writeFile(join(dir, "bin-plan-required.json"), JSON.stringify(next));
    const out = await runNode([join(ROOT, "dist", "cli.js"), "diff", OPENAPI, "bin-plan-required.json"], "", dir);
    expect([out.code, out.stderr]).toEqual([1, ""]);
    expect(out.stdout).toContain("witness (OLD accepts, NEW refuses; edit: delete /0/traits/plan;");
  });

  it("loads Ajv only in the CLI: no library entry point reaches it through its imports", () => {
    const entries = ["index", "thrivestack", "thrivestack-legacy", "segment", "segment-batch"].flatMap((name) => [`${name}.js`, `${name}.cjs`]);
    const library = reachable(entries);
    expect(library.length).toBeGreaterThan(entries.length);
    expect(library.filter(importsAjv)).toEqual([]);
    // The same look finds it from the CLI, so it would see it from an entry point.
    expect(reachable(["cli.js"]).filter(importsAjv).length).toBeGreaterThan(0);
  });
});

/** The files of dist/ that `files` reach through relative imports, requires and dynamic imports. */
function reachable(files: string[]): string[] {
  const reached = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    const text = readFileSync(join(ROOT, "dist", file), "utf8");
    for (const match of text.matchAll(/(?:from\s*|import\(\s*|require\(\s*)["']\.\/([^"']+)["']/g)) visit(match[1]!);
  };
  files.forEach(visit);
  return [...reached];
}

function importsAjv(file: string): boolean {
  return /["']ajv(?:-formats)?(?:\/[^"']*)?["']/.test(readFileSync(join(ROOT, "dist", file), "utf8"));
}
