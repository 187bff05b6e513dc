import { tooLong, tooShort, type ModuleScope } from "./module-scope.js";
import type { Json, JsonObject } from "./plain.js";
import {
  assertSupported,
  GROUPS,
  isAlwaysValid,
  isObject,
  literal,
  matchesEverything,
  member,
  NUMBER_LIMITS,
  ruleKey,
  schemaKeys,
  typeCheck,
  typeIsDeferred,
  typeOf,
  usesGroup,
  type Group,
} from "./schema-model.js";
import { primitive, type VerdictCode } from "./verdict-code.js";

/**
 * A JSON Pointer as generated code builds it: a JavaScript expression (or none, at the root of a literal path)
 * followed by a known suffix, so that static steps cost nothing until an error is built.
 */
class Pointer {
  constructor(
    private readonly expr: string | undefined,
    private readonly suffix: string,
  ) {}

  static variable(name: string): Pointer {
    return new Pointer(name, "");
  }

  /** One step whose token is known now. */
  child(token: string): Pointer {
    return new Pointer(this.expr, `${this.suffix}/${token}`);
  }

  /** One step whose token is the value of a JavaScript expression (already escaped). */
  dynamic(token: string): Pointer {
    return new Pointer(`${this.code()} + "/" + ${token}`, "");
  }

  code(): string {
    if (this.expr === undefined) return literal(this.suffix);
    return this.suffix === "" ? this.expr : `${this.expr} + ${literal(this.suffix)}`;
  }
}

/** Where the code of one schema stands: inside its error function, whose parameters name these. */
interface At {
  readonly data: string;
  readonly instancePath: Pointer;
  readonly schemaPath: Pointer;
}

const AT: At = { data: "d", instancePath: Pointer.variable("p"), schemaPath: Pointer.variable("s") };
/** The block an error function leaves to stop at an error (first-error mode). */
const LABEL = "body";

/** The helpers every error function calls, declared once per module. */
export const ERROR_HELPERS = `/**
 * The error that ended a first-error run outside any anyOf. Ajv returns it as the only error; the code records
 * it here (and in the list, so that every enclosing check sees a failure) and stops.
 */
let stopped = null;
/** Records a keyword's error; returns whether to stop (first-error mode). */
function fail(e, a, c, p, s, k, q) {
  const error = { instancePath: p, schemaPath: s, keyword: k, params: q };
  e.push(error);
  if (!a && !c && stopped === null) stopped = error;
  return !a;
}
/** A key as a JSON Pointer token. */
function token(k) {
  return k.indexOf("~") < 0 && k.indexOf("/") < 0 ? k : k.replace(/~/g, "~0").replace(/\\//g, "~1");
}
/** A key as a token of a schemaPath, which Ajv writes as a URI fragment. */
function fragment(k) {
  return encodeURIComponent(token(k));
}`;

/**
 * The error half of a generated validator: one function per distinct schema, `(data, instancePath, schemaPath,
 * errors, allErrors, composite) => boolean`, that lists errors exactly as Ajv's standalone code does, with
 * `allErrors` false (the first error, plus the errors of the branches of the `anyOf` it sits in) or true (every
 * error): same objects, same order, `schemaPath` from the root of the schema with every `$ref` inlined. A
 * function returns whether it added no error. It runs only after the verdict function refused a body, and skips
 * any named schema the verdict accepts. test/validator-code.test.ts compares it with Ajv.
 */
export class ErrorCode {
  private readonly byName = new Map<string, string>();
  private readonly byRule = new Map<string, string>();

  constructor(
    private readonly scope: ModuleScope,
    private readonly verdict: VerdictCode,
  ) {}

  /** The error function of a document's root schema. */
  ofRoot(schema: JsonObject): string {
    this.define("checkBody", schema, undefined);
    return "checkBody";
  }

  /** The error function of a schema: one per named schema, and one per distinct rule otherwise. */
  private functionOf(schema: JsonObject): string {
    const ref = this.scope.defs.refName(schema);
    if (ref !== undefined) {
      let fn = this.byName.get(ref);
      if (fn === undefined) {
        fn = `check${ref}`;
        this.byName.set(ref, fn);
        // A value the verdict accepts has no errors: most values reach here inside a refused body, and pass.
        this.define(fn, this.scope.defs.get(ref), this.verdict.ofDefinition(ref));
      }
      return fn;
    }
    if (schema["$ref"] !== undefined) return this.functionOf(this.scope.defs.merged(schema));
    const key = ruleKey(schema);
    let fn = this.byRule.get(key);
    if (fn === undefined) {
      fn = this.scope.names.next("check");
      this.byRule.set(key, fn);
      this.define(fn, schema, undefined);
    }
    return fn;
  }

