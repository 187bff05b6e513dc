import type { Json, JsonObject } from "../plain.js";
import { anyTypeVerdict } from "./any-type.js";
import { arrayVerdict } from "./array.js";
import type { ModuleScope } from "./module-scope.js";
import { numberVerdict } from "./number.js";
import { objectVerdict } from "./object.js";
import { assertSupported, GROUPS, identifier, isAlwaysValid, isObject, ruleKey, typeCheck, typeOf, type Group } from "./schema-model.js";
import { stringVerdict } from "./string.js";

/** A keyword group's checks: conditions that mean "invalid", and statements for what a condition cannot say. */
export interface Checks {
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

  constructor(readonly scope: ModuleScope) {}

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
        return anyTypeVerdict(this, schema, data, fail, where);
      case "number":
        return { bad: numberVerdict(schema, data), statements: [] };
      case "string":
        return { bad: stringVerdict(this, schema, data), statements: [] };
      case "array":
        return arrayVerdict(this, schema, data, fail, where);
      case "object":
        return { bad: [], statements: objectVerdict(this, schema, data, fail, where) };
    }
  }






}

/** Whether a schema of `type` (already checked) always belongs to `group`, so the group's rules need no type test. */
function covers(type: string | undefined, group: string): boolean {
  return type === group || (type === "integer" && group === "number");
}
