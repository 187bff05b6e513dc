import type { JsonObject } from "../plain.js";
import type { IssueCode } from "./issues.js";
import { code } from "./keywords.js";

// One keyword group of the validator compiler: its verdict code (verdict.ts calls it) and its issue code
// (issues.ts calls it), side by side, as Ajv keeps a keyword's check and error together.

/** The verdict conditions (each means "invalid") of the number keywords: `minimum`, the one the schemas use. */
export function numberVerdict(schema: JsonObject, data: string): string[] {
  const min = schema["minimum"];
  return typeof min === "number" ? [`${data} < ${min}`] : [];
}

/** The issue code of the number keywords. */
export function numberIssues(c: IssueCode, schema: JsonObject): string[] {
  const min = schema["minimum"];
  return typeof min === "number" ? [`if (d < ${min} && add(o, p, ${code("minimum")}, d, ${min})) return true;`] : [];
}
