import { canonical, child, isObject, type Json, type JsonObject } from "../json-schema/json.js";
import { assertionChanges, ASSERTIONS } from "./assertions.js";
import type { Change, Probe } from "./change.js";
import { acceptsNothing, ANNOTATIONS, nodeAt, type SchemaNode } from "./schema-node.js";
import type { Slot } from "./spec.js";
import type { Step } from "./step.js";
import { matches } from "./matches.js";

/** The most schema pairs one body's comparison visits; past it the rest is reported as one unconfirmed change. */
export const MAX_VISITS = 20_000;

/** The deepest nesting of schemas compared; a deeper one is reported as one unconfirmed change. */
export const MAX_DEPTH = 128;

/** Keywords the walk below descends into. */
const APPLICATORS = new Set(["$ref", "properties", "required", "additionalProperties", "patternProperties", "items", "prefixItems", "anyOf", "oneOf", "allOf"]);

interface Walk {
  readonly old: ReadonlyMap<string, Json>;
  readonly next: ReadonlyMap<string, Json>;
  readonly slot: Slot;
  readonly out: Change[];
  /** The schema pairs being compared on the way down, so that a recursive schema ends. */
  readonly stack: Set<string>;
  visits: number;
}

const ANYTHING: JsonObject = {};

/**
 * Every difference between OLD's and NEW's schema of one body, keyword by keyword, in the body's terms: where
 * in the body it applies and which way it moves the verdict. A member only one side names is compared with
 * what the other side accepts for that name (its `patternProperties` or `additionalProperties`), so a property
 * removed from a closed object reads as "no longer allowed" and one added to an open object changes only as
 * much as its schema is stricter than the one before. Does no validation: see `witness.ts`.
 */
export function compareSlot(old: { documents: ReadonlyMap<string, Json>; slot: Slot }, next: { documents: ReadonlyMap<string, Json>; slot: Slot }): Change[] {
  const walk: Walk = { old: old.documents, next: next.documents, slot: next.slot, out: [], stack: new Set(), visits: 0 };
  const a = nodeAt(old.documents, old.slot.doc, old.slot.pointer);
  const b = nodeAt(next.documents, next.slot.doc, next.slot.pointer);
  compare(walk, a, b, []);
  return walk.out;
}

function compare(walk: Walk, a: SchemaNode | undefined, b: SchemaNode | undefined, steps: readonly Step[]): void {
  if (a === undefined || b === undefined) {
    emit(walk, steps, { keyword: "$ref", direction: "changed", summary: `a $ref in ${a === undefined ? "OLD" : "NEW"} leads nowhere`, probes: [], broad: true });
    return;
  }
  const pair = `${a.doc}#${a.pointer}|${b.doc}#${b.pointer}`;
  if (walk.stack.has(pair)) return;
  if (walk.stack.size >= MAX_DEPTH) {
    emit(walk, steps, { keyword: "*", direction: "changed", summary: `nested deeper than ${MAX_DEPTH} schemas; not compared further`, probes: [], broad: true });
    return;
  }
  if (++walk.visits > MAX_VISITS) {
    if (walk.visits === MAX_VISITS + 1) emit(walk, steps, { keyword: "*", direction: "changed", summary: `more than ${MAX_VISITS} schema pairs; not compared further`, probes: [], broad: true });
    return;
  }
  walk.stack.add(pair);
  try {
    compareNodes(walk, a, b, steps);
  } finally {
    walk.stack.delete(pair);
  }
}

function compareNodes(walk: Walk, a: SchemaNode, b: SchemaNode, steps: readonly Step[]): void {
  const old = a.schema;
  const next = b.schema;
  const oldNothing = acceptsNothing(old);
  const nextNothing = acceptsNothing(next);
  if (oldNothing || nextNothing) {
    if (oldNothing && !nextNothing) emit(walk, steps, { keyword: "allowed", direction: "widened", summary: "now allowed", probes: samplesOf(next), broad: true });
    if (!oldNothing && nextNothing) emit(walk, steps, { keyword: "allowed", direction: "narrowed", summary: "no longer allowed", probes: samplesOf(old), broad: true });
    return;
  }
  for (const change of assertionChanges(old, next)) emit(walk, steps, change);
  refs(walk, a, b, steps);
  objects(walk, a, b, steps);
  arrays(walk, a, b, steps);
  for (const keyword of ["anyOf", "oneOf", "allOf"]) combinator(walk, a, b, keyword, steps);
  // Whatever else decides a verdict (not, if/then/else, contains, propertyNames, ...) is compared as a whole.
  const keys = new Set([...Object.keys(old), ...Object.keys(next)]);
  for (const keyword of keys) {
    if (ASSERTIONS.has(keyword) || APPLICATORS.has(keyword) || ANNOTATIONS.has(keyword) || keyword.startsWith("x-")) continue;
    if (canonical(old[keyword]) === canonical(next[keyword])) continue;
    emit(walk, steps, { keyword, direction: "changed", summary: `${keyword} changed`, probes: [], broad: true });
  }
}

