import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { pieces } from "../src/cli/ndjson/pieces.js";
import type { NdjsonTuning } from "../src/cli/ndjson/validate-ndjson.js";
import { ReadError } from "../src/cli/read-error.js";
import { validateCommand } from "../src/cli/validate-command.js";
import { runNode, type Run } from "./support/run-node.js";

const CLI = join(import.meta.dirname, "..", "dist", "cli.js");
const FIXTURES = join(import.meta.dirname, "fixtures", "ndjson-workers");
// The built worker (npm test builds first): the same code as src/cli/ndjson/worker.ts, without tsx compiling
// its imports again in every worker of every case. One case below runs the workers from source.
const BUILT = { worker: { url: pathToFileURL(join(import.meta.dirname, "..", "dist", "ndjson-worker.js")) } };

/** `validate` in this process, with its own streams; `tuning` forces small pieces or another worker. */
async function run(args: string[], stdin = "", tuning?: NdjsonTuning): Promise<Run> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  const collect = (stream: PassThrough) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    return () => Buffer.concat(chunks).toString();
  };
  const stdout = collect(io.stdout);
  const stderr = collect(io.stderr);
  io.stdin.end(stdin);
  const code = tuning === undefined ? await main(["validate", ...args], io) : await validateCommand(args, io, tuning);
  return { code, stdout: stdout(), stderr: stderr() };
}

const VALID = JSON.stringify({ userId: "u1", groupId: "a", traits: { name: "Acme", plan: "pro" } });
const INVALID = JSON.stringify({ groupId: "b" });
const OVERSIZED = `{"userId":"u","groupId":"g","traits":{"a":"${"x".repeat(520_000)}"}}`;
// Valid, blank, invalid, CRLF, malformed, Unicode-blank, oversized, a BOM before a body (skipped, as
// validateJson skips it), a body of the wrong type, and a last line without "\n".
const MIXED = [VALID, "", INVALID, `${VALID}\r`, "{oops", " \t\r", "\u00a0\u2028", OVERSIZED, `\ufeff${VALID}`, "[]", VALID].join("\n");
const MIXED_WANT = [
  [1, true, []],
  [3, false, ["identity"]],
  [4, true, []],
  [5, false, ["invalid_json"]],
  [8, false, ["too_large"]],
  [9, true, []],
  [10, false, ["type"]],
  [11, true, []],
];

/** Many lines of every sort, so that small pieces cut it in many places. */
function many(count: number): string {
  const sorts = [VALID, INVALID, "", `${INVALID}\r`, "{oops", JSON.stringify({ userId: `u${"é".repeat(40)}`, groupId: "g" }), "null"];
  return Array.from({ length: count }, (_, i) => sorts[(i * 7 + (i >> 3)) % sorts.length]).join("\n") + "\n";
}

let dir: string;
let mixedFile: string;
let manyFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "group-spec-ndjson-"));
  mixedFile = join(dir, "mixed.ndjson");
  manyFile = join(dir, "many.ndjson");
  await writeFile(mixedFile, MIXED);
  await writeFile(manyFile, many(400));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const summarize = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { line: number; valid: boolean; issues: { code: string }[] })
    .map((v) => [v.line, v.valid, v.issues.map((issue) => issue.code)]);

