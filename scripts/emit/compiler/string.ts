import type { JsonObject } from "../plain.js";
import type { IssueCode } from "./issues.js";
import { code } from "./keywords.js";
import { tooLong, tooShort } from "./module-scope.js";
import { literal, matchesEverything } from "./schema-model.js";
import type { VerdictCode } from "./verdict.js";

// One keyword group of the validator compiler: its verdict code (verdict.ts calls it) and its issue code
// (issues.ts calls it), side by side, as Ajv keeps a keyword's check and error together.

export function stringVerdict(c: VerdictCode, schema: JsonObject, data: string): string[] {
  const bad: string[] = [];
  const max = schema["maxLength"];
  if (typeof max === "number") bad.push(`(${tooLong(data, max)})`);
  const min = schema["minLength"];
  if (typeof min === "number" && min > 0) bad.push(`(${tooShort(data, min)})`);
  const pattern = schema["pattern"];
  if (typeof pattern === "string" && !matchesEverything(pattern)) bad.push(`!${c.scope.regex(pattern)}.test(${data})`);
  const format = schema["format"];
  if (typeof format === "string") bad.push(`!${c.scope.format(format)}(${data})`);
  return bad;
}


/** A string's rules; one over its maxLength is never matched by a pattern or format, so no regex sees it. */
export function stringIssues(c: IssueCode, schema: JsonObject): string[] {
  const rules: string[] = [];
  const max = schema["maxLength"];
  const min = schema["minLength"];
  const pattern = schema["pattern"];
  const format = schema["format"];
  if (typeof min === "number" && min > 0) rules.push(`if ((${tooShort("d", min)}) && add(o, p, ${code("minLength")}, d, ${min})) return true;`);
  if (typeof pattern === "string" && !matchesEverything(pattern)) {
    const regex = c.scope.regex(pattern);
    rules.push(`if (!${regex}.test(d) && add(o, p, ${code("pattern")}, d, ${c.scope.regexSource(pattern)})) return true;`);
  }
  if (typeof format === "string") {
    rules.push(`if (!${c.scope.format(format)}(d) && add(o, p, ${code("format")}, d, [${literal(format)}])) return true;`);
  }
  if (typeof max !== "number") return rules;
  const over = `if (${tooLong("d", max)}) {\nif (add(o, p, ${code("maxLength")}, d, ${max})) return true;\n}`;
  return rules.length === 0 ? [over] : [`${over} else {\n${rules.join("\n")}\n}`];
}
