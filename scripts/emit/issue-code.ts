import { TITLED_ISSUES } from "../../schemas/issue.js";
import { issueOf } from "./keywords.js";
import { tooLong, tooShort, type ModuleScope } from "./module-scope.js";
import type { Json, JsonObject } from "./plain.js";
import {
  assertSupported,
  branchOf,
  identifier,
  otherKeys,
  speaksOf,
  isAlwaysValid,
  isObject,
  literal,
  matchesEverything,
  pointerToken,
  ruleKey,
  schemaKeys,
  typeCheck,
  typeOf,
  type JsonType,
} from "./schema-model.js";
import { primitive, type VerdictCode } from "./verdict-code.js";

/**
 * The helpers every issue function calls, declared once per module. A collector `o` holds the issues found
 * (`list`, each code and path once), how many are wanted (`max`) and whether a count limit was broken
 * (`alone`: such a body is answered by that issue alone). Every issue function returns `true` once the collector is full, and every
 * caller then returns at once: the walk stops at `max` issues.
 */
export const ISSUE_HELPERS = `/** A collector of at most \`max\` issues. */
function collector(max) {
  return { list: [], max, alone: false, seen: new Set() };
}
/** Adds an issue; returns whether the collector is full. */
function add(o, p, c, v, x) {
  const key = c + " " + p;
  if (o.seen.has(key)) return false;
  o.seen.add(key);
  o.list.push({ path: p, code: c, message: issueMessage(c, p, v, x) });
  return o.list.length >= o.max;
}
/** A broken count limit answers alone: listing what else is wrong would cost what the limit exists to refuse. */
function alone(o, p, c, x) {
  o.list.length = 0;
  o.list.push({ path: p, code: c, message: issueMessage(c, p, undefined, x) });
  o.max = 1;
  o.alone = true;
  return true;
}
/** The issues of a value that must be JSON data. */
function jsonIssues(d, p, o) {
  const j = jsonIssue(d, p);
  return j !== undefined && add(o, j.path, "type", j.value, ["JSON data"]);
}
/**
 * The issues of an anyOf none of whose branches holds, from the branches \`tried\` (those meant for this type
 * of value): each is walked into a collector of its own, and the one that got furthest into the value is the
 * one the sender meant. When every branch found only a bad format here, one issue names them all.
 */
function anyOfIssues(tried, formats, d, p, o) {
  const found = tried.map((f) => {
    const t = collector(o.max - o.list.length);
    f(d, p, t);
    return t;
  });
  if (found.every((t) => t.list.length === 1 && t.list[0].code === "format" && t.list[0].path === p)) {
    return add(o, p, ${code("format")}, d, formats);
  }
  let best = found[0];
  for (const t of found) if (reach(t) > reach(best)) best = t;
  if (best.alone) {
    o.list.length = 0;
    o.list.push(best.list[0]);
    o.max = 1;
    o.alone = true;
    return true;
  }
  for (const issue of best.list) {
    const key = issue.code + " " + issue.path;
    if (o.seen.has(key)) continue;
    o.seen.add(key);
    o.list.push(issue);
    if (o.list.length >= o.max) return true;
  }
  return false;
}
/** How far into the value a branch's issues reach: the longest path to a value found wrong (a missing or unknown member's object). */
function reach(t) {
  let m = -1;
  for (const issue of t.list) {
    const at = issue.code === "required" || issue.code === "unknown_property" ? issue.path.lastIndexOf("/") : issue.path.length;
    if (at > m) m = at;
  }
  return m;
}`;

/**
 * The issue half of a generated validator: one function per named schema and per distinct rule,
 * `(data, path, collector) => full`, that walks a refused value once and reports the package's own issues,
 * `{ path, code, message }`, in document order: a value's type first (a wrong type ends its checks), then its
 * keywords in schema order, an object's missing required members before its keys in the order they come, an
 * array's items in order. A named schema the verdict accepts is skipped. The walk stops once the collector
 * holds its maximum, so the work of a refusal is bounded by the value's size and by `maxIssues`.
 */
