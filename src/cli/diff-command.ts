import { parseArgs } from "node:util";
import { loadCases, shippedCorpusDir, type CorpusCase } from "../corpus/corpus.js";
import { DIFF_FORMATS, diffSpecs, envelopeSeeds, formatDiff, loadSpec, SpecReadError, type DiffFormat, type DiffSeeds } from "../diff/index.js";
import type { Io } from "./io.js";
import { ReadError } from "./read-error.js";
import { UsageError } from "./usage-error.js";

/** `group-spec diff`: returns the exit status (0 nothing breaks, 1 a breaking change; usage and read errors throw). */
export async function diffCommand(args: string[], io: Io): Promise<number> {
  const { old, next, format, corpus } = options(args);
  try {
    const [a, b] = await Promise.all([loadSpec(old, process.cwd()), loadSpec(next, process.cwd())]);
    const result = diffSpecs(a, b, () => seeds(corpus));
    io.stdout.write(formatDiff(result, format));
    return result.exitCode;
  } catch (error) {
    if (error instanceof SpecReadError) throw new ReadError(error.message);
    throw error;
  }
}

/** The corpus's bodies as seeds (and the envelopes answering them), read only when a change needs a witness. */
function seeds(corpus: string | undefined): DiffSeeds {
  const dir = corpus ?? shippedCorpusDir();
  if (dir === undefined) return { requests: [], responses: [] };
  let cases: CorpusCase[];
  try {
    cases = loadCases(dir);
  } catch (error) {
    throw new ReadError(`--corpus ${dir}: ${(error as Error).message}`);
  }
  return { requests: cases.map((c) => c.body), responses: envelopeSeeds(cases) };
}

function options(args: string[]): { old: string; next: string; format: DiffFormat; corpus: string | undefined } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { format: { type: "string" }, corpus: { type: "string" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message, "diff");
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) throw new UsageError(`diff takes OLD and NEW; got ${positionals.length} argument(s).`, "diff");
  const format = values.format ?? "pretty";
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}"; expected one of ${DIFF_FORMATS.join(", ")}.`, "diff");
  return { old: positionals[0]!, next: positionals[1]!, format: format as DiffFormat, corpus: values.corpus };
}
