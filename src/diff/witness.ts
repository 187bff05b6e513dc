import type { Check } from "../json-schema/checker.js";
import type { Json } from "../json-schema/json.js";
import type { Change, Probe } from "./change.js";
import { places, pointerOf, valueAt, withValue } from "./mutate.js";
import { GENERAL_SAMPLES } from "./samples.js";
import type { Seeds } from "./seeds.js";

/** The most bodies one change's search validates (each against OLD and NEW). */
export const MAX_TRIES = 3000;

/** A body one side accepts and the other refuses, made by one edit of a body both accept. */
export interface Witness {
  /** `narrowed`: OLD accepts it and NEW refuses it; `widened`: the reverse. */
  readonly direction: "narrowed" | "widened";
  readonly body: Json;
  /** The edit: `set /0/traits/plan to 5` or `delete /0/traits/plan`. */
  readonly edit: string;
  /** Why the refusing side refused it, in its validator's words. */
  readonly refusal: string;
}

/** What the search found for one change: at most one witness each way, and how many bodies it tried. */
export interface Search {
  readonly narrowed?: Witness;
  readonly widened?: Witness;
  readonly tried: number;
}

/**
 * Looks for witnesses of one change: for each seed body that OLD and NEW both accept (smallest first), at each
 * place the change's steps reach, each probe value (or the member deleted) — one edit at a time, so the edit is
 * what flips the verdict. Stops when it has the witness the change's direction calls for (both for `changed`)
 * or after {@link MAX_TRIES} bodies. A `required` change no such edit confirms gets one more look (see
 * `requiredAsIs`). Never throws: the checks never do.
 */
export function findWitnesses(change: Change, seeds: Seeds, old: Check, next: Check): Search {
  let narrowed: Witness | undefined;
  let widened: Witness | undefined;
  let tried = 0;
  const done = () =>
    tried >= MAX_TRIES ||
    (change.direction === "narrowed" && narrowed !== undefined) ||
    (change.direction === "widened" && widened !== undefined) ||
    (narrowed !== undefined && widened !== undefined);
  for (const seed of seeds.bodies) {
    for (const place of places(seed, change.steps)) {
      const current = valueAt(seed, place);
      for (const value of candidates(change, current, seeds.pool)) {
        const body = withValue(seed, place, value);
        if (body === undefined) continue;
        tried++;
        const a = old(body);
        const b = next(body);
        const where = printable(pointerOf(place) || "/");
        const edit = value === undefined ? `delete ${where}` : `set ${where} to ${preview(value)}`;
        if (a.ok && !b.ok && narrowed === undefined) narrowed = { direction: "narrowed", body, edit, refusal: printable(b.reason) };
        if (b.ok && !a.ok && widened === undefined) widened = { direction: "widened", body, edit, refusal: printable(a.reason) };
        if (done()) return result(narrowed, widened, tried);
      }
    }
  }
  if (change.keyword === "required" && narrowed === undefined && widened === undefined) return requiredAsIs(change, seeds, old, next, tried);
  return result(narrowed, widened, tried);
}

/**
 * A member made required that no body of both sides has (or made optional that every such body has): a body
 * one side accepts, as it is, is the witness when it lacks the member and the other side refuses it for
 * exactly that member there (its validator's first error names it at that place).
 */
function requiredAsIs(change: Change, seeds: Seeds, old: Check, next: Check, tried: number): Search {
  const narrowing = change.direction === "narrowed";
  for (const body of narrowing ? seeds.oldOnly : seeds.newOnly) {
    for (const place of places(body, change.steps)) {
      if (valueAt(body, place) !== undefined || place.length === 0) continue;
      tried++;
      const verdict = (narrowing ? next : old)(body);
      const name = String(place[place.length - 1]);
      const parent = pointerOf(place.slice(0, -1)) || "/";
      if (verdict.ok || verdict.reason !== `${parent}: must have required property '${name}'`) continue;
      const witness: Witness = { direction: narrowing ? "narrowed" : "widened", body, edit: `none (${printable(pointerOf(place))} is absent)`, refusal: printable(verdict.reason) };
      return narrowing ? { narrowed: witness, tried } : { widened: witness, tried };
    }
  }
  return { tried };
}

function result(narrowed: Witness | undefined, widened: Witness | undefined, tried: number): Search {
  return { ...(narrowed && { narrowed }), ...(widened && { widened }), tried };
}

/** The values to try at one place: the change's own probes, then (for a broad change) the general samples and the seeds' strings. */
function* candidates(change: Change, current: Json | undefined, pool: readonly string[]): Generator<Json | undefined> {
  for (const probe of change.probes) yield* values(probe, current);
  if (!change.broad) return;
  yield* GENERAL_SAMPLES;
  yield* pool;
}

function* values(probe: Probe, current: Json | undefined): Generator<Json | undefined> {
  if (probe.kind === "delete") yield undefined;
  else if (probe.kind === "set") yield probe.value;
  else yield* probe.make(current);
}

/** A value as the report shows it: JSON, cut after `max` characters. */
export function preview(value: Json, max = 80): string {
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 20)}… (${text.length} characters)` : text;
}

/** Text with control and line-separating characters written as `\\uXXXX`, so a report line stays one line. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
