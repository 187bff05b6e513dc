import type { Check } from "../json-schema/checker.js";
import { isObject, type Json } from "../json-schema/json.js";
import type { CaseResult, ConformCase } from "./conform-case.js";
import { MAX_ANSWER_BYTES, type Answer } from "./send.js";

/** The envelope check of each documented status of the operation, from the OpenAPI document. */
export type Envelopes = (status: number) => Check | undefined;

/**
 * Judges one answer: the status must be the expected one and the body valid JSON that the operation's response
 * schema for that status accepts (errors); for a 400 to a corpus case, the issue paths are compared with the
 * corpus's as a set (a warning: the paths are advice, the verdict is the contract).
 */
export function judge(c: ConformCase, answer: Answer, envelopes: Envelopes, ms: number): CaseResult {
  const result = (status: number, errors: string[], warnings: string[]): CaseResult => ({
    name: c.name, description: c.description, expected: c.status, status, ok: errors.length === 0, errors, warnings, ms,
  });
  if ("error" in answer) return result(0, [answer.error], []);
  const errors: string[] = [];
  const warnings: string[] = [];
  if (answer.status !== c.status) errors.push(`status ${answer.status}, expected ${c.status}`);
  if (answer.truncated) {
    errors.push(`the ${answer.status} answer is larger than ${MAX_ANSWER_BYTES} bytes; not read further`);
    return result(answer.status, errors, warnings);
  }
  let body: Json;
  try {
    body = JSON.parse(answer.text) as Json;
  } catch {
    errors.push(`the ${answer.status} answer is not JSON: ${JSON.stringify(answer.text.slice(0, 80))}`);
    return result(answer.status, errors, warnings);
  }
  const check = envelopes(answer.status);
  if (check === undefined) errors.push(`status ${answer.status} is not documented for this operation`);
  else {
    const verdict = check(body);
    if (!verdict.ok) errors.push(`the ${answer.status} envelope does not match its schema: ${verdict.reason}`);
  }
  if (c.paths !== undefined && answer.status === 400) {
    const got = issuePaths(body);
    if (got === undefined) warnings.push("the answer has no issues list to compare");
    else {
      const missing = [...new Set(c.paths)].filter((p) => !got.includes(p));
      const extra = [...new Set(got)].filter((p) => !c.paths!.includes(p));
      if (missing.length > 0 || extra.length > 0) {
        warnings.push(`issue paths differ: expected ${JSON.stringify([...new Set(c.paths)])}, got ${JSON.stringify([...new Set(got)])}`);
      }
    }
  }
  return result(answer.status, errors, warnings);
}

/** The `path` of each issue in an envelope's `issues` list, wherever the dialect puts it (two levels deep at most). */
function issuePaths(body: Json): string[] | undefined {
  const levels: Json[] = [body];
  for (let depth = 0; depth < 3 && levels.length > 0; depth++) {
    const next: Json[] = [];
    for (const node of levels) {
      if (!isObject(node)) continue;
      const issues = node["issues"];
      if (Array.isArray(issues)) return issues.filter(isObject).map((issue) => String(issue["path"] ?? ""));
      next.push(...Object.values(node));
    }
    levels.splice(0, levels.length, ...next);
  }
  return undefined;
}
