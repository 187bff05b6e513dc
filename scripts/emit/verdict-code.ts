import { tooLong, tooShort, type ModuleScope } from "./module-scope.js";
import type { Json, JsonObject } from "./plain.js";
import {
  assertSupported,
  isAlwaysValid,
  isObject,
  literal,
  matchesEverything,
  branchOf,
  identifier,
  otherKeys,
  ownMember,
  speaksOf,
  NUMBER_LIMITS,
  ruleKey,
  schemaKeys,
  typeCheck,
  typeOf,
  type Group,
  GROUPS,
} from "./schema-model.js";

/** A keyword group's checks: conditions that mean "invalid", and statements for what a condition cannot say. */
interface Checks {
  readonly bad: string[];
  readonly statements: string[];
}

/**
 * The verdict half of a generated validator: one function per named schema, `(data) => boolean`, that builds no
 * error and stops at the first rule broken. The order of the checks is free (only the verdict counts), so each
 * object is walked once and the rules of a key are found by a remembered classification of the key.
 */
export class VerdictCode {
  private readonly byName = new Map<string, string>();
  private readonly bySchema = new Map<string, string>();

  constructor(private readonly scope: ModuleScope) {}

  /** The function checking the named schema `#/$defs/<name>`. */
  ofDefinition(name: string): string {
    let fn = this.byName.get(name);
    if (fn === undefined) {
      fn = this.scope.names.unique(identifier("is", name));
      this.byName.set(name, fn);
      this.define(fn, this.scope.defs.get(name), `#/$defs/${name}`);
    }
    return fn;
  }

  /** The function checking a document's root schema. */
  ofRoot(schema: JsonObject): string {
    this.define("isBody", schema, "#");
    return "isBody";
  }

  /** A function checking any schema; one per distinct rule. */
  ofSchema(schema: JsonObject, where: string): string {
    const key = ruleKey(schema);
    let fn = this.bySchema.get(key);
    if (fn === undefined) {
      fn = this.scope.names.next("isSchema");
      this.bySchema.set(key, fn);
      this.define(fn, schema, where);
    }
    return fn;
  }

  private define(fn: string, schema: JsonObject, where: string): void {
    const body = this.check(schema, "d", "return false", where);
    this.scope.declare(`function ${fn}(d) {\n${body}\nreturn true;\n}`);
  }

  /** Statements that run `fail` when the value in `data` breaks `schema`, and fall through when it does not. */
  check(schema: Json, data: string, fail: string, where: string): string {
    if (schema === false) return `${fail};`;
    // A schema that accepts everything still accepts JSON data only: no BigInt, function, Date or cycle.
    if (isAlwaysValid(schema)) return `if (!isJson(${data})) ${fail};`;
    if (!isObject(schema)) throw new Error(`Not a schema at ${where}.`);
    const ref = this.scope.defs.refName(schema);
    if (ref !== undefined) return `if (!${this.ofDefinition(ref)}(${data})) ${fail};`;
    if (schema["$ref"] !== undefined) return this.check(this.scope.defs.merged(schema), data, fail, where);
    assertSupported(schema, where);

    const type = typeOf(schema);
    const bad: string[] = type === undefined ? [] : [`!(${typeCheck(type, data)})`];
    const statements: string[] = [];
    for (const group of GROUPS) {
      const checks = this.group(group, schema, data, fail, where);
      if (checks.bad.length === 0 && checks.statements.length === 0) continue;
      if (group.type === undefined || covers(type, group.type)) {
        bad.push(...checks.bad);
        statements.push(...checks.statements);
      } else if (type === undefined) {
        // No `type`: the group's rules apply only to values of its type.
        const inner = checks.bad.length > 0 ? [`if (${checks.bad.join(" || ")}) ${fail};`, ...checks.statements] : checks.statements;
        statements.push(`if (${typeCheck(group.type, data)}) {\n${inner.join("\n")}\n}`);
      }
      // Otherwise the schema's type excludes the group: its rules never apply.
    }
    const head = bad.length > 0 ? [`if (${bad.join(" || ")}) ${fail};`] : [];
    return [...head, ...statements].join("\n");
  }

  private group(group: Group, schema: JsonObject, data: string, fail: string, where: string): Checks {
    switch (group.type) {
      case undefined:
        return this.anyType(schema, data, fail, where);
      case "number":
        return { bad: numberLimits(schema, data), statements: [] };
      case "string":
        return { bad: this.stringRules(schema, data), statements: [] };
      case "array":
        return this.arrayRules(schema, data, fail, where);
      case "object":
        return { bad: [], statements: this.objectRules(schema, data, fail, where) };
    }
  }

