import type { JsonObject } from "../plain.js";
import type { IssueCode } from "./issues.js";
import { code } from "./keywords.js";
import { speaksOf } from "./schema-model.js";
import type { VerdictCode, Checks } from "./verdict.js";

// One keyword group of the validator compiler: its verdict code (verdict.ts calls it) and its issue code
// (issues.ts calls it), side by side, as Ajv keeps a keyword's check and error together.

export function arrayVerdict(c: VerdictCode, schema: JsonObject, data: string, fail: string, where: string): Checks {
  const bad: string[] = [];
  if (!speaksOf(schema, "array")) return { bad, statements: [] };
  if (typeof schema["maxItems"] === "number") bad.push(`${data}.length > ${schema["maxItems"]}`);
  if (typeof schema["minItems"] === "number") bad.push(`${data}.length < ${schema["minItems"]}`);
  const items = schema["items"] ?? true;
  const i = c.scope.names.next("i");
  const item = c.scope.names.next("item");
  const body = c.check(items, item, fail, `${where}/items`);
  return { bad, statements: [`for (let ${i} = 0; ${i} < ${data}.length; ${i}++) {\nconst ${item} = ${data}[${i}];\n${body}\n}`] };
}


export function arrayIssues(c: IssueCode, schema: JsonObject): string[] {
  const out: string[] = [];
  if (!speaksOf(schema, "array")) return out;
  const max = schema["maxItems"];
  if (typeof max === "number") out.push(`if (d.length > ${max}) return alone(o, p, ${code("maxItems")}, ${max});`);
  const min = schema["minItems"];
  if (typeof min === "number") out.push(`if (d.length < ${min} && add(o, p, ${code("minItems")}, d, ${min})) return true;`);
  const items = c.functionOf(schema["items"] ?? true);
  out.push(`for (let i = 0; i < d.length; i++) if (${items}(d[i], p + "/" + i, o)) return true;`);
  return out;
}
