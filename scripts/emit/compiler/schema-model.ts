import { ANNOTATIONS, KEYWORDS } from "./keywords.js";
import type { Json, JsonObject } from "../plain.js";

// What the validator compiler (verdict.ts, issues.ts and the keyword groups) knows about JSON Schema: the keywords it
// implements (keywords.ts), the order in which it applies them, and how a `$ref` to a named schema is resolved.

/** A type-specific keyword group: its keywords apply only to data of its type. */
export interface Group {
  readonly type: "number" | "string" | "array" | "object" | undefined;
  readonly keywords: readonly string[];
}

/** The keyword groups, from the keyword table: keywords for any value first, then one group per type. */
export const GROUPS: readonly Group[] = ([undefined, "number", "string", "array", "object"] as const).map((type) => ({
  type,
  keywords: Object.keys(KEYWORDS).filter((keyword) => keyword !== "type" && keyword !== "$ref" && KEYWORDS[keyword]!.group === type),
}));

export type JsonType = "string" | "number" | "integer" | "boolean" | "null" | "array" | "object";

/** A JavaScript condition that holds when `data` (an identifier) has the JSON type, as Ajv tests it. */
export function typeCheck(type: JsonType, data: string): string {
  switch (type) {
    case "string":
      return `typeof ${data} == "string"`;
    case "number":
      return `typeof ${data} == "number" && isFinite(${data})`;
    case "integer":
      return `typeof ${data} == "number" && !(${data} % 1) && !isNaN(${data}) && isFinite(${data})`;
    case "boolean":
      return `typeof ${data} == "boolean"`;
    case "null":
      return `${data} === null`;
    case "array":
      return `Array.isArray(${data})`;
    case "object":
      // Only a plain object is a JSON object: a Date, a Map or an object made from another is not.
      return `${data} !== null && typeof ${data} == "object" && !Array.isArray(${data}) && plain(${data})`;
  }
}

/** The schema's single `type`, if it has one. */
export function typeOf(schema: JsonObject): JsonType | undefined {
  const type = schema["type"];
  if (type === undefined) return undefined;
  if (typeof type !== "string") throw new Error(`Unsupported type ${JSON.stringify(type)}: only single types are emitted.`);
  return type as JsonType;
}

/** A schema that accepts everything: `true`, `{}`, or one with annotations only. */
export function isAlwaysValid(schema: Json): boolean {
  if (schema === true) return true;
  if (!isObject(schema)) return false;
  return Object.keys(schema).every((key) => ANNOTATIONS.has(key));
}

/**
 * Throws on a keyword the emitters do not implement, or a keyword value of the wrong shape, so that a new or
 * mistyped rule in schemas/ fails generation rather than being emitted silently.
 */
export function assertSupported(schema: JsonObject, where: string): void {
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    const keyword = Object.hasOwn(KEYWORDS, key) ? KEYWORDS[key] : undefined;
    if (keyword === undefined) throw new Error(`Unsupported keyword ${key} at ${where}.`);
    if (!keyword.value(value)) throw new Error(`Unsupported keyword value: ${key} at ${where} must be ${keyword.expected}; got ${JSON.stringify(value)}.`);
  }
}

/** The keys of `properties` or `patternProperties`; `__proto__` is a name like any other. */
export function schemaKeys(map: Json | undefined): string[] {
  return isObject(map) ? Object.keys(map) : [];
}

/**
 * Resolves local references against `$defs`: a `$ref` with no other keyword is a call to the named schema;
 * one with sibling keywords is merged with its target (the target first, then the siblings).
 */
export class Definitions {
  constructor(private readonly defs: JsonObject) {}

  /** The name a schema refers to when it is nothing but a `$ref` (annotations aside). */
  refName(schema: JsonObject): string | undefined {
    const ref = schema["$ref"];
    if (typeof ref !== "string") return undefined;
    const siblings = Object.keys(schema).filter((key) => key !== "$ref" && !ANNOTATIONS.has(key));
    return siblings.length === 0 ? this.nameOf(ref) : undefined;
  }

  /** The schema a `$ref` with sibling keywords stands for: the target, then the siblings. */
  merged(schema: JsonObject): JsonObject {
    const { $ref, ...siblings } = schema;
    return { ...this.get(this.nameOf(String($ref))), ...siblings };
  }

  /** Whether `$defs` holds a schema of this name. */
  has(name: string): boolean {
    return Object.hasOwn(this.defs, name) && isObject(this.defs[name]);
  }