  private anyType(schema: JsonObject, data: string, fail: string, where: string): Checks {
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
        const label = this.scope.names.next("not");
        statements.push(`${label}: {\n${this.check(not, data, `break ${label}`, `${where}/not`)}\n${fail};\n}`);
      }
    }
    const anyOf = schema["anyOf"];
    if (Array.isArray(anyOf)) {
      const done = this.scope.names.next("anyOf");
      const branches = anyOf.map((branch, i) => {
        const label = this.scope.names.next("branch");
        return `${label}: {\n${this.check(branchOf(branch), data, `break ${label}`, `${where}/anyOf/${i}`)}\nbreak ${done};\n}`;
      });
      statements.push(`${done}: {\n${branches.join("\n")}\n${fail};\n}`);
    }
    const allOf = schema["allOf"];
    if (Array.isArray(allOf)) allOf.forEach((part, i) => statements.push(this.check(part, data, fail, `${where}/allOf/${i}`)));
    return { bad, statements };
  }

  private stringRules(schema: JsonObject, data: string): string[] {
    const bad: string[] = [];
    const max = schema["maxLength"];
    if (typeof max === "number") bad.push(`(${tooLong(data, max)})`);
    const min = schema["minLength"];
    if (typeof min === "number" && min > 0) bad.push(`(${tooShort(data, min)})`);
    const pattern = schema["pattern"];
    if (typeof pattern === "string" && !matchesEverything(pattern)) bad.push(`!${this.scope.regex(pattern)}.test(${data})`);
    const format = schema["format"];
    if (typeof format === "string") bad.push(`!${this.scope.format(format)}(${data})`);
    return bad;
  }

  private arrayRules(schema: JsonObject, data: string, fail: string, where: string): Checks {
    const bad: string[] = [];
    if (!speaksOf(schema, "array")) return { bad, statements: [] };
    if (typeof schema["maxItems"] === "number") bad.push(`${data}.length > ${schema["maxItems"]}`);
    if (typeof schema["minItems"] === "number") bad.push(`${data}.length < ${schema["minItems"]}`);
    const items = schema["items"] ?? true;
    const i = this.scope.names.next("i");
    const item = this.scope.names.next("item");
    const body = this.check(items, item, fail, `${where}/items`);
    return { bad, statements: [`for (let ${i} = 0; ${i} < ${data}.length; ${i}++) {\nconst ${item} = ${data}[${i}];\n${body}\n}`] };
  }

  /**
   * An object's rules. With few named properties and no rule on other keys, each property is read by name, as
   * Ajv does. Otherwise one `for...in` walks the keys present and dispatches each to its rules: a body holds few
   * of the many traits a schema names, and reading names that bodies of ever-different shapes lack costs V8 a
   * slow lookup each (Ajv's 48 reads per legacy traits object take ~25x a walk over a 1,000-body batch). Both visit
   * every enumerable property, which is every property of a parsed JSON value; a required property the walk did
   * not meet is read by name after it. The walk's cost follows the keys present: on an object of 128 keys or more,
   * which JSON.parse makes a dictionary, V8 enumerates each key slowly, and reading the names would be cheaper.
   */
  private objectRules(schema: JsonObject, data: string, fail: string, where: string): string[] {
    if (!speaksOf(schema, "object")) return [];
    const n = this.scope.names;
    const properties = (schema["properties"] ?? {}) as JsonObject;
    const patternProperties = (schema["patternProperties"] ?? {}) as JsonObject;
    const names = schemaKeys(properties);
    const patterns = schemaKeys(patternProperties);
    const required = (schema["required"] ?? []) as string[];
    // Keys no rule names hold JSON data all the same.
    const additional = otherKeys(schema);
    const maxProperties = schema["maxProperties"];

    // A property that a pattern also matches with the same rule is checked once, by the pattern.
    const covered = (name: string) =>
      patterns.some((p) => ruleKey(patternProperties[p]!) === ruleKey(properties[name]!) && new RegExp(p, "u").test(name));
    const checked = names.filter((name) => !covered(name));
    const everyKey = patterns.filter((p) => matchesEverything(p));
    const checkAdditional = additional !== undefined && !patterns.some(matchesEverything);
    const tested = patterns.filter((p) => !matchesEverything(p));
    const walked = checked;
    // Many names: the walk dispatches them. Few: they are read by name, cheap rules before the walk (if any) and
    // rules on nested values after it, so that a body with a bad scalar is refused before its traits are walked.
    const dispatched = walked.length > 8 ? walked : [];
    const walk = everyKey.length > 0 || tested.length > 0 || checkAdditional || dispatched.length > 0;
    const byCost = (list: readonly string[]) => [...list].sort((a, b) => cost(properties[a]!) - cost(properties[b]!));

    const byName = (name: string, value: string, ifMissing: string) =>
      `const ${value} = ${ownMember(data, name)};\nif (${value} === undefined) ${ifMissing}\nelse {\n${this.check(properties[name]!, value, fail, `${where}/properties/${name}`)}\n}`;
    const requiredByName = (only: readonly string[]) =>
      only.map((name) =>
        checked.includes(name) ? byName(name, n.next("value"), `${fail};`) : `if (${ownMember(data, name)} === undefined) ${fail};`,
      );
    const readByName = (only: readonly string[]) =>
      byCost(only).map((name) =>
        !checked.includes(name)
          ? `if (${ownMember(data, name)} === undefined) ${fail};`
          : byName(name, n.next("value"), required.includes(name) ? `${fail};` : ";"),
      );

    const out: string[] = [];
    const plan: WalkPlan = { properties, patternProperties, names, required, checked, additional, maxProperties, everyKey, tested, checkAdditional, dispatched };
    const everyName = [...new Set([...required, ...checked])];
    const maxByName = typeof maxProperties === "number" ? [`if (Object.keys(${data}).length > ${maxProperties}) ${fail};`] : [];
    if (!walk) {
      out.push(...readByName(everyName), ...maxByName);
    } else {
      out.push(...this.walk(plan, data, fail, where, readByName, requiredByName));
    }
    return out;
  }

  /**
   * One `for...in` over the keys: the rules of every key (patterns, additional properties) and of the dispatched
   * names, then the names read by name. Returns the statements.
   */
  private walk(
    plan: WalkPlan,
    data: string,
    fail: string,
    where: string,
    readByName: (only: readonly string[]) => string[],
    requiredByName: (only: readonly string[]) => string[],
  ): string[] {
    const n = this.scope.names;
    const { properties, patternProperties, names, required, checked, additional, maxProperties, everyKey, tested, checkAdditional, dispatched } = plan;
    const out: string[] = [];
    const byNameOnly = [...new Set([...required, ...checked])].filter((name) => !dispatched.includes(name));
    out.push(...readByName(byNameOnly.filter((name) => cost(properties[name]) < NESTED)));
    const key = n.next("key");
    const value = n.next("value");
    const body: string[] = [];
    const count = typeof maxProperties === "number" ? n.next("count") : undefined;
    // for...in also visits inherited enumerable keys; only own properties count.
    // A member whose value is \`undefined\` counts as absent, as in Ajv and JSON.stringify.
    body.push(`if (!own.call(${data}, ${key})) continue;`, `const ${value} = ${data}[${key}];`, `if (${value} === undefined) continue;`);
    if (count !== undefined) body.push(`${count}++;`);
    for (const p of everyKey) body.push(this.check(patternProperties[p]!, value, fail, `${where}/patternProperties/${p}`));
    let classes: string | undefined;
    if (tested.length > 0) {
      classes = n.next("classes");
      body.push(`const ${classes} = ${this.scope.classifier(tested, names)}(${key});`);
      const byPattern = tested.flatMap((p, i) => {
        const rule = patternProperties[p]!;
        return [`if (${classes} & ${2 ** i}) {\n${this.check(rule, value, fail, `${where}/patternProperties/${p}`)}\n}`];
      });
      body.push(byPattern.length > 1 ? `if (${classes} !== 0) {\n${byPattern.join("\n")}\n}` : byPattern.join(""));
    }
    // Required properties met in the walk set a bit; any other is read by name after the walk.
    const walkedRequired = required.filter((name) => dispatched.includes(name));
    const seen = walkedRequired.length > 0 ? n.next("seen") : undefined;
    // A member holding nested values is only noted in the walk and checked after it, so that a body with a bad
    // scalar is refused before its traits are walked.
    const held: string[] = [];
    const heldChecks: string[] = [];
    const cases = (checkAdditional ? names : dispatched).map((name) => {
      const bit = walkedRequired.indexOf(name);
      const mark = bit >= 0 ? `${seen} |= ${2 ** bit};\nif (${value} === undefined) ${fail};\n` : "";
      const rule = properties[name];
      let check = "";
      if (dispatched.includes(name) && cost(rule) >= NESTED) {
        const holder = n.next("held");
        held.push(`let ${holder};`);
        check = `${holder} = ${value};`;
        heldChecks.push(`if (${holder} !== undefined) {\n${this.check(rule!, holder, fail, `${where}/properties/${name}`)}\n}`);
      } else if (dispatched.includes(name)) {
        check = this.check(rule!, value, fail, `${where}/properties/${name}`);
        // Like Ajv, a member whose value is `undefined` counts as absent.
        if (check !== "" && bit < 0) check = `if (${value} !== undefined) {\n${check}\n}`;
      }
      return { name, code: `${mark}${check}` };
    });
    let otherwise = "";
    if (checkAdditional) {
      const unmatched = classes === undefined ? "" : `if (${classes} === 0) `;
      otherwise = additional === false ? `${unmatched}${fail};` : `${unmatched}{\n${this.check(additional!, value, fail, `${where}/additionalProperties`)}\n}`;
    }
    if (cases.length > 0) body.push(this.dispatch(key, cases, otherwise));
    else if (otherwise !== "") body.push(otherwise);
    const declarations = [count, seen].filter((v) => v !== undefined).map((v) => `let ${v} = 0;`);
    out.push([...declarations, ...held, `for (const ${key} in ${data}) {\n${body.join("\n")}\n}`].join("\n"));
    out.push(...heldChecks);
    if (seen !== undefined) {
      out.push(`if (${seen} !== ${2 ** walkedRequired.length - 1}) {\n${requiredByName(walkedRequired).join("\n")}\n}`);
    }
    out.push(...readByName(byNameOnly.filter((name) => cost(properties[name]) >= NESTED)));
    // Own keys are never more than the keys for-in visits, so counting in the loop decides most bodies.
    if (count !== undefined) out.push(`if (${count} > ${maxProperties} && Object.keys(${data}).length > ${maxProperties}) ${fail};`);
    return out;
  }

  /** A `switch` on a key: each case's code for the names (one case per distinct code), `otherwise` for other keys. */
  private dispatch(key: string, cases: readonly { name: string; code: string }[], otherwise: string): string {
    const fallback = otherwise === "" ? "" : `default:\n${otherwise}\n`;
    const codes = [...new Set(cases.map((c) => c.code))];
    if (cases.length <= 8) {
      const labels = (code: string) => cases.filter((c) => c.code === code).map((c) => `case ${literal(c.name)}:`).join("\n");
      return `switch (${key}) {\n${codes.map((code) => `${labels(code)}\n${code}\nbreak;`).join("\n")}\n${fallback}}`;
    }
    // Many names: a Map from name to the number of its code, then a dense switch (a jump table).
    const map = this.scope.names.next("cases");
    this.scope.declare(`const ${map} = new Map(${literal(cases.map((c) => [c.name, codes.indexOf(c.code) + 1]))});`);
    return `switch (${map}.get(${key})) {\n${codes.map((code, i) => `case ${i + 1}:\n${code}\nbreak;`).join("\n")}\n${fallback}}`;
  }
}

