import type { Json, JsonObject } from "../plain.js";
import type { IssueCode } from "./issues.js";
import { code } from "./keywords.js";
import { isAlwaysValid, branchOf, literal, typeCheck, typeOf, isObject, type JsonType } from "./schema-model.js";
import type { VerdictCode, Checks } from "./verdict.js";

// One keyword group of the validator compiler: its verdict code (verdict.ts calls it) and its issue code
// (issues.ts calls it), side by side, as Ajv keeps a keyword's check and error together.

export function anyTypeVerdict(c: VerdictCode, schema: JsonObject, data: string, fail: string, where: string): Checks {
  const bad: string[] = [];
  const statements: string[] = [];
  if (schema["const"] !== undefined) bad.push(`${data} !== ${primitive(schema["const"])}`);
  const values = schema["enum"];
  // An empty enum allows nothing.
  if (Array.isArray(values)) bad.push(values.length === 0 ? "true" : `!(${values.map((v) => `${data} === ${primitive(v)}`).join(" || ")})`);
  const not = schema["not"];
  if (not !== undefined) {
    if (isAlwaysValid(not)) statements.push(`${fail};`);
    else {
      const label = c.scope.names.next("not");
      statements.push(`${label}: {\n${c.check(not, data, `break ${label}`, `${where}/not`)}\n${fail};\n}`);
    }
  }
  const anyOf = schema["anyOf"];
  if (Array.isArray(anyOf)) {
    const done = c.scope.names.next("anyOf");
    const branches = anyOf.map((branch, i) => {
      const label = c.scope.names.next("branch");
      return `${label}: {\n${c.check(branchOf(branch), data, `break ${label}`, `${where}/anyOf/${i}`)}\nbreak ${done};\n}`;
    });
    statements.push(`${done}: {\n${branches.join("\n")}\n${fail};\n}`);
  }
  const allOf = schema["allOf"];
  if (Array.isArray(allOf)) allOf.forEach((part, i) => statements.push(c.check(part, data, fail, `${where}/allOf/${i}`)));
  return { bad, statements };
}


export function anyTypeIssues(c: IssueCode, schema: JsonObject, titled: string | undefined): string[] {
  const out: string[] = [];
  if (schema["const"] !== undefined) {
    const value = primitive(schema["const"]);
    out.push(`if (d !== ${value} && add(o, p, ${code("const")}, d, ${value})) return true;`);
  }
  const values = schema["enum"];
  if (Array.isArray(values)) {
    const equal = values.length === 0 ? "false" : values.map((v) => `d === ${primitive(v)}`).join(" || ");
    out.push(`if (!(${equal}) && add(o, p, ${code("enum")}, d, ${literal(values)})) return true;`);
  }
  const not = schema["not"];
  if (not !== undefined) {
    const holds = isAlwaysValid(not) ? "true" : `${c.verdictOf(not)}(d)`;
    out.push(`if (${holds} && add(o, p, ${literal(titled ?? "invalid")}, d, null)) return true;`);
  }
  const anyOf = schema["anyOf"];
  if (Array.isArray(anyOf)) out.push(anyOfIssues(c, anyOf, titled));
  const allOf = schema["allOf"];
  if (Array.isArray(allOf)) for (const part of allOf) out.push(`if (${c.functionOf(part)}(d, p, o)) return true;`);
  return out;
}


/**
 * An anyOf: when no branch holds, the branches meant for this value are tried (by their type, and by a
 * message's `type` member when a branch fixes it); none means a wrong type, one is walked as it is.
 */
export function anyOfIssues(c: IssueCode, written: readonly Json[], titled: string | undefined): string {
  const branches = written.map(branchOf);
  const holds = branches.map((branch) => (isAlwaysValid(branch) ? "isJson(d)" : `${c.verdictOf(branch)}(d)`));
  const shapes = branches.map((branch) => shapeOf(c, branch));
  const special: string[] = [];
  if (titled === "identity" && shapes.some((shape) => shape.required.length > 0)) {
    const names = shapes.flatMap((shape) => shape.required);
    const absent = names.map((name) => `!own.call(d, ${literal(name)})`).join(" && ");
    special.push(`if (${typeCheck("object", "d")} && ${absent}) return add(o, p, "identity", d, ${literal(names)});`);
  } else if (titled !== undefined) {
    // A value that is a container where only scalars are left (a trait value nested too deeply).
    special.push(`if (d !== null && typeof d == "object") return add(o, p, ${literal(titled)}, d, null);`);
  }
  const types = [...new Set(shapes.flatMap((shape) => (shape.type === undefined ? [] : [shape.type])))];
  const formats = shapes.map((shape) => shape.format ?? null);
  const tried = branches.map((branch, i) => `if (${shapes[i]!.condition}) tried.push(${c.functionOf(branch)});`);
  return `if (!(${holds.join(" || ")})) {
${special.join("\n")}
const tried = [];
${tried.join("\n")}
if (tried.length === 0) {
if (add(o, p, ${code("type")}, d, ${literal(types)})) return true;
} else if (tried.length === 1) {
if (tried[0](d, p, o)) return true;
} else if (anyOfIssues(tried, ${literal(formats)}, d, p, o)) return true;
}`;
}


/** What an anyOf needs to know of a branch: its type, a condition for "meant for this value", its format. */
export function shapeOf(c: IssueCode, branch: Json): { type?: JsonType; condition: string; required: string[]; format?: string } {
  const all = parts(c, branch);
  const type = all.map(typeOf).find((t) => t !== undefined);
  const required = all.flatMap((part) => (Array.isArray(part["required"]) ? (part["required"] as string[]) : []));
  const format = all.map((part) => part["format"]).find((f): f is string => typeof f === "string");
  const conditions = type === undefined ? [] : [typeCheck(type, "d")];
  if (type === "object") {
    for (const part of all) {
      const rule = isObject(part["properties"]) ? part["properties"]["type"] : undefined;
      if (rule !== undefined) conditions.push(...discriminators(c, rule));
    }
  }
  return { type, condition: conditions.length > 0 ? conditions.join(" && ") : "true", required, format };
}


/** Conditions on a message's `type` member under which a branch is meant for it (a `const`, or `not` one). */
export function discriminators(c: IssueCode, rule: Json): string[] {
  const out: string[] = [];
  for (const part of parts(c, rule)) {
    if (part["const"] !== undefined) {
      out.push(`(!own.call(d, "type") || d.type === undefined || d.type === ${primitive(part["const"])})`);
    }
    const not = part["not"];
    if (isObject(not) && not["const"] !== undefined) out.push(`d.type !== ${primitive(not["const"])}`);
  }
  return out;
}


/** A schema and its allOf parts, `$ref`s followed. */
export function parts(c: IssueCode, schema: Json): JsonObject[] {
  if (!isObject(schema)) return [];
  const resolved = schema["$ref"] !== undefined ? c.scope.defs.merged(schema) : schema;
  const allOf = Array.isArray(resolved["allOf"]) ? resolved["allOf"] : [];
  return [resolved, ...allOf.flatMap((part) => parts(c, part))];
}


/** A `const` or `enum` value, which the emitters compare with `===`. */
export function primitive(value: Json | undefined): string {
  if (value === undefined || (typeof value === "object" && value !== null)) {
    throw new Error(`Unsupported const/enum value ${JSON.stringify(value)}: only strings, numbers, booleans and null.`);
  }
  return literal(value);
}
