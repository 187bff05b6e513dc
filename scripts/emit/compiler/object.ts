import type { Json, JsonObject } from "../plain.js";
import type { IssueCode } from "./issues.js";
import { code } from "./keywords.js";
import { literal, isObject, matchesEverything, schemaKeys, ruleKey, speaksOf, otherKeys, ownMember, pointerToken } from "./schema-model.js";
import type { SpelledName } from "./module-scope.js";
import type { VerdictCode } from "./verdict.js";

// One keyword group of the validator compiler: its verdict code (verdict.ts calls it) and its issue code
// (issues.ts calls it), side by side, as Ajv keeps a keyword's check and error together.

/**
 * An object's rules. With few named properties and no rule on other keys, each property is read by name, as
 * Ajv does. Otherwise one `for...in` walks the keys present and dispatches each to its rules: a body holds few
 * of the many traits a schema names, and reading names that bodies of ever-different shapes lack costs V8 a
 * slow lookup each (Ajv's 48 reads per legacy traits object take ~25x a walk over a 1,000-body batch). Both visit
 * every enumerable property, which is every property of a parsed JSON value; a required property the walk did
 * not meet is read by name after it. The walk's cost follows the keys present: on an object of 128 keys or more,
 * which JSON.parse makes a dictionary, V8 enumerates each key slowly, and reading the names would be cheaper.
 */
export function objectVerdict(c: VerdictCode, schema: JsonObject, data: string, fail: string, where: string): string[] {
  if (!speaksOf(schema, "object")) return [];
  const n = c.scope.names;
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
  // When the keys are walked anyway, the walk dispatches every name too: it meets each own key once, where a
  // read by name would have to ask again whether the member is the object's own.
  const walksKeys = everyKey.length > 0 || tested.length > 0 || checkAdditional;
  const dispatched = walked.length > 8 || walksKeys ? walked : [];
  const walks = walksKeys || dispatched.length > 0;
  const byCost = (list: readonly string[]) => [...list].sort((a, b) => cost(properties[a]!) - cost(properties[b]!));

  const byName = (name: string, value: string, ifMissing: string) =>
    `const ${value} = ${ownMember(data, name)};\nif (${value} === undefined) ${ifMissing}\nelse {\n${c.check(properties[name]!, value, fail, `${where}/properties/${name}`)}\n}`;
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
  const spelled = c.scope.spelledNames(schema);
  if (spelled !== undefined && tested.length === 0) throw new Error(`${where}: spelled names need key patterns.`);
  const plan: WalkPlan = { properties, patternProperties, names, required, checked, additional, maxProperties, everyKey, tested, checkAdditional, dispatched, spelled };
  const everyName = [...new Set([...required, ...checked])];
  const maxByName = typeof maxProperties === "number" ? [`if (Object.keys(${data}).length > ${maxProperties}) ${fail};`] : [];
  if (!walks) {
    out.push(...readByName(everyName), ...maxByName);
  } else {
    out.push(...walk(c, plan, data, fail, where, readByName, requiredByName));
  }
  return out;
}


/**
 * One `for...in` over the keys: the rules of every key (patterns, additional properties) and of the dispatched
 * names, then the names read by name. Returns the statements.
 */