/** What {@link VerdictCode.walk} needs to know of an object schema. */
interface WalkPlan {
  readonly properties: JsonObject;
  readonly patternProperties: JsonObject;
  readonly names: readonly string[];
  readonly required: readonly string[];
  /** The names whose rule is not always met nor checked by a pattern. */
  readonly checked: readonly string[];
  readonly additional: Json | undefined;
  readonly maxProperties: Json | undefined;
  /** Patterns every key matches, with a rule. */
  readonly everyKey: readonly string[];
  /** Patterns to test each key against (bit i of the key's class). */
  readonly tested: readonly string[];
  readonly checkAdditional: boolean;
  /** The names whose rules the walk applies. */
  readonly dispatched: readonly string[];
}

/** The cost rank of a schema holding nested values ({@link cost}). */
const NESTED = 3;

/** A rough rank of what checking a value against `schema` costs: 1 a scalar, 2 a pattern or format, 3 nested values. */
function cost(schema: Json | undefined): number {
  if (!isObject(schema)) return 1;
  const nested = ["$ref", "anyOf", "allOf", "not", "items", "properties", "patternProperties", "additionalProperties"];
  if (nested.some((keyword) => schema[keyword] !== undefined) || schema["type"] === "object" || schema["type"] === "array") return NESTED;
  return schema["pattern"] !== undefined || schema["format"] !== undefined ? 2 : 1;
}

/** Whether a schema of `type` (already checked) always belongs to `group`, so the group's rules need no type test. */
function covers(type: string | undefined, group: string): boolean {
  return type === group || (type === "integer" && group === "number");
}

function numberLimits(schema: JsonObject, data: string): string[] {
  return Object.entries(NUMBER_LIMITS).flatMap(([keyword, { fail }]) =>
    typeof schema[keyword] === "number" ? [`${data} ${fail} ${schema[keyword]}`] : [],
  );
}

/** A `const` or `enum` value, which the emitters compare with `===`. */
export function primitive(value: Json | undefined): string {
  if (value === undefined || (typeof value === "object" && value !== null)) {
    throw new Error(`Unsupported const/enum value ${JSON.stringify(value)}: only strings, numbers, booleans and null.`);
  }
  return literal(value);
}
