import { parseArgs } from "node:util";
import { DEFAULT_LIMITS } from "../limits.js";
import { isKind, KINDS, MAX_ISSUES } from "../validate.js";
import { checkBody, ndjsonBodies, wholeBody, type BodyInput } from "./bodies.js";
import { expandFiles } from "./files.js";
import type { Io } from "./io.js";
import { FORMATS, formatVerdict, summary, type Format, type Verdict } from "./report.js";
import { UsageError } from "./usage-error.js";

/** `group-spec validate`: returns the exit status (0 all valid, 1 any invalid; usage and read errors throw). */
export async function validateCommand(args: string[], io: Io): Promise<number> {
  const { kind, format, ndjson, maxIssues, files } = await options(args);
  const counts = { valid: 0, invalid: 0 };
  for (const file of files) {
    const bodies = ndjson ? ndjsonBodies(file, io.stdin, DEFAULT_LIMITS.bodyBytes) : single(file, io);
    for await (const input of bodies) {
      const verdict = check(kind, input, maxIssues);
      counts[verdict.valid ? "valid" : "invalid"]++;
      io.stdout.write(formatVerdict(verdict, format));
    }
  }
  // The summary goes where it cannot break the output: JSON lines stay pure on standard output.
  (format === "json" ? io.stderr : io.stdout).write(summary(counts.valid, counts.invalid));
  return counts.invalid > 0 ? 1 : 0;
}

async function* single(file: string, io: Io): AsyncGenerator<BodyInput> {
  yield await wholeBody(file, io.stdin, DEFAULT_LIMITS.bodyBytes);
}

function check(kind: (typeof KINDS)[number], input: BodyInput, maxIssues: number): Verdict {
  const at = input.line === undefined ? { file: input.file } : { file: input.file, line: input.line };
  const result = checkBody(kind, input, maxIssues);
  return { ...at, valid: result.ok, issues: result.ok ? [] : result.issues };
}

async function options(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        kind: { type: "string" },
        format: { type: "string" },
        json: { type: "boolean" },
        ndjson: { type: "boolean" },
        "max-issues": { type: "string" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message, "validate");
  }
  const { values, positionals } = parsed;
  if (values.kind === undefined) throw new UsageError("--kind is required.", "validate");
  if (!isKind(values.kind)) throw new UsageError(`Unknown kind "${values.kind}"; expected one of ${KINDS.join(", ")}.`, "validate");
  const format = values.format ?? (values.json ? "json" : "pretty");
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format "${format}"; expected one of ${FORMATS.join(", ")}.`, "validate");
  }
  if (values.json && values.format !== undefined && values.format !== "json") {
    throw new UsageError("--json is --format json; it cannot be combined with another format.", "validate");
  }
  const maxIssues = values["max-issues"] === undefined ? MAX_ISSUES : Number(values["max-issues"]);
  if (!Number.isInteger(maxIssues) || maxIssues < 1) {
    throw new UsageError(`--max-issues takes a whole number of at least 1; got "${values["max-issues"]}".`, "validate");
  }
  const files = await expandFiles(positionals.length > 0 ? positionals : ["-"]);
  return { kind: values.kind, format: format as Format, ndjson: values.ndjson === true, maxIssues, files };
}
