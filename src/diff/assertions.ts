import { canonical, type Json, type JsonObject } from "../json-schema/json.js";
import type { Direction, Probe } from "./change.js";
import { arrayOfLength, FORMAT_SAMPLES, objectOfSize, PATTERN_SAMPLES, stringOfLength, TYPE_SAMPLES } from "./samples.js";

/** A keyword's change at one place, before the place and body are known. */
export interface KeywordChange {
  readonly keyword: string;
  readonly direction: Direction;
  readonly summary: string;
  readonly probes: readonly Probe[];
  readonly broad?: boolean;
}

/** The assertion keywords this module compares; the walk in `compare.ts` handles the applicators. */
export const ASSERTIONS = new Set([
  "type", "enum", "const", "minLength", "maxLength", "pattern", "format", "minimum", "maximum", "exclusiveMinimum",
  "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
]);

const ALL_TYPES = ["string", "number", "integer", "boolean", "null", "object", "array"];

/** The changes of the assertion keywords between two schemas at one place. */
export function assertionChanges(old: JsonObject, next: JsonObject): KeywordChange[] {
  return [
    ...typeChange(old, next),
    ...enumChange(old, next),
    ...bound(old, next, "maxLength", "upper", (n) => lengths(n, stringOfLength)),
    ...bound(old, next, "minLength", "lower", (n) => lengths(n, stringOfLength)),
    ...bound(old, next, "maxItems", "upper", (n) => lengths(n, arrayOfLength)),
    ...bound(old, next, "minItems", "lower", (n) => lengths(n, arrayOfLength)),
    ...bound(old, next, "maxProperties", "upper", (n) => lengths(n, objectOfSize)),
    ...bound(old, next, "minProperties", "lower", (n) => lengths(n, objectOfSize)),
    ...bound(old, next, "maximum", "upper", numbers),
    ...bound(old, next, "exclusiveMaximum", "upper", numbers),
    ...bound(old, next, "minimum", "lower", numbers),
    ...bound(old, next, "exclusiveMinimum", "lower", numbers),
    ...changed(old, next, "multipleOf", (a, b) => numberProbes([a, b, 1, 0.5, typeof a === "number" && typeof b === "number" ? a * b : 1])),
    ...changed(old, next, "uniqueItems", () => [{ kind: "derive", make: (current) => (Array.isArray(current) && current.length > 0 ? [[current[0]!, current[0]!]] : [["a", "a"]]) }]),
    ...changed(old, next, "pattern", () => [...PATTERN_SAMPLES.map((value): Probe => ({ kind: "set", value })), { kind: "derive", make: aroundString }], true),
    ...changed(old, next, "format", () => FORMAT_SAMPLES.map((value): Probe => ({ kind: "set", value })), true),
  ];
}

function typeChange(old: JsonObject, next: JsonObject): KeywordChange[] {
  const before = typesOf(old);
  const after = typesOf(next);
  if (before.join() === after.join()) return [];
  // `integer` is part of `number`: a side that allows `number` still accepts every integer.
  const removed = before.filter((t) => !after.includes(t) && !(t === "integer" && after.includes("number")));
  const added = after.filter((t) => !before.includes(t) && !(t === "integer" && before.includes("number")));
  const out: KeywordChange[] = [];
  const summary = `type ${before.join("|")} → ${after.join("|")}`;
  if (removed.length > 0) out.push({ keyword: "type", direction: "narrowed", summary, probes: typeProbes(removed) });
  if (added.length > 0) out.push({ keyword: "type", direction: "widened", summary, probes: typeProbes(added) });
  return out;
}

function typesOf(schema: JsonObject): string[] {
  const type = schema["type"];
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === "string").sort();
  return [...ALL_TYPES];
}

function typeProbes(types: readonly string[]): Probe[] {
  return types.flatMap((type) => (TYPE_SAMPLES[type] ?? []).map((value): Probe => ({ kind: "set", value })));
}

