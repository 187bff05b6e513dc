import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { CONFORM_FORMATS, conform, formatConform, junitXml, type ConformFormat } from "../conform/index.js";
import { loadCases, shippedCorpusDir } from "../corpus/corpus.js";
import { packageFile } from "../corpus/package-file.js";
import type { Json } from "../json-schema/json.js";
import { isKind, KINDS, type Kind } from "../validate.js";
import type { Io } from "./io.js";
import { ReadError } from "./read-error.js";
import { UsageError } from "./usage-error.js";

/** `group-spec conform`: returns the exit status (0 every case conforms, 1 otherwise; usage and read errors throw). */
export async function conformCommand(args: string[], io: Io): Promise<number> {
  const options = parse(args);
  const corpusDir = options.corpus ?? shippedCorpusDir();
  if (corpusDir === undefined) throw new ReadError("The conformance corpus (test/conformance/) is not in this install; pass --corpus DIR.");
  let corpus;
  try {
    corpus = loadCases(corpusDir, options.kind);
  } catch (error) {
    throw new ReadError(`--corpus ${corpusDir}: ${(error as Error).message}`);
  }
  if (corpus.length === 0) throw new ReadError(`--corpus ${corpusDir}: no cases for ${options.kind}.`);
  const openapiPath = packageFile("generated/openapi.json");
  if (openapiPath === undefined) throw new ReadError("generated/openapi.json is not in this install.");
  const openapi = JSON.parse(await readFile(openapiPath, "utf8")) as Json;
  const report = await conform({ ...options, corpus, openapi });
  io.stdout.write(formatConform(report, options.format));
  if (options.junit !== undefined) {
    await writeFile(options.junit, junitXml(report)).catch((error: Error) => {
      throw new ReadError(`--junit ${options.junit}: ${error.message}`);
    });
  }
  return report.failed > 0 ? 1 : 0;
}

interface Options {
  readonly url: URL;
  readonly kind: Kind;
  readonly key: string;
  readonly format: ConformFormat;
  readonly junit: string | undefined;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly corpus: string | undefined;
}

function parse(args: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        url: { type: "string" },
        kind: { type: "string" },
        key: { type: "string" },
        format: { type: "string" },
        junit: { type: "string" },
        concurrency: { type: "string" },
        timeout: { type: "string" },
        corpus: { type: "string" },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message, "conform");
  }
  const { values } = parsed;
  for (const name of ["url", "kind", "key"] as const) if (values[name] === undefined) throw new UsageError(`--${name} is required.`, "conform");
  let url: URL;
  try {
    url = new URL(values.url!);
  } catch {
    throw new UsageError(`--url "${values.url}" is not a URL.`, "conform");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--url must be http or https; got ${url.protocol}`, "conform");
  if (!isKind(values.kind)) throw new UsageError(`Unknown kind "${values.kind}"; expected one of ${KINDS.join(", ")}.`, "conform");
  const format = values.format ?? "pretty";
  if (!(CONFORM_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}"; expected one of ${CONFORM_FORMATS.join(", ")}.`, "conform");
  return {
    url,
    kind: values.kind,
    key: values.key!,
    format: format as ConformFormat,
    junit: values.junit,
    concurrency: whole(values.concurrency, 4, 1, 64, "--concurrency"),
    timeoutMs: whole(values.timeout, 10_000, 1, 600_000, "--timeout"),
    corpus: values.corpus,
  };
}

function whole(text: string | undefined, fallback: number, min: number, max: number, name: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${name} takes a whole number from ${min} to ${max}; got "${text}".`, "conform");
  return value;
}