  private define(fn: string, schema: JsonObject, verdict: string | undefined): void {
    assertSupported(schema, fn);
    const guard = verdict === undefined ? "" : `if (${verdict}(d)) return true;\n`;
    const body = this.keywords(schema);
    this.scope.declare(`function ${fn}(d, p, s, e, a, c) {\n${guard}const n = e.length;\n${LABEL}: {\n${body}\n}\nreturn e.length === n;\n}`);
  }

  /** A call checking `schema` on `data` as a subschema at the given paths; leaves the caller on an error. */
  private call(schema: Json, data: string, instancePath: Pointer, schemaPath: Pointer, composite = "c"): string {
    if (isAlwaysValid(schema)) return "";
    if (!isObject(schema)) throw new Error(`Unsupported schema ${JSON.stringify(schema)}.`);
    return `if (!${this.invoke(schema, data, instancePath, schemaPath, composite)} && !a) break ${LABEL};`;
  }

  private invoke(schema: JsonObject, data: string, instancePath: Pointer, schemaPath: Pointer, composite: string): string {
    return `${this.functionOf(schema)}(${data}, ${instancePath.code()}, ${schemaPath.code()}, e, a, ${composite})`;
  }

  /**
   * Ajv's `typeAndKeywords`: a type check before the groups (unless deferred into the group of the type, where a
   * wrong type is reported in the `else`), then each group used. In first-error mode a failing keyword ends its
   * group, and a group that ends with errors ends the schema; errors recorded without stopping (a wrong type
   * checked first inside an anyOf, the pattern-properties loop) are caught by the check after the group.
   */
  private keywords(schema: JsonObject): string {
    const type = typeOf(schema);
    const deferred = typeIsDeferred(schema);
    const groups = GROUPS.filter((group) => usesGroup(schema, group));
    const typeError = type === undefined ? "" : this.fail("type", `{ type: ${literal(type)} }`, "type");
    const out: string[] = [];
    let gate = false;
    if (type !== undefined && !deferred) {
      // Inside an anyOf, Ajv reports the type and still runs the first group before it checks for errors.
      out.push(`if (!(${typeCheck(type, AT.data)}) && ${typeError} && !c) break ${LABEL};`);
      gate = groups.length > 0;
    }
    for (const group of groups) {
      const { code, loose } = this.group(group, schema);
      if (group.type === undefined) out.push(code);
      else {
        const wrongType = deferred && type === group.type ? ` else if (${typeError}) break ${LABEL};` : "";
        out.push(`if (${typeCheck(group.type, AT.data)}) {\n${code}\n}${wrongType}`);
      }
      if (gate || loose) out.push(`if (!a && e.length !== n) break ${LABEL};`);
      gate = false;
    }
    return out.join("\n");
  }

  /** The code of one group; `loose` when it can end with errors without having left the schema. */
  private group(group: Group, schema: JsonObject): { code: string; loose: boolean } {
    switch (group.type) {
      case undefined:
        return { code: this.anyType(schema), loose: false };
      case "number":
        return { code: this.numberRules(schema), loose: false };
      case "string":
        return { code: this.stringRules(schema), loose: false };
      case "array":
        return { code: this.arrayRules(schema), loose: false };
      case "object":
        return this.objectRules(schema);
    }
  }

  private anyType(schema: JsonObject): string {
    const out: string[] = [];
    const { data } = AT;
    if (schema["const"] !== undefined) {
      const value = primitive(schema["const"]);
      out.push(`if (${data} !== ${value} && ${this.fail("const", `{ allowedValue: ${value} }`)}) break ${LABEL};`);
    }
    const values = schema["enum"];
    if (Array.isArray(values)) {
      const equal = values.map((v) => `${data} === ${primitive(v)}`).join(" || ");
      out.push(`if (!(${equal}) && ${this.fail("enum", `{ allowedValues: ${literal(values)} }`)}) break ${LABEL};`);
    }
    const not = schema["not"];
    if (not !== undefined) {
      // Ajv checks the inner schema without creating errors: its verdict is all that counts.
      const valid = isAlwaysValid(not) ? "" : `${this.verdict.ofSchema(not as JsonObject, "not")}(${data}) && `;
      out.push(`if (${valid}${this.fail("not", "{}")}) break ${LABEL};`);
    }
    const anyOf = schema["anyOf"];
    if (Array.isArray(anyOf)) {
      // Each branch runs as a composite rule; the first that passes discards the errors of those before it.
      const path = AT.schemaPath.child("anyOf");
      const branches = anyOf.map((branch, i) =>
        isAlwaysValid(branch) ? "true" : this.invoke(branch as JsonObject, data, AT.instancePath, path.child(String(i)), "true"),
      );
      const anyOfError = `fail(e, a, true, ${AT.instancePath.code()}, ${path.code()}, "anyOf", {})`;
      out.push(`{\nconst start = e.length;\nif (${branches.join(" || ")}) e.length = start;\nelse if (${anyOfError}) break ${LABEL};\n}`);
    }
    const allOf = schema["allOf"];
    if (Array.isArray(allOf)) {
      allOf.forEach((part, i) => out.push(this.call(part, data, AT.instancePath, AT.schemaPath.child("allOf").child(String(i)))));
    }
    return out.join("\n");
  }

