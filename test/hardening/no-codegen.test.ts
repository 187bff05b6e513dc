import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorResponse, successResponse, validate, validateJson } from "../../src/index.js";
import { loadCorpus } from "../support/corpus.js";
import { runNode, type Run } from "../support/run-node.js";

// Issue 6: no code generation at run time. The built package and CLI run in plain node with
// --disallow-code-generation-from-strings (vitest itself allows eval, so the check needs a child process),
// and their code calls neither eval nor Function.

const ROOT = join(import.meta.dirname, "..", "..");
const DIST = join(ROOT, "dist");
const FLAG = "--disallow-code-generation-from-strings";
const RUNNER = join(import.meta.dirname, "..", "support", "fuzz", "run-package.mjs");

interface Summary {
  readonly codeGeneration: string;
  readonly cases: readonly {
    readonly file: string;
    readonly valid: boolean;
    readonly issues: readonly { readonly path: string; readonly code: string }[];
    readonly validateJson: readonly [boolean, boolean];
    readonly status: number;
    readonly responseKeys: readonly string[];
  }[];
}

const corpus = loadCorpus();

beforeAll(() => {
  if (!existsSync(join(DIST, "index.js")) || !existsSync(join(DIST, "cli.js"))) throw new Error("dist/ is not built: run `npm run build` first.");
});

describe("the built package in node --disallow-code-generation-from-strings", () => {
  let summary: Summary;

  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [FLAG, RUNNER], { maxBuffer: 64 * 1024 * 1024 });
    summary = JSON.parse(stdout) as Summary;
  });

  it("really runs with code generation blocked", () => {
    expect(summary.codeGeneration).toBe("blocked");
  });

  it("validate gives every corpus case its verdict and issues", () => {
    expect(summary.cases.map(({ file, valid, issues }) => ({ file, valid, issues }))).toEqual(
      corpus.map(({ file, valid, issues }) => ({ file, valid, issues: issues.map(({ path, code }) => ({ path, code })) })),
    );
  });

  it("validateJson, errorResponse and successResponse answer as they do in-process", () => {
    expect(summary.cases.map(({ file, validateJson, status, responseKeys }) => ({ file, validateJson, status, responseKeys }))).toEqual(
      corpus.map(({ file, kind, body }) => {
        const result = validate(kind, body);
        const text = JSON.stringify(body);
        const response = result.ok ? successResponse(kind, result.value) : errorResponse(kind, result.issues);
        return {
          file,
          validateJson: [validateJson(kind, text).ok, validateJson(kind, new TextEncoder().encode(text)).ok],
          status: response.status,
          responseKeys: Object.keys(response.body),
        };
      }),
    );
  });
});

function cli(args: readonly string[], stdin = ""): Promise<Run> {
  return runNode([FLAG, join(DIST, "cli.js"), ...args], stdin);
}

describe("the built CLI in node --disallow-code-generation-from-strings", () => {
  let dir: string;
  const files: Record<string, string> = {};
  const pick = (file: string) => corpus.find((c) => c.file === file)!;
  const CASES = ["segment/anonymous-id-only.json", "segment/body-null.json", "thrivestack/doc-004-sample.json", "thrivestack/group-id-missing.json"];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "group-spec-no-codegen-"));
    for (const file of CASES) {
      files[file] = join(dir, file.replace("/", "-"));
      await writeFile(files[file], JSON.stringify(pick(file).body));
    }
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ["segment", ["segment/anonymous-id-only.json", "segment/body-null.json"]],
    ["thrivestack", ["thrivestack/doc-004-sample.json", "thrivestack/group-id-missing.json"]],
  ] as const)("validate --kind %s --json gives each file its verdict", async (kind, cases) => {
    const run = await cli(["validate", "--kind", kind, "--json", ...cases.map((file) => files[file]!)]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as { valid: boolean; issues: { path: string; code: string }[] });
    expect(lines.map(({ valid, issues }) => ({ valid, issues: issues.map(({ path, code }) => ({ path, code })) }))).toEqual(
      cases.map((file) => ({ valid: pick(file).valid, issues: pick(file).issues.map(({ path, code }) => ({ path, code })) })),
    );
    expect(run.stderr).toBe("1 valid, 1 invalid\n");
  });

  it("validate --ndjson reads standard input", async () => {
    const run = await cli(["validate", "--kind", "segment", "--ndjson", "--json"], '{"userId":"u","groupId":"g"}\n{"groupId":"g"}\n[\n');
    expect(run.stdout.trim().split("\n").map((line) => (JSON.parse(line) as { valid: boolean }).valid)).toEqual([true, false, false]);
    expect(run.code).toBe(1);
  });

  it("translate turns a segment body into a thrivestack one", async () => {
    const run = await cli(["translate", "--from", "segment", "--to", "thrivestack"], JSON.stringify({ userId: "u1", groupId: "acme", traits: { plan: "pro" } }));
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(validate("thrivestack", JSON.parse(run.stdout)).ok).toBe(true);
  });
});

describe("the built code calls neither eval nor Function", () => {
  const built = ["index.js", "index.cjs", "cli.js"].map((name) => join(DIST, name));

  it.each(built.map((file) => [file.slice(ROOT.length + 1), file]))("%s", (_name, file) => {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    const calls: string[] = [];
    const visit = (node: ts.Node) => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression) && ["eval", "Function"].includes(node.expression.text)) {
        calls.push(`${node.expression.text} at line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(calls).toEqual([]);
  });
});
