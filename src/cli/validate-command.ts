import { parseArgs } from "node:util";
import { DEFAULT_LIMITS } from "../limits.js";
import { isKind, KINDS, MAX_ISSUES } from "../validate.js";
import { checkBody, wholeBody } from "./bodies.js";
import { expandFiles } from "./files.js";
import type { Io } from "./io.js";
import { validateNdjson, type Jobs, type NdjsonTuning } from "./ndjson/validate-ndjson.js";
import { WorkerStopped } from "./ndjson/worker-stopped.js";
import { FORMATS, formatVerdict, summary, type Format } from "./report.js";
import { UsageError } from "./usage-error.js";

/** The largest `--jobs`: more threads than this only add memory (3 pieces of ~1 MiB each) on any machine. */
const MAX_JOBS = 64;

/**
 * `group-spec validate`: returns the exit status (0 all valid, 1 any invalid, 2 when an NDJSON worker stops;
 * usage and read errors throw). `tuning` is for tests only.
 */
export async function validateCommand(args: string[], io: Io, tuning?: NdjsonTuning): Promise<number> {
  const { kind, format, ndjson, jobs, maxIssues, files } = await options(args);
  let counts: { valid: number; invalid: number };
  if (ndjson) {
    try {
      counts = await validateNdjson(files, io, { kind, format, maxIssues, maxBytes: DEFAULT_LIMITS.bodyBytes }, jobs, tuning);
    } catch (error) {
      if (!(error instanceof WorkerStopped)) throw error;
      io.stderr.write(`group-spec: ${error.message}\n`);
      return 2;
    }
  } else {
    counts = { valid: 0, invalid: 0 };
    for (const file of files) {
      const result = checkBody(kind, await wholeBody(file, io.stdin, DEFAULT_LIMITS.bodyBytes), maxIssues);
      counts[result.ok ? "valid" : "invalid"]++;
      io.stdout.write(formatVerdict({ file, valid: result.ok, issues: result.ok ? [] : result.issues }, format));
    }
  }
  // The summary goes where it cannot break the output: JSON lines stay pure on standard output.
  (format === "json" ? io.stderr : io.stdout).write(summary(counts.valid, counts.invalid));
  return counts.invalid > 0 ? 1 : 0;
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
        jobs: { type: "string" },
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
  const ndjson = values.ndjson === true;
  const jobs = readJobs(values.jobs, ndjson);
  const files = await expandFiles(positionals.length > 0 ? positionals : ["-"]);
  return { kind: values.kind, format: format as Format, ndjson, jobs, maxIssues, files };
}

function readJobs(value: string | undefined, ndjson: boolean): Jobs {
  if (value === undefined || value === "auto") return "auto";
  if (!ndjson) throw new UsageError("--jobs applies to --ndjson input only.", "validate");
  const jobs = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) {
    throw new UsageError(`--jobs takes auto or a whole number from 1 to ${MAX_JOBS}; got "${value}".`, "validate");
  }
  return jobs;
}