function walk(c: VerdictCode, 
  plan: WalkPlan,
  data: string,
  fail: string,
  where: string,
  readByName: (only: readonly string[]) => string[],
  requiredByName: (only: readonly string[]) => string[],
): string[] {
  const n = c.scope.names;
  const { properties, patternProperties, names, required, checked, additional, maxProperties, everyKey, tested, checkAdditional, dispatched, spelled } = plan;
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
  for (const p of everyKey) body.push(c.check(patternProperties[p]!, value, fail, `${where}/patternProperties/${p}`));
  let classes: string | undefined;
  let masks: string[] = [];
  if (tested.length > 0) {
    classes = n.next("classes");
    body.push(`const ${classes} = ${c.scope.classifier(tested, names, spelled)}(${key});`);
    if (spelled !== undefined) {
      // Two keys that spell one name: each name seen sets a bit, in one of two masks (at most 64 names).
      const number = n.next("spelled");
      masks = spelled.length > 32 ? [n.next("names"), n.next("names")] : [n.next("names")];
      const mark = (mask: string) => `if (${mask} & bit) ${fail};\n${mask} |= bit;`;
      const marks = masks.length === 1 ? mark(masks[0]!) : `if (${number} <= 32) {\n${mark(masks[0]!)}\n} else {\n${mark(masks[1]!)}\n}`;
      body.push(`const ${number} = ${classes} >>> ${tested.length};\nif (${number} !== 0) {\nconst bit = 1 << ((${number} - 1) & 31);\n${marks}\n}`);
    }
    const byPattern = tested.flatMap((p, i) => {
      const rule = patternProperties[p]!;
      return [`if (${classes} & ${2 ** i}) {\n${c.check(rule, value, fail, `${where}/patternProperties/${p}`)}\n}`];
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
  // A name some tested pattern matches never reaches the rule for other keys (its class is not 0): only the
  // names no pattern matches need a case to keep them from it.
  const compiled = tested.map((pattern) => new RegExp(pattern, "u"));
  const unmatched = (name: string) => !compiled.some((regex) => regex.test(name));
  const caseNames = checkAdditional ? names.filter((name) => dispatched.includes(name) || unmatched(name)) : dispatched;
  const cases = caseNames.map((name) => {
    const bit = walkedRequired.indexOf(name);
    const mark = bit >= 0 ? `${seen} |= ${2 ** bit};\nif (${value} === undefined) ${fail};\n` : "";
    const rule = properties[name];
    let check = "";
    if (dispatched.includes(name) && cost(rule) >= NESTED) {
      const holder = n.next("held");
      held.push(`let ${holder};`);
      check = `${holder} = ${value};`;
      heldChecks.push(`if (${holder} !== undefined) {\n${c.check(rule!, holder, fail, `${where}/properties/${name}`)}\n}`);
    } else if (dispatched.includes(name)) {
      check = c.check(rule!, value, fail, `${where}/properties/${name}`);
      // Like Ajv, a member whose value is `undefined` counts as absent.
      if (check !== "" && bit < 0) check = `if (${value} !== undefined) {\n${check}\n}`;
    }
    return { name, code: `${mark}${check}` };
  });
  let otherwise = "";
  if (checkAdditional) {
    const unmatched = classes === undefined ? "" : `if (${classes} === 0) `;
    otherwise = additional === false ? `${unmatched}${fail};` : `${unmatched}{\n${c.check(additional!, value, fail, `${where}/additionalProperties`)}\n}`;
  }
  if (cases.length > 0) body.push(dispatch(c, key, cases, otherwise));
  else if (otherwise !== "") body.push(otherwise);
  const declarations = [count, seen, ...masks].filter((v) => v !== undefined).map((v) => `let ${v} = 0;`);
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
function dispatch(c: VerdictCode, key: string, cases: readonly { name: string; code: string }[], otherwise: string): string {
  const fallback = otherwise === "" ? "" : `default:\n${otherwise}\n`;
  const codes = [...new Set(cases.map((c) => c.code))];
  if (cases.length <= 8) {
    const labels = (code: string) => cases.filter((c) => c.code === code).map((c) => `case ${literal(c.name)}:`).join("\n");
    return `switch (${key}) {\n${codes.map((code) => `${labels(code)}\n${code}\nbreak;`).join("\n")}\n${fallback}}`;
  }
  // Many names: a Map from name to the number of its code, then a dense switch (a jump table).
  const map = c.scope.names.next("cases");
  c.scope.declare(`const ${map} = new Map(${literal(cases.map((c) => [c.name, codes.indexOf(c.code) + 1]))});`);
  return `switch (${map}.get(${key})) {\n${codes.map((code, i) => `case ${i + 1}:\n${code}\nbreak;`).join("\n")}\n${fallback}}`;
}


/** What {@link walk} needs to know of an object schema. */
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
  /** Names two keys must not both spell, if the object has them. */
  readonly spelled: readonly SpelledName[] | undefined;
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


/**
 * An object's rules: the count limit, the missing required members, then one walk over the own keys, each
 * checked against its named rule and the patterns it matches, or else the rule for other keys (any JSON
 * value when the schema says nothing).
 */
export function objectIssues(c: IssueCode, schema: JsonObject): string[] {
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
    const table = c.scope.names.next("named");
    const rows = names.map((name) => `[${literal(name)}, ${c.functionOf(properties[name]!)}]`);
    c.scope.declare(`const ${table} = new Map([\n${rows.join(",\n")}\n]);`);
    body.push(`const f = ${table}.get(k);`, `if (f !== undefined) {\nmatched = true;\nif (f(v, q, o)) return true;\n}`);
  }
  const tested = patterns.filter((pattern) => !matchesEverything(pattern));
  const spelled = c.scope.spelledNames(schema);
  let before = "";
  if (tested.length > 0) body.push(`const c = ${c.scope.classifier(tested, names, spelled)}(k);`);
  for (const pattern of patterns) {
    const matches = matchesEverything(pattern) ? "true" : `(c & ${2 ** tested.indexOf(pattern)}) !== 0`;
    body.push(`if (${matches}) {\nmatched = true;\nif (${c.functionOf(patternProperties[pattern]!)}(v, q, o)) return true;\n}`);
  }
  if (additional !== undefined) {
    const other =
      additional === false
        ? `if (add(o, q, ${code("additionalProperties")}, v, null)) return true;`
        : `if (${c.functionOf(additional)}(v, q, o)) return true;`;
    body.push(`if (!matched) {\n${other}\n}`);
  }
  if (spelled !== undefined) {
    // The first key that spelled each name, by the name's number: a second one is a duplicate, reported after
    // the rules of its value, as the value is part of the key's member.
    const spelledNames = c.scope.names.next("spelledNames");
    c.scope.declare(`const ${spelledNames} = ${literal(spelled.map(({ name }) => name))};`);
    before = "const firstSpelling = new Map();\n";
    body.push(`const r = c >>> ${tested.length};
if (r !== 0) {
const first = firstSpelling.get(r);
if (first === undefined) firstSpelling.set(r, k);
else if (add(o, q, "duplicate_trait", v, [k, first, ${spelledNames}[r - 1]])) return true;
}`);
  }
  if (body.length === 0) return out;
  out.push(`${before}for (const k in d) {
if (!own.call(d, k)) continue;
const v = d[k];
if (v === undefined) continue;
const q = p + "/" + token(k);
let matched = false;
${body.join("\n")}
}`);
  return out;
}
