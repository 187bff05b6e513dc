import { TITLED_ISSUES, type ISSUE_CODES } from "../../../schemas/issue.js";
import type { Json, JsonObject } from "../plain.js";

/** An issue code (schemas/issue.ts). */
type IssueCode = (typeof ISSUE_CODES)[number];

/** What the validator compiler knows of one keyword. */
export interface Keyword {
  /** The JSON type whose values the keyword applies to; `undefined`: every value. */
  readonly group: "number" | "string" | "array" | "object" | undefined;
  /** Whether a value is a well-formed value of the keyword (the 2020-12 metaschema's rule, or narrower). */
  readonly value: (value: Json) => boolean;
  /** What a well-formed value looks like, for the error that refuses another. */
  readonly expected: string;
  /** The issue a failure reports; `undefined` when the keyword reports its subschemas' issues. */
  readonly issue: IssueCode | undefined;
}

const TYPES = new Set(["string", "number", "integer", "boolean", "null", "array", "object"]);
const isSchema = (v: Json) => typeof v === "boolean" || (typeof v === "object" && v !== null && !Array.isArray(v));
const isSchemaMap = (v: Json) => typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every(isSchema);
const isCount = (v: Json) => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isPrimitive = (v: Json) => v === null || typeof v !== "object";
const isRegex = (v: string) => {
  try {
    new RegExp(v, "u");
    return true;
  } catch {
    return false;
  }
};

const anyValue = { group: undefined } as const;

/**
 * Every keyword the compiler implements, in the order the verdict and the issue walk apply them within their
 * group: the one table that says, per keyword, which values it checks, what a well-formed value is and which
 * issue a failure reports. A keyword that is neither here nor an annotation is refused at generation, and so
 * is a malformed value (`required: "ab"`, `type: "int"`, `maxLength: "10"`).
 */
export const KEYWORDS: Readonly<Record<string, Keyword>> = {
  type: { ...anyValue, value: (v) => typeof v === "string" && TYPES.has(v), expected: "one JSON type name", issue: "type" },
  $ref: { ...anyValue, value: (v) => typeof v === "string", expected: "a string", issue: undefined },
  const: { ...anyValue, value: isPrimitive, expected: "a string, number, boolean or null", issue: "const" },
  enum: { ...anyValue, value: (v) => Array.isArray(v) && v.every(isPrimitive), expected: "an array of strings, numbers, booleans or null", issue: "enum" },
  not: { ...anyValue, value: isSchema, expected: "a schema", issue: "invalid" },
  anyOf: { ...anyValue, value: (v) => Array.isArray(v) && v.length > 0 && v.every(isSchema), expected: "a non-empty array of schemas", issue: "type" },
  allOf: { ...anyValue, value: (v) => Array.isArray(v) && v.length > 0 && v.every(isSchema), expected: "a non-empty array of schemas", issue: undefined },
  minimum: { group: "number", value: (v) => typeof v === "number" && Number.isFinite(v), expected: "a number", issue: "minimum" },
  maxLength: { group: "string", value: isCount, expected: "a non-negative integer", issue: "max_length" },
  minLength: { group: "string", value: isCount, expected: "a non-negative integer", issue: "min_length" },
  pattern: { group: "string", value: (v) => typeof v === "string" && isRegex(v), expected: "an ECMAScript regular expression", issue: "pattern" },
  format: { group: "string", value: (v) => typeof v === "string", expected: "a format name", issue: "format" },
  maxItems: { group: "array", value: isCount, expected: "a non-negative integer", issue: "max_items" },
  minItems: { group: "array", value: isCount, expected: "a non-negative integer", issue: "min_items" },
  items: { group: "array", value: isSchema, expected: "a schema", issue: undefined },
  maxProperties: { group: "object", value: isCount, expected: "a non-negative integer", issue: "max_properties" },
  required: {
    group: "object",
    value: (v) => Array.isArray(v) && v.every((name) => typeof name === "string") && new Set(v).size === v.length,
    expected: "an array of distinct strings",
    issue: "required",
  },
  additionalProperties: { group: "object", value: isSchema, expected: "a schema", issue: "unknown_property" },
  properties: { group: "object", value: isSchemaMap, expected: "an object of schemas", issue: undefined },
  patternProperties: {
    group: "object",
    value: (v) => isSchemaMap(v) && Object.keys(v as object).every(isRegex),
    expected: "an object of schemas keyed by regular expressions",
    issue: undefined,
  },
};

/** Keywords that only annotate: they never change a verdict. */
export const ANNOTATIONS: ReadonlySet<string> = new Set([
  "$comment", "$schema", "$id", "$defs", "title", "description", "default", "examples", "example",
  "deprecated", "readOnly", "writeOnly",
]);

/** The issue code a keyword reports (the table's), for the code that emits it. */
export function issueOf(keyword: keyof typeof KEYWORDS): IssueCode {
  const issue = KEYWORDS[keyword]?.issue;
  if (issue === undefined) throw new Error(`Keyword ${keyword} reports no issue of its own.`);
  return issue;
}

/** The issue code a schema's title gives it (schemas/issue.ts), if any. */
export function titledCode(schema: JsonObject): string | undefined {
  const title = schema["title"];
  return typeof title === "string" && Object.hasOwn(TITLED_ISSUES, title) ? TITLED_ISSUES[title as keyof typeof TITLED_ISSUES] : undefined;
}

/** A keyword's issue code, as a literal for generated code. */
export function code(keyword: string): string {
  return JSON.stringify(issueOf(keyword));
}