describe("validate --ndjson --jobs", () => {
  it.each([
    ["--jobs 1", ["--jobs", "1"], undefined],
    ["--jobs 1, 64-byte pieces", ["--jobs", "1"], { pieceBytes: 64 }],
    ["--jobs 2, 64-byte pieces", ["--jobs", "2"], { ...BUILT, pieceBytes: 64 }],
  ] as const)("reports valid, invalid, blank, malformed, oversized and CRLF lines with their numbers: %s", async (_, jobs, tuning) => {
    for (const file of [mixedFile, "-"]) {
      const result = await run(["--kind", "segment", "--ndjson", "--json", ...jobs, file], MIXED, tuning);
      expect(result.code).toBe(1);
      expect(summarize(result.stdout)).toEqual(MIXED_WANT);
      expect(result.stderr).toBe("4 valid, 4 invalid\n");
    }
  });

  it("prints byte for byte the same with one worker thread or two, in every format, across many pieces", async () => {
    for (const [format, pieceBytes] of [["json", 97], ["pretty", 1000], ["github", 1000]] as const) {
      const args = ["--kind", "segment", "--ndjson", "--format", format, manyFile, mixedFile, manyFile];
      const one = await run(["--jobs", "1", ...args]);
      expect(one.code).toBe(1);
      expect(await run(["--jobs", "2", ...args], "", { ...BUILT, pieceBytes })).toEqual(one);
    }
    // auto, on an idle machine: the main thread alone up to the threshold, then a worker once it is ready.
    const args = ["--kind", "segment", "--ndjson", "--json", manyFile, mixedFile, manyFile, manyFile];
    expect(await run(args, "", { ...BUILT, pieceBytes: 200, autoBytes: 2000, load: 0 })).toEqual(await run(["--jobs", "1", ...args]));
  });

  it("prints every verdict before a file it cannot read, then fails with the read error (exit 2 in main)", async () => {
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
    let stdout = "";
    io.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const missing = join(dir, "missing.ndjson");
    const args = ["--kind", "segment", "--ndjson", "--json", "--jobs", "2", mixedFile, missing, mixedFile];
    await expect(validateCommand(args, io, { ...BUILT, pieceBytes: 64 })).rejects.toThrow(new ReadError(`Cannot read ${missing}: ENOENT`));
    expect(summarize(stdout)).toEqual(MIXED_WANT);
  });

  it("keeps exit statuses: 0 when every line is valid, 1 when any is invalid", async () => {
    expect(await run(["--kind", "segment", "--ndjson", "--jobs", "2"], `${VALID}\n\n${VALID}\n`, BUILT)).toEqual({
      code: 0,
      stdout: "-:1: valid\n-:3: valid\n2 valid, 0 invalid\n",
      stderr: "",
    });
    expect((await run(["--kind", "segment", "--ndjson", "--jobs", "2"], `${VALID}\n${INVALID}\n`, BUILT)).code).toBe(1);
    expect(await run(["--kind", "segment", "--ndjson", "--jobs", "2"], "")).toEqual({ code: 0, stdout: "0 valid, 0 invalid\n", stderr: "" });
  });

  it("runs its workers from source under tsx and vitest", async () => {
    const result = await run(["--kind", "segment", "--ndjson", "--jobs", "2", "--json", mixedFile]);
    expect(result.code).toBe(1);
    expect(summarize(result.stdout)).toEqual(MIXED_WANT);
  });

  it.each([
    [["--jobs", "0"], '--jobs takes auto or a whole number from 1 to 64; got "0"'],
    [["--jobs", "x"], 'got "x"'],
    [["--jobs", "1.5"], 'got "1.5"'],
    [["--jobs", "65"], 'got "65"'],
    [["--jobs", ""], 'got ""'],
  ])("refuses %j with a usage error", async (jobs, message) => {
    const result = await run(["--kind", "segment", "--ndjson", ...jobs]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("See `group-spec validate --help`");
  });

  it("refuses --jobs without --ndjson", async () => {
    const result = await run(["--kind", "segment", "--jobs", "2"], VALID);
    expect(result).toEqual(expect.objectContaining({ code: 2, stderr: expect.stringContaining("--jobs applies to --ndjson input only") }));
  });

  it.each([
    ["fails on its first job", "throws.mjs", "An NDJSON worker failed: boom in the worker"],
    ["exits with work waiting", "exits.mjs", "An NDJSON worker exited unexpectedly (exit code 3)."],
    ["cannot be loaded", "missing.mjs", "An NDJSON worker failed:"],
  ])("exits 2 with a message, without hanging, when a worker %s", async (_, name, message) => {
    const worker = { url: pathToFileURL(join(FIXTURES, name)) };
    const result = await run(["--kind", "segment", "--ndjson", "--jobs", "2", manyFile], "", { pieceBytes: 512, worker });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`group-spec: ${message}`);
  });

  it("runs its workers from the built dist/", async () => {
    const result = await runNode([CLI, "validate", "--kind", "segment", "--ndjson", "--jobs", "2", "--json", mixedFile]);
    expect(result.code).toBe(1);
    expect(summarize(result.stdout)).toEqual(MIXED_WANT);
  });
});

describe("pieces", () => {
  /** Every line the pieces hold, numbered, with oversized ones as their size. */
  async function linesOf(reads: Uint8Array[], maxLineBytes: number, pieceBytes: number): Promise<[number, string | number][]> {
    const out: [number, string | number][] = [];
    let next = 1;
    for await (const piece of pieces(reads, { maxLineBytes, pieceBytes })) {
      if (piece.type === "oversized") {
        expect(piece.line).toBe(next);
        out.push([piece.line, piece.size]);
        next = piece.line + 1;
        continue;
      }
      expect(piece.firstLine).toBe(next);
      const text = Buffer.from(piece.bytes).toString("latin1");
      const lines = text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
      lines.forEach((line, i) => out.push([piece.firstLine + i, line.length > maxLineBytes ? line.length : line]));
      next = piece.firstLine + lines.length;
    }
    return out;
  }

  it("cut anywhere, give back every line in order with its number; long lines only as their size", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: fc.constantFrom("a", "b", "\r", " "), maxLength: 30 }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        async (lines, cuts, pieceBytes, lastNewline) => {
          const text = lines.join("\n") + (lastNewline && lines.length > 0 ? "\n" : "");
          const bytes = Buffer.from(text, "latin1");
          const reads: Uint8Array[] = [];
          for (let at = 0, i = 0; at < bytes.length; i++) {
            const size = cuts[i % cuts.length]!;
            reads.push(bytes.subarray(at, at + size));
            at += size;
          }
          const maxLineBytes = 12;
          // A line is what ends with "\n", and what follows the last one unless it is empty.
          const want = text.split("\n");
          if (want.at(-1) === "") want.pop();
          expect(await linesOf(reads, maxLineBytes, pieceBytes)).toEqual(
            want.map((line, i) => [i + 1, line.length > maxLineBytes ? line.length : line]),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