/** A `$ref` beside other keywords: the two targets are compared (a bare `$ref` was already followed). */
function refs(walk: Walk, a: SchemaNode, b: SchemaNode, steps: readonly Step[]): void {
  const refA = a.schema["$ref"];
  const refB = b.schema["$ref"];
  if (typeof refA !== "string" && typeof refB !== "string") return;
  if (typeof refA === "string" && typeof refB === "string") {
    const ta = resolveRef(walk.old, a.doc, refA);
    const tb = resolveRef(walk.next, b.doc, refB);
    return compare(walk, ta, tb, steps);
  }
  emit(walk, steps, { keyword: "$ref", direction: "changed", summary: `$ref ${String(refA ?? "none")} → ${String(refB ?? "none")}`, probes: [], broad: true });
}

function resolveRef(documents: ReadonlyMap<string, Json>, doc: string, ref: string): SchemaNode | undefined {
  const hash = ref.indexOf("#");
  const file = hash === -1 ? ref : ref.slice(0, hash);
  let pointer = hash === -1 ? "" : ref.slice(hash + 1);
  try {
    pointer = decodeURIComponent(pointer);
  } catch {
    // An undecodable fragment is looked up as written.
  }
  return nodeAt(documents, file === "" ? doc : file.replace(/^\.\//, ""), pointer);
}

function objects(walk: Walk, a: SchemaNode, b: SchemaNode, steps: readonly Step[]): void {
  const old = a.schema;
  const next = b.schema;
  const oldProps = isObject(old["properties"]) ? Object.keys(old["properties"]) : [];
  const nextProps = isObject(next["properties"]) ? Object.keys(next["properties"]) : [];
  for (const name of new Set([...oldProps, ...nextProps])) {
    const inOld = oldProps.includes(name);
    const inNext = nextProps.includes(name);
    const sa = inOld ? sub(walk.old, a, "properties", name) : otherMember(walk.old, a, name);
    const sb = inNext ? sub(walk.next, b, "properties", name) : otherMember(walk.next, b, name);
    const at = [...steps, { kind: "property", name } as const];
    if (!inOld) emit(walk, at, { keyword: "properties", direction: "none", summary: `property "${name}" added`, probes: [] });
    if (!inNext) emit(walk, at, { keyword: "properties", direction: "none", summary: `property "${name}" removed`, probes: [] });
    compare(walk, sa, sb, at);
  }
  const requiredA = strings(old["required"]);
  const requiredB = strings(next["required"]);
  for (const name of requiredB.filter((n) => !requiredA.includes(n))) {
    emit(walk, [...steps, { kind: "property", name }], { keyword: "required", direction: "narrowed", summary: `"${name}" now required`, probes: [{ kind: "delete" }] });
  }
  for (const name of requiredA.filter((n) => !requiredB.includes(n))) {
    emit(walk, [...steps, { kind: "property", name }], { keyword: "required", direction: "widened", summary: `"${name}" no longer required`, probes: [{ kind: "delete" }] });
  }
  const patternsA = isObject(old["patternProperties"]) ? Object.keys(old["patternProperties"]) : [];
  const patternsB = isObject(next["patternProperties"]) ? Object.keys(next["patternProperties"]) : [];
  for (const pattern of new Set([...patternsA, ...patternsB])) {
    const at = [...steps, { kind: "pattern", pattern } as const];
    if (patternsA.includes(pattern) && patternsB.includes(pattern)) {
      const sa = sub(walk.old, a, "patternProperties", pattern);
      const sb = sub(walk.next, b, "patternProperties", pattern);
      compare(walk, sa, sb, at);
    } else {
      const summary = `patternProperties ${patternsA.includes(pattern) ? "no longer" : "now"} has /${pattern}/`;
      emit(walk, [...steps, { kind: "names", pattern }], { keyword: "patternProperties", direction: "changed", summary, probes: [], broad: true });
    }
  }
  if (old["additionalProperties"] !== undefined || next["additionalProperties"] !== undefined) {
    const sa = old["additionalProperties"] === undefined ? implicit(a) : sub(walk.old, a, "additionalProperties");
    const sb = next["additionalProperties"] === undefined ? implicit(b) : sub(walk.next, b, "additionalProperties");
    const at = [...steps, { kind: "additional", known: [...new Set([...oldProps, ...nextProps])], patterns: [...new Set([...patternsA, ...patternsB])] } as const];
    compare(walk, sa, sb, at);
  }
}

/** What a schema accepts for a member `properties` does not name: the first matching pattern's schema, else `additionalProperties`. */
function otherMember(documents: ReadonlyMap<string, Json>, node: SchemaNode, name: string): SchemaNode | undefined {
  const patterns = node.schema["patternProperties"];
  if (isObject(patterns)) {
    for (const pattern of Object.keys(patterns)) if (matches(pattern, name)) return sub(documents, node, "patternProperties", pattern);
  }
  if (node.schema["additionalProperties"] === undefined) return implicit(node);
  return sub(documents, node, "additionalProperties");
}

function arrays(walk: Walk, a: SchemaNode, b: SchemaNode, steps: readonly Step[]): void {
  const prefixA = Array.isArray(a.schema["prefixItems"]) ? a.schema["prefixItems"].length : 0;
  const prefixB = Array.isArray(b.schema["prefixItems"]) ? b.schema["prefixItems"].length : 0;
  for (let i = 0; i < Math.max(prefixA, prefixB); i++) {
    const sa = i < prefixA ? sub(walk.old, a, "prefixItems", String(i)) : a.schema["items"] === undefined ? implicit(a) : sub(walk.old, a, "items");
    const sb = i < prefixB ? sub(walk.next, b, "prefixItems", String(i)) : b.schema["items"] === undefined ? implicit(b) : sub(walk.next, b, "items");
    compare(walk, sa, sb, [...steps, { kind: "index", index: i }]);
  }
  if (a.schema["items"] === undefined && b.schema["items"] === undefined) return;
  const sa = a.schema["items"] === undefined ? implicit(a) : sub(walk.old, a, "items");
  const sb = b.schema["items"] === undefined ? implicit(b) : sub(walk.next, b, "items");
  compare(walk, sa, sb, [...steps, { kind: "items" }]);
}

/** `anyOf`, `oneOf`, `allOf`: branch by branch when both have as many, else one change the witnesses decide. */
function combinator(walk: Walk, a: SchemaNode, b: SchemaNode, keyword: string, steps: readonly Step[]): void {
  const old = a.schema[keyword];
  const next = b.schema[keyword];
  if (old === undefined && next === undefined) return;
  if (Array.isArray(old) && Array.isArray(next) && old.length === next.length) {
    for (let i = 0; i < old.length; i++) {
      const sa = sub(walk.old, a, keyword, String(i));
      const sb = sub(walk.next, b, keyword, String(i));
      compare(walk, sa, sb, steps);
    }
    return;
  }
  const count = (value: Json | undefined) => (Array.isArray(value) ? `${value.length} branches` : "none");
  emit(walk, steps, { keyword, direction: "changed", summary: `${keyword} ${count(old)} → ${count(next)}`, probes: [], broad: true });
}

function emit(walk: Walk, steps: readonly Step[], change: Omit<Change, "slot" | "side" | "steps" | "broad"> & { broad?: boolean }): void {
  walk.out.push({ ...change, slot: walk.slot.name, side: walk.slot.side, steps, broad: change.broad ?? false });
}

function sub(documents: ReadonlyMap<string, Json>, node: SchemaNode, ...tokens: string[]): SchemaNode | undefined {
  let pointer = node.pointer;
  for (const token of tokens) pointer = child(pointer, token);
  return nodeAt(documents, node.doc, pointer);
}

function implicit(node: SchemaNode): SchemaNode {
  return { doc: node.doc, pointer: `${node.pointer}/(implicit)`, schema: ANYTHING };
}

function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Values a schema names itself: its examples, default, const and enum values. */
function samplesOf(schema: JsonObject): Probe[] {
  const values: Json[] = [];
  if (Array.isArray(schema["examples"])) values.push(...schema["examples"]);
  for (const key of ["example", "default", "const"]) if (schema[key] !== undefined) values.push(schema[key]);
  if (Array.isArray(schema["enum"])) values.push(...schema["enum"]);
  return values.map((value): Probe => ({ kind: "set", value }));
}