export class IssueCode {
  private readonly byName = new Map<string, string>();
  private readonly byRule = new Map<string, string>();

  constructor(
    private readonly scope: ModuleScope,
    private readonly verdict: VerdictCode,
  ) {}

  /** The issue function of a document's root schema. */
  ofRoot(schema: JsonObject): string {
    const fn = "issuesOfBody";
    this.define(fn, schema, undefined);
    return fn;
  }

  /** The issue function of any schema: one per named schema, and one per distinct rule otherwise. */
  functionOf(schema: Json): string {
    if (schema === false) return this.ofRule(false);
    if (isAlwaysValid(schema)) return "jsonIssues";
    if (!isObject(schema)) throw new Error(`Not a schema: ${JSON.stringify(schema)}.`);
    const ref = this.scope.defs.refName(schema);
    if (ref !== undefined) {
      let fn = this.byName.get(ref);
      if (fn === undefined) {
        fn = this.scope.names.unique(identifier("issues", ref));
        this.byName.set(ref, fn);
        // A value the verdict accepts has no issues: most values reach here inside a refused body, and pass.
        this.define(fn, this.scope.defs.get(ref), this.verdict.ofDefinition(ref));
      }
      return fn;
    }
    if (schema["$ref"] !== undefined) return this.functionOf(this.scope.defs.merged(schema));
    return this.ofRule(schema);
  }

  private ofRule(schema: JsonObject | false): string {
    const key = ruleKey(schema);
    let fn = this.byRule.get(key);
    if (fn === undefined) {
      fn = this.scope.names.next("issues");
      this.byRule.set(key, fn);
      this.define(fn, schema, undefined);
    }
    return fn;
  }

  private define(fn: string, schema: JsonObject | false, verdict: string | undefined): void {
    const guard = verdict === undefined ? "" : `if (${verdict}(d)) return false;\n`;
    const body = schema === false ? `return add(o, p, "invalid", d, null);` : this.keywords(schema, fn);
    this.scope.declare(`function ${fn}(d, p, o) {\n${guard}${body}\nreturn false;\n}`);
  }

  /** The statements checking every keyword of `schema` on `d` at path `p`. */
  private keywords(schema: JsonObject, where: string): string {
    if (schema["$ref"] !== undefined) return `return ${this.functionOf(schema)}(d, p, o);`;
    assertSupported(schema, where);
    const titled = titledCode(schema);
    if (titled !== undefined && schema["not"] !== undefined && isAlwaysValid(schema["not"])) {
      return `return add(o, p, ${literal(titled)}, d, null);`;
    }
    const out: string[] = [];
    const type = typeOf(schema);
    if (type !== undefined) out.push(`if (!(${typeCheck(type, "d")})) return add(o, p, ${code("type")}, d, [${literal(type)}]);`);
    out.push(...this.anyType(schema, titled));
    const byType: [JsonType, string[]][] = [
      ["number", this.numberRules(schema)],
      ["string", this.stringRules(schema)],
      ["array", this.arrayRules(schema)],
      ["object", this.objectRules(schema)],
    ];
    for (const [group, code] of byType) {
      if (code.length === 0) continue;
      const applies = type === group || (type === "integer" && group === "number");
      if (applies) out.push(...code);
      else if (type === undefined) out.push(`if (${typeCheck(group, "d")}) {\n${code.join("\n")}\n}`);
    }
    return out.join("\n");
  }

