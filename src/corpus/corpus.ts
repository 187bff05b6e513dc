import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isObject, type Json } from "../json-schema/json.js";
import { packageFile } from "./package-file.js";

/** One case of the conformance corpus: a body of a kind, the verdict, and the issues as `{ path, code }`. */
export interface CorpusCase {
  readonly kind: string;
  /** `<kind>/<slug>.json`. */
  readonly file: string;
  readonly description: string;
  readonly valid: boolean;
  readonly issues: readonly { readonly path: string; readonly code: string }[];
  readonly body: Json;
}

/** The largest case file read; the corpus's largest is ~100 KB. */
export const MAX_CASE_BYTES = 1024 * 1024;
/** The most case files read from one kind's folder. */
export const MAX_CASES = 5000;

/** The corpus the package ships, `test/conformance/` (see {@link packageFile}); `undefined` when it is not there. */
export function shippedCorpusDir(): string | undefined {
  return packageFile(join("test", "conformance"));
}

/**
 * Reads every case of one kind (or of every kind) from a corpus folder, sorted by file; synchronously, as the
 * CLI reads it once, only when it needs it. Throws `Error` naming a bad file.
 */
export function loadCases(dir: string, kind?: string): CorpusCase[] {
  const kinds = kind === undefined ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [kind];
  const cases: CorpusCase[] = [];
  for (const name of kinds) {
    const files = readdirSync(join(dir, name)).filter((file) => file.endsWith(".json")).sort();
    if (files.length > MAX_CASES) throw new Error(`${name}: more than ${MAX_CASES} case files`);
    for (const file of files) {
      const path = join(dir, name, file);
      if (statSync(path).size > MAX_CASE_BYTES) throw new Error(`${name}/${file}: larger than ${MAX_CASE_BYTES} bytes`);
      cases.push(parseCase(name, `${name}/${file}`, JSON.parse(readFileSync(path, "utf8")) as Json));
    }
  }
  return cases;
}

function parseCase(kind: string, file: string, data: Json): CorpusCase {
  if (!isObject(data) || typeof data["valid"] !== "boolean" || !("body" in data)) throw new Error(`${file}: not a corpus case ({ description, valid, issues, body })`);
  const issues = Array.isArray(data["issues"]) ? data["issues"] : [];
  return {
    kind,
    file,
    description: typeof data["description"] === "string" ? data["description"] : "",
    valid: data["valid"],
    issues: issues.filter(isObject).map((issue) => ({ path: String(issue["path"] ?? ""), code: String(issue["code"] ?? "") })),
    body: data["body"] ?? null,
  };
}
