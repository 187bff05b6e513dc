import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { main } from "../src/cli/main.js";
import { runNode, type Run } from "./support/run-node.js";

const CLI = join(import.meta.dirname, "..", "dist", "cli.js");

/**
 * Runs the CLI's `main` with its own standard streams, in this process: the code `group-spec` runs, without a
 * node start per case. With a `cwd` (globs, relative names, `check`), the built CLI runs as a child process
 * in that folder, as a user's shell would run it; "the built bin" below runs it that way too.
 */
async function run(args: string[], stdin = "", cwd?: string): Promise<Run> {
  if (cwd !== undefined) return runNode([CLI, ...args], stdin, cwd);
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  const collect = (stream: PassThrough) => {
    let text = "";
    stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
    return () => text;
  };
  const stdout = collect(io.stdout);
  const stderr = collect(io.stderr);
  io.stdin.end(stdin);
  const code = await main(args, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

let dir: string;
let valid: string;
let invalid: string;
let notJson: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "group-spec-cli-"));
  valid = join(dir, "valid.json");
  invalid = join(dir, "invalid.json");
  notJson = join(dir, "not-json.json");
  await writeFile(valid, JSON.stringify({ userId: "u1", groupId: "acme" }));
  await writeFile(invalid, JSON.stringify({ groupId: "acme" }));
  await writeFile(notJson, "{ nope");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("group-spec validate", () => {
  it("exits 0 and says valid for a valid file", async () => {
    expect(await run(["validate", "--kind", "segment", valid])).toEqual({
      code: 0,
      stdout: `${valid}: valid\n1 valid, 0 invalid\n`,
      stderr: "",
    });
  });

  it("exits 1 and lists the issues for an invalid file", async () => {
    const result = await run(["validate", "--kind", "segment", valid, invalid]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `${valid}: valid\n${invalid}: invalid\n  /  identity  Either \`userId\` or \`anonymousId\` is required.\n1 valid, 1 invalid\n`,
    );
  });

  it("prints one JSON line per body with --json, naming files as given", async () => {
    const result = await run(["validate", "--kind", "segment", "--json", "valid.json", "invalid.json", "not-json.json"], "", dir);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { file: "valid.json", valid: true, issues: [] },
      { file: "invalid.json", valid: false, issues: [{ path: "", code: "identity", message: expect.any(String) }] },
      { file: "not-json.json", valid: false, issues: [{ path: "", code: "invalid_json", message: expect.stringContaining("line 1, column 3") }] },
    ]);
    expect(result.stderr).toBe("1 valid, 2 invalid\n");
  });

  it("reads standard input when no file is given", async () => {
    const result = await run(["validate", "--kind", "thrivestack", "--json"], JSON.stringify([{ group_id: "a" }]));
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout.split("\n")[0]!)).toEqual({
      file: "-",
      valid: false,
      issues: [{ path: "/0/user_id", code: "required", message: "Missing required field `user_id`." }],
    });
  });

  it("exits 2 on a file it cannot read", async () => {
    const result = await run(["validate", "--kind", "segment", join(dir, "missing.json")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Cannot read");
  });

  it.each([
    [["validate", "--kind", "mixpanel", "x.json"], 'Unknown kind "mixpanel"'],
    [["validate", "x.json"], "--kind is required"],
    [["validate", "--kind", "segment", "--colour"], "Unknown option '--colour'"],
    [["frobnicate"], 'Unknown command "frobnicate"'],
    [["constructor"], 'Unknown command "constructor"'],
    [["toString"], 'Unknown command "toString"'],
    [["validate", "--kind", "segment", "--format", "xml"], 'Unknown format "xml"'],
    [["validate", "--kind", "segment", "--max-issues", "0"], "--max-issues takes a whole number"],
    [["validate", "--kind", "segment", "no-such-dir/*.json"], "No file matches"],
  ])("exits 2 with a hint on a usage error: %j", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    if (!message.startsWith("No file")) expect(result.stderr).toMatch(/See `group-spec( validate)? --help`/);
  });

  it("streams NDJSON: one verdict per non-empty line, with its line number", async () => {
    const lines = [JSON.stringify({ userId: "u1", groupId: "a" }), "", JSON.stringify({ groupId: "b" }), "{oops", `{"userId":"u","groupId":"g","traits":{"a":"${"x".repeat(600_000)}"}}`];
    const result = await run(["validate", "--kind", "segment", "--ndjson", "--json"], `${lines.join("\n")}\n`);
    expect(result.code).toBe(1);
    const verdicts = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { line: number; valid: boolean; issues: { code: string }[] });
    expect(verdicts.map((v) => [v.line, v.valid, v.issues.map((i) => i.code)])).toEqual([
      [1, true, []],
      [3, false, ["identity"]],
      [4, false, ["invalid_json"]],
      [5, false, ["too_large"]],
    ]);
    expect(result.stderr).toBe("1 valid, 3 invalid\n");
  });

  it("expands a quoted glob to the files it matches, sorted", async () => {
    const result = await run(["validate", "--kind", "segment", "--json", "*.json"], "", dir);
    const files = result.stdout.trim().split("\n").map((line) => (JSON.parse(line) as { file: string }).file);
    expect(files).toEqual(["invalid.json", "not-json.json", "valid.json"]);
  });

  it("writes GitHub Actions annotations with --format github", async () => {
    const result = await run(["validate", "--kind", "segment", "--format", "github", "invalid.json"], "", dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      "::error file=invalid.json,line=1,title=identity at /::Either `userId` or `anonymousId` is required.\n0 valid, 1 invalid\n",
    );
  });

  it("caps the issues per body with --max-issues", async () => {
    const body = JSON.stringify({ batch: [{ type: "group" }, { type: "group" }, { type: "group" }] });
    const all = await run(["validate", "--kind", "segment-batch", "--json"], body);
    const capped = await run(["validate", "--kind", "segment-batch", "--json", "--max-issues", "2"], body);
    expect((JSON.parse(all.stdout.split("\n")[0]!) as { issues: unknown[] }).issues.length).toBeGreaterThan(2);
    expect((JSON.parse(capped.stdout.split("\n")[0]!) as { issues: unknown[] }).issues).toHaveLength(2);
  });

  it("prints help for the program and for each command", async () => {
    const main = await run(["--help"]);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain("validate");
    const validate = await run(["validate", "--help"]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain("--kind <kind>");
  });
});

