import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { isKind, KINDS, validate } from "../validate.js";
import type { Issue } from "../issue.js";
import { UsageError } from "./usage-error.js";

/** Where the CLI writes; tests and the entry point pass the real streams. */
export interface Io {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** One body's verdict, as `--json` prints it. */
interface Verdict {
  readonly file: string;
  readonly valid: boolean;
  readonly issues: readonly Issue[];
}

/** `group-spec validate`: returns the exit status. */
export async function validateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args);
  const kind = values.kind;
  if (kind === undefined) throw new UsageError("--kind is required.", "validate");
  if (!isKind(kind)) throw new UsageError(`Unknown kind "${kind}"; expected one of ${KINDS.join(", ")}.`, "validate");
  const files = positionals.length > 0 ? positionals : ["-"];
  let invalid = 0;
  for (const file of files) {
    const text = await read(file, io);
    const verdict = check(kind, file, text);
    if (!verdict.valid) invalid++;
    io.stdout.write(values.json ? `${JSON.stringify(verdict)}\n` : pretty(verdict));
  }
  return invalid > 0 ? 1 : 0;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: { kind: { type: "string" }, json: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message, "validate");
  }
}

function check(kind: Parameters<typeof validate>[0], file: string, text: string): Verdict {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { file, valid: false, issues: [{ path: "", code: "invalid_json", message: `Not JSON: ${(error as Error).message}` }] };
  }
  const result = validate(kind, body);
  return { file, valid: result.ok, issues: result.ok ? [] : result.issues };
}

async function read(file: string, io: Io): Promise<string> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new ReadError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function pretty(verdict: Verdict): string {
  if (verdict.valid) return `${verdict.file}: valid\n`;
  const lines = verdict.issues.map((issue) => `  ${issue.path || "/"}  ${issue.code}  ${issue.message}`);
  return `${verdict.file}: invalid\n${lines.join("\n")}\n`;
}

/** A file that cannot be read: exit status 2. */
export class ReadError extends Error {
  override readonly name = "ReadError";
}