  get(name: string): JsonObject {
    const target = Object.hasOwn(this.defs, name) ? this.defs[name] : undefined;
    if (!isObject(target)) throw new Error(`Unknown reference #/$defs/${name}.`);
    return target;
  }

  private nameOf(ref: string): string {
    if (!ref.startsWith("#/$defs/")) throw new Error(`Unsupported reference ${ref}: only #/$defs/Name.`);
    // A URI fragment holding a JSON Pointer token: percent-encoded, then ~1 and ~0 escaped.
    const token = ref.slice("#/$defs/".length);
    if (token.includes("/")) throw new Error(`Unsupported reference ${ref}: only #/$defs/Name.`);
    return decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~");
  }
}

/** A schema with annotations removed at every level, as a string: equal strings state equal rules. */
export function ruleKey(schema: Json): string {
  const unchecked = isObject(schema) && (schema as { [UNCHECKED]?: boolean })[UNCHECKED] === true;
  return `${JSON.stringify(stripAnnotations(schema))}${unchecked ? " unchecked" : ""}`;
}

/**
 * Marks an object schema whose unnamed keys are not checked to hold JSON data. An object written directly as
 * an anyOf branch gets it: the branch only decides which shape the value has (a message with a \`userId\`, or
 * with an \`anonymousId\`), and walking every other key of the value once per branch would cost the verdict
 * as much again as the rest of the body. Every other open object checks its other keys.
 */
export const UNCHECKED: unique symbol = Symbol("unchecked keys");

/** A schema as an anyOf branch: an inline object schema with no rule for other keys gets {@link UNCHECKED}. */
export function branchOf(schema: Json): Json {
  if (!isObject(schema) || schema["$ref"] !== undefined || schema["additionalProperties"] !== undefined) return schema;
  return Object.assign({ ...schema }, { [UNCHECKED]: true });
}

/**
 * Whether a schema says anything about values of a group's type: its `type` is that type, or it uses one of
 * the group's keywords. Only then do the implicit rules apply (an array's items, an object's other keys are
 * JSON data): a schema with no type, such as an anyOf holder, leaves its values to its branches.
 */
export function speaksOf(schema: JsonObject, group: "array" | "object"): boolean {
  return schema["type"] === group || GROUPS.some((g) => g.type === group && g.keywords.some((k) => schema[k] !== undefined));
}

/** The rule for keys no property or pattern names: the schema's own, or any JSON value unless unchecked. */
export function otherKeys(schema: JsonObject): Json | undefined {
  return schema["additionalProperties"] ?? ((schema as { [UNCHECKED]?: boolean })[UNCHECKED] === true ? undefined : true);
}

function stripAnnotations(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(stripAnnotations);
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    // Inside `properties` and `patternProperties` the keys are names, not keywords.
    out[key] = key === "properties" || key === "patternProperties" ? mapValues(value, stripAnnotations) : stripAnnotations(value);
  }
  return out;
}

function mapValues(value: Json, f: (v: Json) => Json): Json {
  return isObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)])) : value;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---- code text -------------------------------------------------------------------------------------------------

/** A JavaScript literal for a JSON value (strings escaped by JSON.stringify). */
export function literal(value: Json): string {
  return JSON.stringify(value);
}

/** `data.name` when `name` is an identifier, else `data["name"]`. */
export function member(data: string, name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${data}.${name}` : `${data}[${literal(name)}]`;
}

/** The object's own property `name`, or `undefined`: an inherited property never counts. */
export function ownMember(data: string, name: string): string {
  return `(own.call(${data}, ${literal(name)}) ? ${member(data, name)} : undefined)`;
}

/** A JavaScript identifier made from `name`, safe to paste into generated code (callers make it unique). */
export function identifier(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9_$]/g, "_")}`;
}