  private anyType(schema: JsonObject, titled: string | undefined): string[] {
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
      const holds = isAlwaysValid(not) ? "true" : `${this.verdictOf(not)}(d)`;
      out.push(`if (${holds} && add(o, p, ${literal(titled ?? "invalid")}, d, null)) return true;`);
    }
    const anyOf = schema["anyOf"];
    if (Array.isArray(anyOf)) out.push(this.anyOf(anyOf, titled));
    const allOf = schema["allOf"];
    if (Array.isArray(allOf)) for (const part of allOf) out.push(`if (${this.functionOf(part)}(d, p, o)) return true;`);
    return out;
  }

  /**
   * An anyOf: when no branch holds, the branches meant for this value are tried (by their type, and by a
   * message's `type` member when a branch fixes it); none means a wrong type, one is walked as it is.
   */
  private anyOf(written: readonly Json[], titled: string | undefined): string {
    const branches = written.map(branchOf);
    const holds = branches.map((branch) => (isAlwaysValid(branch) ? "isJson(d)" : `${this.verdictOf(branch)}(d)`));
    const shapes = branches.map((branch) => this.shapeOf(branch));
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
    const tried = branches.map((branch, i) => `if (${shapes[i]!.condition}) tried.push(${this.functionOf(branch)});`);
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
  private shapeOf(branch: Json): { type?: JsonType; condition: string; required: string[]; format?: string } {
    const parts = this.parts(branch);
    const type = parts.map(typeOf).find((t) => t !== undefined);
    const required = parts.flatMap((part) => (Array.isArray(part["required"]) ? (part["required"] as string[]) : []));
    const format = parts.map((part) => part["format"]).find((f): f is string => typeof f === "string");
    const conditions = type === undefined ? [] : [typeCheck(type, "d")];
    if (type === "object") {
      for (const part of parts) {
        const rule = isObject(part["properties"]) ? part["properties"]["type"] : undefined;
        if (rule !== undefined) conditions.push(...this.discriminators(rule));
      }
    }
    return { type, condition: conditions.length > 0 ? conditions.join(" && ") : "true", required, format };
  }

  /** Conditions on a message's `type` member under which a branch is meant for it (a `const`, or `not` one). */
  private discriminators(rule: Json): string[] {
    const out: string[] = [];
    for (const part of this.parts(rule)) {
      if (part["const"] !== undefined) {
        out.push(`(!own.call(d, "type") || d.type === undefined || d.type === ${primitive(part["const"])})`);
      }
      const not = part["not"];
      if (isObject(not) && not["const"] !== undefined) out.push(`d.type !== ${primitive(not["const"])}`);
    }
    return out;
  }

  /** A schema and its allOf parts, `$ref`s followed. */
  private parts(schema: Json): JsonObject[] {
    if (!isObject(schema)) return [];
    const resolved = schema["$ref"] !== undefined ? this.scope.defs.merged(schema) : schema;
    const allOf = Array.isArray(resolved["allOf"]) ? resolved["allOf"] : [];
    return [resolved, ...allOf.flatMap((part) => this.parts(part))];
  }

  private verdictOf(schema: Json): string {
    if (isObject(schema)) {
      const ref = this.scope.defs.refName(schema);
      if (ref !== undefined) return this.verdict.ofDefinition(ref);
    }
    if (schema === false) return "(() => false)";
    return this.verdict.ofSchema(schema as JsonObject, "issues");
  }

  private numberRules(schema: JsonObject): string[] {
    const min = schema["minimum"];
    return typeof min === "number" ? [`if (d < ${min} && add(o, p, ${code("minimum")}, d, ${min})) return true;`] : [];
  }

  /** A string's rules; one over its maxLength is never matched by a pattern or format, so no regex sees it. */
  private stringRules(schema: JsonObject): string[] {
    const rules: string[] = [];
    const max = schema["maxLength"];
    const min = schema["minLength"];
    const pattern = schema["pattern"];
    const format = schema["format"];
    if (typeof min === "number" && min > 0) rules.push(`if ((${tooShort("d", min)}) && add(o, p, ${code("minLength")}, d, ${min})) return true;`);
    if (typeof pattern === "string" && !matchesEverything(pattern)) {
      const regex = this.scope.regex(pattern);
      rules.push(`if (!${regex}.test(d) && add(o, p, ${code("pattern")}, d, ${this.scope.regexSource(pattern)})) return true;`);
    }
    if (typeof format === "string") {
      rules.push(`if (!${this.scope.format(format)}(d) && add(o, p, ${code("format")}, d, [${literal(format)}])) return true;`);
    }
    if (typeof max !== "number") return rules;
    const over = `if (${tooLong("d", max)}) {\nif (add(o, p, ${code("maxLength")}, d, ${max})) return true;\n}`;
    return rules.length === 0 ? [over] : [`${over} else {\n${rules.join("\n")}\n}`];
  }

  private arrayRules(schema: JsonObject): string[] {
    const out: string[] = [];
    if (!speaksOf(schema, "array")) return out;
    const max = schema["maxItems"];
    if (typeof max === "number") out.push(`if (d.length > ${max}) return alone(o, p, ${code("maxItems")}, ${max});`);
    const min = schema["minItems"];
    if (typeof min === "number") out.push(`if (d.length < ${min} && add(o, p, ${code("minItems")}, d, ${min})) return true;`);
    const items = this.functionOf(schema["items"] ?? true);
    out.push(`for (let i = 0; i < d.length; i++) if (${items}(d[i], p + "/" + i, o)) return true;`);
    return out;
  }

  /**
   * An object's rules: the count limit, the missing required members, then one walk over the own keys, each
   * checked against its named rule and the patterns it matches, or else the rule for other keys (any JSON
   * value when the schema says nothing).
   */
  private objectRules(schema: JsonObject): string[] {
    const out: string[] = [];
    if (!speaksOf(schema, "object")) return out;
    const max = schema["maxProperties"];
    if (typeof max === "number") {
      out.push(`{\nlet n = 0;\nfor (const k in d) if (own.call(d, k) && ++n > ${max}) return alone(o, p, ${code("maxProperties")}, ${max});\n}`);
    }
    for (const name of (schema["required"] ?? []) as string[]) {
      const path = literal(`/${pointerToken(name)}`);
      const present = `own.call(d, ${literal(name)}) && d[${literal(name)}] !== undefined`;
      out.push(`if (!(${present}) && add(o, p + ${path}, ${code("required")}, d, ${literal(name)})) return true;`);
    }
    const properties = (schema["properties"] ?? {}) as JsonObject;
    const patternProperties = (schema["patternProperties"] ?? {}) as JsonObject;
    const names = schemaKeys(properties);
    const patterns = schemaKeys(patternProperties);
    const additional = otherKeys(schema);
    const body: string[] = [];
    if (names.length > 0) {
      const table = this.scope.names.next("named");
      const rows = names.map((name) => `[${literal(name)}, ${this.functionOf(properties[name]!)}]`);
      this.scope.declare(`const ${table} = new Map([\n${rows.join(",\n")}\n]);`);
      body.push(`const f = ${table}.get(k);`, `if (f !== undefined) {\nmatched = true;\nif (f(v, q, o)) return true;\n}`);
    }
    const tested = patterns.filter((pattern) => !matchesEverything(pattern));
    if (tested.length > 0) body.push(`const c = ${this.scope.classifier(tested, names)}(k);`);
    for (const pattern of patterns) {
      const matches = matchesEverything(pattern) ? "true" : `(c & ${2 ** tested.indexOf(pattern)}) !== 0`;
      body.push(`if (${matches}) {\nmatched = true;\nif (${this.functionOf(patternProperties[pattern]!)}(v, q, o)) return true;\n}`);
    }
    if (additional !== undefined) {
      const other =
        additional === false
          ? `if (add(o, q, ${code("additionalProperties")}, v, null)) return true;`
          : `if (${this.functionOf(additional)}(v, q, o)) return true;`;
      body.push(`if (!matched) {\n${other}\n}`);
    }
    if (body.length === 0) return out;
    out.push(`for (const k in d) {
if (!own.call(d, k)) continue;
const v = d[k];
if (v === undefined) continue;
const q = p + "/" + token(k);
let matched = false;
${body.join("\n")}
}`);
    return out;
  }
}

/** The issue code a schema's title gives it (schemas/issue.ts), if any. */
function titledCode(schema: JsonObject): string | undefined {
  const title = schema["title"];
  return typeof title === "string" && Object.hasOwn(TITLED_ISSUES, title) ? TITLED_ISSUES[title as keyof typeof TITLED_ISSUES] : undefined;
}

/** A keyword's issue code (keywords.ts), as a literal for generated code. */
function code(keyword: string): string {
  return literal(issueOf(keyword));
}
