import type { Check } from "../json-schema/checker.js";
import type { Json } from "../json-schema/json.js";
import { stringsIn } from "./samples.js";

/** Bodies larger than this (as JSON) are not used as seeds: a witness should be small enough to read. */
export const MAX_SEED_BYTES = 16 * 1024;
/** Seeds nested deeper than this are not used, so no validator recurses far on them. */
export const MAX_SEED_DEPTH = 64;
/** The most seed bodies tried per body schema, smallest first. */
export const MAX_SEEDS = 400;

/** The seeds of one body: the candidates both OLD and NEW accept, smallest first, and the strings they hold. */
export interface Seeds {
  readonly bodies: readonly Json[];
  readonly pool: readonly string[];
  /** Candidates only one side accepts: for a member made required (or optional) that no seed of both has. */
  readonly oldOnly: readonly Json[];
  readonly newOnly: readonly Json[];
}

/**
 * Keeps the candidates (examples, corpus bodies, envelopes) that both sides accept, so that a witness made by
 * one edit of a seed owes its verdict to that edit. Duplicates and large bodies are dropped first.
 */
export function seedsFor(candidates: readonly Json[], old: Check, next: Check): Seeds {
  const seen = new Set<string>();
  const sized: { text: string; body: Json }[] = [];
  for (const body of candidates) {
    const text = JSON.stringify(body);
    if (text === undefined || text.length > MAX_SEED_BYTES || seen.has(text) || deeperThan(body, MAX_SEED_DEPTH)) continue;
    seen.add(text);
    sized.push({ text, body });
  }
  sized.sort((a, b) => a.text.length - b.text.length);
  const bodies: Json[] = [];
  const oldOnly: Json[] = [];
  const newOnly: Json[] = [];
  for (const { body } of sized.slice(0, MAX_SEEDS)) {
    const a = old(body).ok;
    const b = next(body).ok;
    if (a && b) bodies.push(body);
    else if (a) oldOnly.push(body);
    else if (b) newOnly.push(body);
  }
  const pool = new Set<string>();
  for (const body of bodies) stringsIn(body, pool, 300);
  return { bodies, pool: [...pool], oldOnly, newOnly };
}

/** Whether a value nests arrays and objects deeper than `limit` (measured without recursion). */
function deeperThan(value: Json, limit: number): boolean {
  const stack: [Json, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}
