import type { Json, JsonObject } from "../plain.js";
import { anyTypeIssues } from "./any-type.js";
import { arrayIssues } from "./array.js";
import { code, titledCode } from "./keywords.js";
import type { ModuleScope } from "./module-scope.js";
import { numberIssues } from "./number.js";
import { objectIssues } from "./object.js";
import { assertSupported, identifier, isAlwaysValid, isObject, literal, ruleKey, typeCheck, typeOf, type JsonType } from "./schema-model.js";
import { stringIssues } from "./string.js";
import type { VerdictCode } from "./verdict.js";

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
  if (isJson(d)) return false;
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
    readonly scope: ModuleScope,
    readonly verdict: VerdictCode,
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
    out.push(...anyTypeIssues(this, schema, titled));
    const byType: [JsonType, string[]][] = [
      ["number", numberIssues(this, schema)],
      ["string", stringIssues(this, schema)],
      ["array", arrayIssues(this, schema)],
      ["object", objectIssues(this, schema)],
    ];
    for (const [group, code] of byType) {
      if (code.length === 0) continue;
      const applies = type === group || (type === "integer" && group === "number");
      if (applies) out.push(...code);
      else if (type === undefined) out.push(`if (${typeCheck(group, "d")}) {\n${code.join("\n")}\n}`);
    }
    return out.join("\n");
  }






  verdictOf(schema: Json): string {
    if (isObject(schema)) {
      const ref = this.scope.defs.refName(schema);
      if (ref !== undefined) return this.verdict.ofDefinition(ref);
    }
    if (schema === false) return "(() => false)";
    return this.verdict.ofSchema(schema as JsonObject, "issues");
  }




}