function enumChange(old: JsonObject, next: JsonObject): KeywordChange[] {
  const before = allowed(old);
  const after = allowed(next);
  if (before === undefined && after === undefined) return [];
  const keys = (values: readonly Json[] | undefined) => new Set((values ?? []).map(canonical));
  const beforeKeys = keys(before);
  const afterKeys = keys(after);
  const out: KeywordChange[] = [];
  const set = (values: readonly Json[]) => values.map((value): Probe => ({ kind: "set", value }));
  if (after !== undefined) {
    const removed = before === undefined ? undefined : before.filter((v) => !afterKeys.has(canonical(v)));
    if (removed === undefined) out.push({ keyword: "enum", direction: "narrowed", summary: `now only ${list(after)}`, probes: [], broad: true });
    else if (removed.length > 0) out.push({ keyword: "enum", direction: "narrowed", summary: `no longer allows ${list(removed)}`, probes: set(removed) });
  }
  if (before !== undefined) {
    const added = after === undefined ? undefined : after.filter((v) => !beforeKeys.has(canonical(v)));
    if (added === undefined) out.push({ keyword: "enum", direction: "widened", summary: `no longer only ${list(before)}`, probes: [], broad: true });
    else if (added.length > 0) out.push({ keyword: "enum", direction: "widened", summary: `now also allows ${list(added)}`, probes: set(added) });
  }
  return out;
}

/** The values `enum` and `const` allow together, or `undefined` when they allow any. */
function allowed(schema: JsonObject): Json[] | undefined {
  const values = Array.isArray(schema["enum"]) ? schema["enum"] : undefined;
  if (!("const" in schema)) return values;
  const only = schema["const"] as Json;
  return values === undefined || values.some((v) => canonical(v) === canonical(only)) ? [only] : [];
}

function list(values: readonly Json[]): string {
  const shown = values.slice(0, 5).map((v) => JSON.stringify(v));
  return values.length > 5 ? `${shown.join(", ")} and ${values.length - 5} more` : shown.join(", ");
}

/** A bound that moved: an upper bound lowered (or added) narrows, raised (or dropped) widens; a lower one the reverse. */
function bound(old: JsonObject, next: JsonObject, keyword: string, which: "upper" | "lower", probes: (values: number[]) => Probe[]): KeywordChange[] {
  const a = typeof old[keyword] === "number" ? (old[keyword] as number) : undefined;
  const b = typeof next[keyword] === "number" ? (next[keyword] as number) : undefined;
  if (a === b) return [];
  const tighter = a === undefined ? true : b === undefined ? false : which === "upper" ? b < a : b > a;
  const summary = `${keyword} ${a ?? "none"} → ${b ?? "none"}`;
  const values = [a, b].filter((v): v is number => v !== undefined);
  return [{ keyword, direction: tighter ? "narrowed" : "widened", summary, probes: probes(values) }];
}

function lengths(values: number[], make: (current: Json | undefined, length: number) => Json): Probe[] {
  // NEW's bound first, just past it first: the smallest witness reads best.
  const sizes = [...new Set([...values].reverse().flatMap((v) => [v + 1, v, v - 1]).filter((v) => Number.isInteger(v) && v >= 0 && v <= 100_000))];
  return [{ kind: "derive", make: (current) => sizes.map((size) => make(current, size)) }];
}

function numbers(values: number[]): Probe[] {
  return numberProbes([...values].reverse().flatMap((v) => [v, v - 1, v + 1, v - 0.5, v + 0.5]));
}

function numberProbes(values: readonly (Json | undefined)[]): Probe[] {
  return [...new Set(values)].filter((v): v is number => typeof v === "number" && Number.isFinite(v)).map((value): Probe => ({ kind: "set", value }));
}

/** A keyword whose change has no direction the keyword alone tells: the witnesses decide. */
function changed(old: JsonObject, next: JsonObject, keyword: string, probes: (a: Json | undefined, b: Json | undefined) => Probe[], broad = false): KeywordChange[] {
  const a = old[keyword];
  const b = next[keyword];
  if (canonical(a) === canonical(b)) return [];
  const direction = a === undefined ? "narrowed" : b === undefined ? "widened" : "changed";
  const summary = `${keyword} ${a === undefined ? "none" : JSON.stringify(a)} → ${b === undefined ? "none" : JSON.stringify(b)}`;
  return [{ keyword, direction, summary, probes: probes(a, b), broad }];
}

/** The value there with a special character before, inside and after it. */
function aroundString(current: Json | undefined): Json[] {
  if (typeof current !== "string") return [];
  const chars = ["", " ", "\t", "\n", "\u00a0", "\u0085", "\u2028", "\ufeff", "\u180e", "\u0000", "\u007f", "é"];
  const around = chars.flatMap((c) => [`${c}${current}`, `${current}${c}`, `${current.slice(0, 1)}${c}${current.slice(1)}`]);
  // Longer and shorter runs of its own characters: a pattern's repetition counts changed.
  const runs = [1, 2, 4, 8, 16, 64, 256].map((length) => stringOfLength(current, length));
  return [...around, ...runs];
}