  private numberRules(schema: JsonObject): string {
    return Object.entries(NUMBER_LIMITS)
      .filter(([keyword]) => typeof schema[keyword] === "number")
      .map(([keyword, { comparison, fail }]) => {
        const limit = schema[keyword] as number;
        const params = `{ comparison: ${literal(comparison)}, limit: ${limit} }`;
        return `if (${AT.data} ${fail} ${limit} && ${this.fail(keyword, params)}) break ${LABEL};`;
      })
      .join("\n");
  }

  private stringRules(schema: JsonObject): string {
    const out: string[] = [];
    const { data } = AT;
    const max = schema["maxLength"];
    // A string over its maxLength is never matched by a pattern or format, even when every error is wanted:
    // that is what keeps a 10 MB value from reaching a regex (unlike Ajv, which reports those errors too).
    const fits = typeof max === "number" ? "fits" : "true";
    if (typeof max === "number") {
      out.push(`const fits = !(${tooLong(data, max)});`);
      out.push(`if (!fits && ${this.fail("maxLength", `{ limit: ${max} }`)}) break ${LABEL};`);
    }
    const min = schema["minLength"];
    if (typeof min === "number" && min > 0) {
      out.push(`if ((${tooShort(data, min)}) && ${this.fail("minLength", `{ limit: ${min} }`)}) break ${LABEL};`);
    }
    const pattern = schema["pattern"];
    if (typeof pattern === "string") {
      const params = `{ pattern: ${this.scope.regexSource(pattern)} }`;
      out.push(`if (${fits} && !${this.scope.regex(pattern)}.test(${data}) && ${this.fail("pattern", params)}) break ${LABEL};`);
    }
    const format = schema["format"];
    if (typeof format === "string") {
      const params = `{ format: ${literal(format)} }`;
      out.push(`if (${fits} && !${this.scope.format(format)}(${data}) && ${this.fail("format", params)}) break ${LABEL};`);
    }
    return out.length > 0 ? `{\n${out.join("\n")}\n}` : "";
  }

  private arrayRules(schema: JsonObject): string {
    const out: string[] = [];
    const { data } = AT;
    for (const [keyword, op] of [["maxItems", ">"], ["minItems", "<"]] as const) {
      const limit = schema[keyword];
      if (typeof limit === "number") out.push(`if (${data}.length ${op} ${limit} && ${this.fail(keyword, `{ limit: ${limit} }`)}) break ${LABEL};`);
    }
    const items = schema["items"];
    if (items !== undefined && !isAlwaysValid(items)) {
      const check = this.call(items, `${data}[i]`, AT.instancePath.dynamic("i"), AT.schemaPath.child("items"));
      out.push(`for (let i = 0, length = ${data}.length; i < length; i++) {\n${check}\n}`);
    }
    return out.join("\n");
  }

