import { deepEqual } from "./deep-equal.js";

/** What {@link changedTraits} found: the traits to send again, and the traits that are gone. */
export interface TraitChanges {
  /** Each trait of `next` that `previous` lacks or holds a different value for, with `next`'s value (not a copy). */
  readonly changed: Record<string, unknown>;
  /** The keys `previous` has and `next` has not, sorted. */
  readonly removed: string[];
}

/**
 * The traits that differ between the traits last sent for a group and the traits about to be sent, for the
 * "only update when traits change" pattern of document 003. Values are compared as JSON (objects by key,
 * in any key order; arrays in order), unlike 003's `!==`, which calls every object or array trait changed.
 * Keys are compared exactly: pass traits through `normalizeSpelling` first when `Plan` and `plan` must be
 * one trait. `previous` is `undefined` when nothing was sent yet, so every trait of `next` is changed.
 *
 * @example
 * const { changed, removed } = changedTraits({ plan: "pro", seats: 5, tags: ["a"] }, { plan: "pro", seats: 6, tags: ["a"] });
 * // changed: { seats: 6 }, removed: []
 * if (Object.keys(changed).length > 0) analytics.group(groupId, changed);
 */
export function changedTraits(
  previous: Readonly<Record<string, unknown>> | undefined,
  next: Readonly<Record<string, unknown>>,
): TraitChanges {
  const before = previous ?? {};
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(next)) {
    if (Object.hasOwn(before, key) && deepEqual(before[key], next[key])) continue;
    // defineProperty, not `changed[key] =`: a `__proto__` trait must stay a plain key, not set the prototype.
    Object.defineProperty(changed, key, { value: next[key], enumerable: true, writable: true, configurable: true });
  }
  const removed = Object.keys(before)
    .filter((key) => !Object.hasOwn(next, key))
    .sort();
  return { changed, removed };
}
