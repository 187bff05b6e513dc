import { isObject, type Json } from "../json-schema/json.js";
import { matches } from "./matches.js";
import type { Step } from "./step.js";

/** A place in a body: the keys and indices from its root. */
export type Place = readonly (string | number)[];

/** At most this many places per body for one change (the first items, the first unlisted members). */
export const MAX_PLACES = 16;

/** A member name no schema here lists, for a change to the members a schema does not name. */
export const FRESH_NAME = "group_spec_probe";

/**
 * The places in `body` a change's steps reach. A missing member is a place too (a value can be set there, its
 * parents made as empty objects); an item step needs an array that is there.
 */
export function places(body: Json, steps: readonly Step[]): Place[] {
  const found: Place[] = [];
  const walk = (value: Json | undefined, index: number, place: (string | number)[]) => {
    if (found.length >= MAX_PLACES) return;
    if (index === steps.length) return void found.push(place);
    const step = steps[index]!;
    switch (step.kind) {
      case "property":
        if (value === undefined || isObject(value)) walk(isObject(value) ? own(value, step.name) : undefined, index + 1, [...place, step.name]);
        return;
      case "items":
        if (Array.isArray(value)) for (let i = 0; i < Math.min(value.length, 3); i++) walk(value[i], index + 1, [...place, i]);
        return;
      case "index":
        if (Array.isArray(value) && step.index <= value.length) walk(value[step.index], index + 1, [...place, step.index]);
        return;
      case "additional": {
        if (value !== undefined && !isObject(value)) return;
        const names = isObject(value) ? Object.keys(value).filter((name) => !step.known.includes(name) && !step.patterns.some((p) => matches(p, name))) : [];
        for (const name of [...names.slice(0, 3), FRESH_NAME]) walk(isObject(value) ? own(value, name) : undefined, index + 1, [...place, name]);
        return;
      }
      case "pattern":
        if (isObject(value)) for (const name of Object.keys(value).filter((n) => matches(step.pattern, n)).slice(0, 3)) walk(value[name], index + 1, [...place, name]);
        return;
      case "names":
        if (!isObject(value)) return;
        for (const name of Object.keys(value).filter((n) => matches(step.pattern, n)).slice(0, 2)) {
          for (const variant of nearNames(name)) walk(own(value, variant), index + 1, [...place, variant]);
        }
        return;
    }
  };
  walk(body, 0, []);
  return found;
}

/** A name and the near misses a changed name pattern may newly take in or leave out (a trailing newline, case, spaces). */
function nearNames(name: string): string[] {
  return [name, `${name}\n`, `${name}\r\n`, `${name} `, ` ${name}`, name.toUpperCase(), `${name}\u2028`, `${name}_x`];
}

/** The value at a place, or `undefined`. */
export function valueAt(body: Json, place: Place): Json | undefined {
  let node: Json | undefined = body;
  for (const key of place) {
    if (typeof key === "number") node = Array.isArray(node) ? node[key] : undefined;
    else node = isObject(node) ? own(node, key) : undefined;
  }
  return node;
}

/**
 * A copy of `body` with the value at `place` replaced (or, with `undefined`, the member deleted); missing
 * parents are made as empty objects. `undefined` when the place cannot hold a value (the root deleted).
 */
export function withValue(body: Json, place: Place, value: Json | undefined): Json | undefined {
  if (place.length === 0) return value;
  const copy = structuredClone(body);
  let node: Json = copy;
  for (const key of place.slice(0, -1)) {
    const next: Json | undefined = typeof key === "number" ? (Array.isArray(node) ? node[key] : undefined) : isObject(node) ? own(node, key) : undefined;
    if (next === undefined) {
      if (!isObject(node) || typeof key === "number") return undefined;
      node[key] = {};
      node = node[key]!;
    } else node = next;
  }
  const last = place[place.length - 1]!;
  if (Array.isArray(node) && typeof last === "number") {
    if (value === undefined) node.splice(last, 1);
    else node[last] = value;
  } else if (isObject(node) && typeof last === "string") {
    if (value === undefined) delete node[last];
    else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  } else return undefined;
  return copy;
}

/** A place as a JSON Pointer. */
export function pointerOf(place: Place): string {
  return place.map((key) => `/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

function own(object: { [key: string]: Json }, key: string): Json | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
