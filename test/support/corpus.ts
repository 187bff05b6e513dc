import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ISSUE_CODES } from "../../schemas/issue.js";
import { KINDS, type IssueCode, type Kind } from "../../src/index.js";

/** The conformance corpus: `test/conformance/<kind>/<slug>.json`, one case per file. */
export const CORPUS_DIR = join(import.meta.dirname, "..", "conformance");

/** A JSON value, as `JSON.parse` returns it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An issue a case expects, compared as a `{path, code}` pair (messages are free text). */
export interface ExpectedIssue {
  readonly path: string;
  readonly code: IssueCode;
}

/** One corpus case: a request body of a kind and the verdict every implementation must reach. */
export interface CorpusCase {
  readonly kind: Kind;
  /** The file name without `.json`. */
  readonly slug: string;
  /** `<kind>/<slug>.json`, as tests name the case. */
  readonly file: string;
  readonly description: string;
  readonly body: Json;
  readonly valid: boolean;
  /** The issues `validate` returns, in order; empty for a valid case. */
  readonly issues: readonly ExpectedIssue[];
}

const CASE_KEYS = new Set(["description", "valid", "issues", "body"]);

/**
 * Loads every case of the corpus (each folder of `test/conformance/` is a kind), sorted by kind and file name.
 * Throws on a malformed case file, so that a typo in the corpus fails loudly instead of testing nothing.
 */
export function loadCorpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const kinds = readdirSync(CORPUS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const kind of kinds.map((entry) => entry.name).sort()) {
    if (!isKind(kind)) throw new Error(`test/conformance/${kind}: not a body kind (${KINDS.join(", ")})`);
    for (const name of readdirSync(join(CORPUS_DIR, kind)).sort()) {
      const file = `${kind}/${name}`;
      if (!name.endsWith(".json")) throw new Error(`${file}: corpus files are .json`);
      cases.push(parseCase(kind, file, JSON.parse(readFileSync(join(CORPUS_DIR, file), "utf8")) as Json));
    }
  }
  return cases;
}

function parseCase(kind: Kind, file: string, data: Json): CorpusCase {
  const fail = (why: string): never => {
    throw new Error(`${file}: ${why}`);
  };
  if (typeof data !== "object" || data === null || Array.isArray(data)) return fail("a case is a JSON object");
  const record = data as { [key: string]: Json };
  const extra = Object.keys(record).filter((key) => !CASE_KEYS.has(key));
  if (extra.length > 0) fail(`unknown keys ${extra.join(", ")}`);
  const { description, valid, issues = [] } = record;
  if (!("body" in record)) fail("`body` is missing");
  if (typeof description !== "string" || description.length === 0) fail("`description` must be a non-empty string");
  if (typeof valid !== "boolean") fail("`valid` must be a boolean");
  if (!Array.isArray(issues)) return fail("`issues` must be an array");
  if (valid && issues.length > 0) fail("a valid case lists no issues");
  if (!valid && issues.length === 0) fail("an invalid case lists the issues it expects");
  return {
    kind,
    slug: file.slice(kind.length + 1, -".json".length),
    file,
    description: description as string,
    body: record["body"] ?? null,
    valid: valid as boolean,
    issues: issues.map((issue) => parseIssue(issue, fail)),
  };
}

function parseIssue(issue: unknown, fail: (why: string) => never): ExpectedIssue {
  if (typeof issue !== "object" || issue === null) return fail("an issue is an object");
  const { path, code, ...rest } = issue as Record<string, unknown>;
  if (Object.keys(rest).length > 0) fail(`an issue has only \`path\` and \`code\`, not ${Object.keys(rest).join(", ")}`);
  if (typeof path !== "string" || (path !== "" && !path.startsWith("/"))) fail(`issue path ${JSON.stringify(path)} is not a JSON Pointer`);
  if (!(ISSUE_CODES as readonly unknown[]).includes(code)) fail(`issue code ${JSON.stringify(code)} is not a stable code`);
  return { path: path as string, code: code as IssueCode };
}

function isKind(name: string): name is Kind {
  return (KINDS as readonly string[]).includes(name);
}