describe("group-spec translate", () => {
  it("prints the body in the target dialect", async () => {
    const message = { type: "group", userId: "u1", groupId: "acme", traits: { name: "Acme", created_at: "2024-01-15T10:30:00Z" } };
    const result = await run(["translate", "--from", "segment", "--to", "thrivestack"], JSON.stringify(message));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { group_id: "acme", user_id: "u1", traits: { account_name: "Acme", created_at: "2024-01-15T10:30:00Z" } },
    ]);
  });

  it("exits 1 with the issues when the body is invalid or not covered", async () => {
    const invalid = await run(["translate", "--from", "segment", "--to", "thrivestack"], JSON.stringify({ groupId: "acme" }));
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("identity");
    const two = JSON.stringify([{ group_id: "a", user_id: "u" }, { group_id: "b", user_id: "u" }]);
    const uncovered = await run(["translate", "--from", "thrivestack", "--to", "segment"], two);
    expect(uncovered.code).toBe(1);
    expect(uncovered.stderr).toContain("segment-batch");
  });

  it("exits 2 on a pair it does not translate", async () => {
    const result = await run(["translate", "--from", "segment", "--to", "thrivestack-legacy"], "{}");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("No translation from segment to thrivestack-legacy");
  });
});

describe("group-spec check", () => {
  // The drift check itself (a generation compared with generated/) is test/generate.test.ts's "matches what is
  // committed"; here, that the command finds the checkout around the current folder and runs its
  // scripts/check.ts, passing on what it prints and its exit status, without a second ~7 s generation.
  it("runs the scripts/check.ts of the checkout it is in, with its output and exit status", async () => {
    const checkout = await mkdtemp(join(tmpdir(), "group-spec-checkout-"));
    try {
      await mkdir(join(checkout, "schemas"));
      await mkdir(join(checkout, "scripts"));
      await mkdir(join(checkout, "deep", "inside"), { recursive: true });
      await symlink(join(import.meta.dirname, "..", "node_modules"), join(checkout, "node_modules"), "dir");
      await writeFile(join(checkout, "scripts", "check.ts"), 'process.stdout.write("generated/ differs: a.json\\n");\nprocess.exit(1);\n');
      const result = await run(["check"], "", join(checkout, "deep", "inside"));
      expect(result).toEqual(expect.objectContaining({ code: 1, stdout: "generated/ differs: a.json\n" }));
    } finally {
      await rm(checkout, { recursive: true, force: true });
    }
  });

  it("exits 2 outside a checkout", async () => {
    const result = await run(["check"], "", tmpdir());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("not in a group-spec checkout");
  });
});

describe("the built bin", () => {
  it.each([
    [["validate", "--kind", "segment"], JSON.stringify({ userId: "u1", groupId: "acme" }), 0],
    [["validate", "--kind", "segment"], JSON.stringify({ groupId: "acme" }), 1],
    [["validate", "--kind", "mixpanel"], "", 2],
  ])("node dist/cli.js %j exits %i", async (args, stdin, code) => {
    expect((await runNode([CLI, ...args], stdin)).code).toBe(code);
  });
});
