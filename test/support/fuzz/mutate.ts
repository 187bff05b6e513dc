import fc from "fast-check";
import { jsonValue, type Json } from "./json.js";
import { anyKey, codePoints, EDGE_CHARS, respell, SPECIAL_KEYS } from "./strings.js";

// Mutations of valid bodies: each picks a place in the body by number (so that fast-check can shrink it) and
// changes it the way a broken or hostile client would.

/** What a mutation does. */
export const OPS = [
  "drop",
  "respell",
  "rename",
  "retype",
  "grow-string",
  "grow-array",
  "special-key",
  "unicode",
  "nest",
] as const;
export type Op = (typeof OPS)[number];

/** One mutation: the operation, where (an index into the body's places), and the material it may need. */
export interface Mutation {
  readonly op: Op;
  readonly at: number;
  readonly size: number;
  readonly key: string;
  readonly value: Json;
  readonly flips: readonly boolean[];
}

/** String lengths, in code points, at and around every `maxLength` of the schemas. */
const STRING_LENGTHS = [0, 1, 44, 45, 46, 63, 64, 65, 253, 254, 255, 256, 1024, 1025, 2048, 2049, 4096, 4097, 8192, 8193, 20_000];
/** Array lengths at and around every `minItems`/`maxItems` (enrichment lists, thrivestack groups, batch messages). */
const ARRAY_LENGTHS = [0, 1, 2, 99, 100, 101, 999, 1000, 1001, 2499, 2500, 2501];

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom(...OPS),
  at: fc.nat(),
  // Big arrays are rare: the oracle reads every item of them.
  size: fc.oneof({ arbitrary: fc.nat({ max: 10 }), weight: 30 }, { arbitrary: fc.nat(), weight: 1 }),
  key: anyKey,
  value: jsonValue(3),
  flips: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
});

type Container = { [key: string]: Json } | Json[];

/** A place in the body: a member of an object or an item of an array, or the root itself (`parent` undefined). */
interface Place {
  readonly parent: Container | undefined;
  readonly key: string | number;
}

/** Every place in the body, root first, in a fixed order. */
function places(root: Json): Place[] {
  const found: Place[] = [{ parent: undefined, key: "" }];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        found.push({ parent: value, key: i });
        stack.push(item);
      });
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        found.push({ parent: value, key });
        stack.push(item);
      }
    }
  }
  return found;
}

/** Sets an own property, even `__proto__`, without invoking any setter. */
function define(target: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function get(place: Place, root: Json): Json {
  if (place.parent === undefined) return root;
  return Array.isArray(place.parent) ? place.parent[place.key as number]! : place.parent[place.key as string]!;
}

/**
 * How much work a body is to validate: its values counted as if every shared item were copied (as the JSON
 * text would hold it), plus a unit per 8 UTF-16 units of its strings.
 */
export function weight(body: Json): number {
  const memo = new Map<object, number>();
  const of = (value: Json): number => {
    if (typeof value === "string") return 1 + Math.floor(value.length / 8);
    if (typeof value !== "object" || value === null) return 1;
    const known = memo.get(value);
    if (known !== undefined) return known;
    let total = 1;
    for (const item of Object.values(value)) total += of(item);
    memo.set(value, total);
    return total;
  };
  return of(body);
}

/** Most work a mutated body may be: a 2,501-message batch of small messages fits, a grown array of grown arrays does not. */
export const MAX_WEIGHT = 12_000;

/** Applies the mutations in order to a copy of the body, skipping any that would make it weigh over `MAX_WEIGHT`. */
export function applyMutations(body: Json, mutations: readonly Mutation[]): Json {
  let root = structuredClone(body);
  for (const m of mutations) {
    const next = applyOne(structuredClone(root), m);
    if (weight(next) <= MAX_WEIGHT) root = next;
  }
  return root;
}

function applyOne(root: Json, m: Mutation): Json {
  const all = places(root);
  const place = all[m.at % all.length]!;
  const current = get(place, root);
  const replace = (value: Json): Json => {
    if (place.parent === undefined) return value;
    if (Array.isArray(place.parent)) place.parent[place.key as number] = value;
    else define(place.parent, place.key as string, value);
    return root;
  };
  switch (m.op) {
    case "drop":
      if (place.parent === undefined) return m.value;
      if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
      else delete place.parent[place.key as string];
      return root;
    case "respell":
    case "rename": {
      if (place.parent === undefined || Array.isArray(place.parent)) return replace(m.value);
      const key = place.key as string;
      const to = m.op === "respell" ? respell(key, m.size, m.flips) : m.key;
      // A respelling keeps the first key: two spellings of one trait; a rename moves the value.
      if (m.op === "rename") delete place.parent[key];
      define(place.parent, to, structuredClone(current));
      return root;
    }
    case "retype":
      return replace(retype(current, m));
    case "grow-string": {
      const length = STRING_LENGTHS[m.size % STRING_LENGTHS.length]!;
      const base = typeof current === "string" && current.length > 0 ? current : codePoints(1, m.size);
      const points = [...base];
      return replace(Array.from({ length }, (_, i) => points[i % points.length]!).join(""));
    }
    case "grow-array": {
      const length = ARRAY_LENGTHS[m.size % ARRAY_LENGTHS.length]!;
      const items = Array.isArray(current) ? current : [current];
      const source = items.length > 0 ? items : [m.value];
      // Items are shared, not copied: a body is a tree of JSON values, and repeats are what a client sends.
      return replace(Array.from({ length }, (_, i) => source[i % source.length]!));
    }
    case "special-key": {
      const target = nearestObject(place, current);
      if (target === undefined) return replace(m.value);
      const key = SPECIAL_KEYS[m.size % SPECIAL_KEYS.length]!;
      define(target, key, m.size % 2 === 0 ? { polluted: true } : m.value);
      return root;
    }
    case "unicode": {
      const edge = EDGE_CHARS[m.size % EDGE_CHARS.length]!;
      if (typeof current === "string") {
        const i = current.length === 0 ? 0 : m.at % (current.length + 1);
        return replace(current.slice(0, i) + edge + current.slice(i));
      }
      if (place.parent !== undefined && !Array.isArray(place.parent)) {
        const key = place.key as string;
        delete place.parent[key];
        define(place.parent, key + edge, current);
        return root;
      }
      return replace(edge);
    }
    case "nest": {
      let value = current;
      for (let level = 0; level <= m.size % 4; level++) value = level % 2 === 0 ? [value] : Object.fromEntries([[m.key, value]]);
      return replace(value);
    }
  }
}

/** The object a special key goes into: the value itself when it is an object, else the object holding it. */
function nearestObject(place: Place, current: Json): { [key: string]: Json } | undefined {
  if (typeof current === "object" && current !== null && !Array.isArray(current)) return current;
  if (place.parent !== undefined && !Array.isArray(place.parent)) return place.parent;
  return undefined;
}

/** A value of another JSON type than `current`, or for a number one out of its range (negative, fractional, huge). */
function retype(current: Json, m: Mutation): Json {
  const options: Json[] = [null, true, false, 0, -1, 1.5, -0, "", "x", typeof current === "object" ? "[object]" : String(current), [], {}, [current], m.value];
  const others = options.filter((option) => typeof option !== typeof current || Array.isArray(option) !== Array.isArray(current));
  if (typeof current === "number") others.push(-1, -0.5, -current - 1, current + 0.5, 2 ** 53 + 2);
  return others[m.size % others.length] ?? null;
}