  private objectRules(schema: JsonObject): { code: string; loose: boolean } {
    const out: string[] = [];
    const { data } = AT;
    for (const [keyword, op] of [["maxProperties", ">"], ["minProperties", "<"]] as const) {
      const limit = schema[keyword];
      if (typeof limit === "number") {
        out.push(`if (Object.keys(${data}).length ${op} ${limit} && ${this.fail(keyword, `{ limit: ${limit} }`)}) break ${LABEL};`);
      }
    }
    for (const name of (schema["required"] ?? []) as string[]) {
      const params = `{ missingProperty: ${literal(name)} }`;
      out.push(`if (${member(data, name)} === undefined && ${this.fail("required", params)}) break ${LABEL};`);
    }
    const properties = (schema["properties"] ?? {}) as JsonObject;
    const patternProperties = (schema["patternProperties"] ?? {}) as JsonObject;
    const names = schemaKeys(properties);
    const patterns = schemaKeys(patternProperties);
    const additional = schema["additionalProperties"];
    // With patterns, the keys and the patterns each matches (through the key classifier the verdict code uses)
    // are listed once; every loop below then walks the list, in for-in order as Ajv's loops do.
    const tested = patterns.filter((p) => !matchesEverything(p));
    const classify = tested.length > 0 ? this.scope.classifier(tested, names) : "";
    const listed = patterns.length > 0;
    const matches = (pattern: string) => (matchesEverything(pattern) ? "true" : `(classes[j] & ${2 ** tested.indexOf(pattern)}) !== 0`);
    const valueOf = { key: `${data}[k]`, instancePath: AT.instancePath.dynamic("token(k)") };
    const eachKey = (body: string) =>
      listed
        ? `for (let j = 0; j < keys.length; j++) {\nconst k = keys[j];\n${body}\n}`
        : `for (const k in ${data}) {\n${body}\n}`;
    if (listed) {
      const classes = classify === "" ? "" : `\nconst classes = keys.map(${classify});`;
      out.push(`const keys = [];\nfor (const k in ${data}) keys.push(k);${classes}`);
    }

    if (additional !== undefined && !isAlwaysValid(additional)) {
      const conditions = [
        ...(names.length > 0 ? [`!${this.nameSet(names)}.has(k)`] : []),
        ...patterns.map((p) => `!${matches(p)}`),
      ];
      const isAdditional = conditions.length > 0 ? conditions.join(" && ") : "true";
      const path = AT.schemaPath.child("additionalProperties");
      const check =
        additional === false
          ? `if (${this.fail("additionalProperties", "{ additionalProperty: k }", "")}) break ${LABEL};`
          : this.call(additional, valueOf.key, valueOf.instancePath, path);
      out.push(eachKey(`if (${isAdditional}) {\n${check}\n}`));
    }

    const checked = names.filter((name) => !isAlwaysValid(properties[name]!));
    if (checked.length > 0) {
      // A table of (name, check) pairs, walked in the schema's order: Ajv reads each name, as this does.
      // Rows of (name, check), walked in the schema's order: Ajv reads each name, as this does. Each row keeps
      // the path steps of its name once they are first built.
      const table = this.scope.names.next("properties");
      const rows = checked.map((name) => `[${literal(name)}, ${this.functionOf(properties[name] as JsonObject)}]`);
      this.scope.declare(`const ${table} = [\n${rows.join(",\n")}\n];`);
      const steps = `p + (row[2] ??= "/" + token(row[0])), s + (row[3] ??= "/properties/" + fragment(row[0]))`;
      const call = `row[1](v, ${steps}, e, a, c)`;
      out.push(`for (const row of ${table}) {\nconst v = ${data}[row[0]];\nif (v !== undefined && !${call} && !a) break ${LABEL};\n}`);
    }

    // Ajv 2020 tracks evaluated properties here unless `additionalProperties` is present: it then keeps looping
    // after a key fails, and goes on to the next pattern when the last matching key passed.
    const loose = patterns.length > 0 && additional === undefined;
    for (const pattern of patterns) {
      const rule = patternProperties[pattern]!;
      if (isAlwaysValid(rule)) continue;
      const path = `s + ${this.patternStep(pattern)}`;
      const call = `${this.functionOf(rule as JsonObject)}(${valueOf.key}, ${valueOf.instancePath.code()}, ${path}, e, a, c)`;
      out.push(
        loose
          ? `{\nlet valid = true;\n${eachKey(`if (${matches(pattern)}) {\nvalid = ${call};\nif (stopped !== null) break ${LABEL};\n}`)}\nif (!valid && !a) break ${LABEL};\n}`
          : eachKey(`if (${matches(pattern)} && !${call} && !a) break ${LABEL};`),
      );
    }
    return { code: out.join("\n"), loose };
  }

  /** An expression for `/patternProperties/<pattern>` as a schemaPath step, built on first use. */
  private patternStep(pattern: string): string {
    const source = this.scope.regexSource(pattern);
    const step = `${source}Step`;
    if (!this.steps.has(step)) {
      this.steps.add(step);
      this.scope.declare(`let ${step};`);
    }
    return `(${step} ??= "/patternProperties/" + fragment(${source}))`;
  }

  private readonly steps = new Set<string>();

  /** A module-level Set of property names, for the additional-property test. */
  private nameSet(names: readonly string[]): string {
    const set = this.scope.names.next("names");
    this.scope.declare(`const ${set} = new Set(${literal([...names])});`);
    return set;
  }

  /** A call recording the error of `keyword` (schemaPath `<s>/<keyword>` unless `step` says otherwise). */
  private fail(keyword: string, params: string, step: string = keyword): string {
    const schemaPath = step === "" ? AT.schemaPath.child("additionalProperties") : AT.schemaPath.child(step);
    return `fail(e, a, c, ${AT.instancePath.code()}, ${schemaPath.code()}, ${literal(keyword)}, ${params})`;
  }
}