/** The helpers the verdict and issue code share, declared once per module. */
export const SHARED_HELPERS = `const own = Object.prototype.hasOwnProperty;
/** Whether an object is plain, as JSON.parse makes them. */
function plain(d) {
  const p = Object.getPrototypeOf(d);
  return p === Object.prototype || p === null;
}
/**
 * Whether a value is JSON data: null, a string, a boolean, a finite number, or a plain object or array of JSON
 * data with no cycle; a member whose value is \`undefined\` counts as absent. A container met twice without a
 * cycle (shared) is checked once. Walked with a stack of its own: no depth overflows it.
 */
function isJson(v) {
  if (v === null || typeof v == "string" || typeof v == "boolean") return true;
  if (typeof v == "number") return isFinite(v);
  if (typeof v != "object") return false;
  jsonBudget = 4096;
  const fast = quickJson(v, 0);
  return fast === 2 ? jsonIssue(v, "") === undefined : fast === 1;
}
/** Containers the quick check may still visit before it leaves the decision to the full walk. */
let jsonBudget = 0;
/**
 * The common case of {@link isJson}, with no allocation: recursive, at most 64 levels and 4,096 containers
 * deep into the value. 1: JSON data; 0: not; 2: undecided (too deep, too many containers, or a cycle, which
 * only the full walk tells from a value shared by two members).
 */
function quickJson(x, depth) {
  if (--jsonBudget < 0 || depth > 64) return 2;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const e = x[i];
      if (e === null || typeof e == "string" || typeof e == "boolean") continue;
      if (typeof e == "number") { if (isFinite(e)) continue; return 0; }
      if (typeof e != "object") return 0;
      const r = quickJson(e, depth + 1);
      if (r !== 1) return r;
    }
    return 1;
  }
  if (!plain(x)) return 0;
  for (const k in x) {
    if (!own.call(x, k)) continue;
    const e = x[k];
    if (e === undefined || e === null || typeof e == "string" || typeof e == "boolean") continue;
    if (typeof e == "number") { if (isFinite(e)) continue; return 0; }
    if (typeof e != "object") return 0;
    const r = quickJson(e, depth + 1);
    if (r !== 1) return r;
  }
  return 1;
}
/**
 * The first value in \`v\` that is not JSON data, as { path, value }, or undefined. Depth-first, marking each
 * container open on the way in and done on the way out: an open container met again is a cycle, a done one is
 * shared and skipped. Each entry links to its parent, so that only the path reported is ever built.
 */
function jsonIssue(v, p) {
  const stack = [{ x: v, up: null, k: "", leave: false }];
  const state = new Map();
  while (stack.length > 0) {
    const at = stack.pop();
    const x = at.x;
    if (at.leave) {
      state.set(x, 2);
      continue;
    }
    if (x === null || typeof x == "string" || typeof x == "boolean") continue;
    if (typeof x == "number" && isFinite(x)) continue;
    const seen = typeof x == "object" ? state.get(x) : undefined;
    if (seen === 2) continue;
    if (typeof x != "object" || seen === 1 || !(Array.isArray(x) || plain(x))) return { path: p + pathOf(at), value: x };
    state.set(x, 1);
    stack.push({ x, up: null, k: "", leave: true });
    if (Array.isArray(x)) {
      for (let i = x.length - 1; i >= 0; i--) stack.push({ x: x[i], up: at, k: String(i), leave: false });
    } else {
      const keys = [];
      for (const k in x) if (own.call(x, k) && x[k] !== undefined) keys.push(k);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ x: x[keys[i]], up: at, k: token(keys[i]), leave: false });
    }
  }
  return undefined;
}
function pathOf(at) {
  const tokens = [];
  for (let e = at; e.up !== null; e = e.up) tokens.push(e.k);
  return tokens.length === 0 ? "" : "/" + tokens.reverse().join("/");
}
/** A key as a JSON Pointer token. */
function token(k) {
  return k.indexOf("~") < 0 && k.indexOf("/") < 0 ? k : k.replace(/~/g, "~0").replace(/\\//g, "~1");
}`;

/** A JSON Pointer token (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function pointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Patterns that every string matches, which need no test. */
const MATCH_ALL = new Set(["", "^[\\s\\S]*$", "[\\s\\S]*", "^[\\s\\S]*"]);

export function matchesEverything(pattern: string): boolean {
  return MATCH_ALL.has(pattern);
}

/** Allocates names that are unique within one generated module. */
export class Names {
  private readonly counts = new Map<string, number>();
  private readonly taken = new Set<string>();

  /** `name` itself when it is free, else `name_1`, `name_2`, ...: the first free one. */
  unique(name: string): string {
    let candidate = name;
    for (let i = 1; this.taken.has(candidate); i++) candidate = `${name}_${i}`;
    this.taken.add(candidate);
    return candidate;
  }

  /** `prefix0`, `prefix1`, ...: the next free one. */
  next(prefix: string): string {
    let candidate: string;
    do {
      const n = this.counts.get(prefix) ?? 0;
      this.counts.set(prefix, n + 1);
      candidate = `${prefix}${n}`;
    } while (this.taken.has(candidate));
    this.taken.add(candidate);
    return candidate;
  }
}
