import type { StoredEvent } from "./store.js";
import { stringHeap } from "./value-size.js";

// The store's budget counts estimated heap bytes (see value-size.ts), plus a fixed overhead per entry for
// the records, Map/Set slots and arrays around what is kept. Strings shared between entries (a member id
// also listed in an event, a request's event_id) are counted with each entry, so the estimate errs high;
// `npm run soak` measures the real heap against it (README states the ratio).

/** A group's own objects: its record, its Maps, Sets and array, and its slots in the store's indexes. */
export const GROUP_BYTES = 512;
/** One listed event: its object of up to six fields, its array slot and its `received_at` string. */
export const EVENT_BYTES = 160;
/** One listed member id: its Set slot. */
export const MEMBER_BYTES = 32;
/** One kept trait: its Map slot, its record, and its name. */
export const TRAIT_BYTES = 80;

/** The estimated bytes of a group with no events, members or traits yet. */
export function groupBytes(groupId: string): number {
  return GROUP_BYTES + stringHeap(groupId);
}

/** The estimated bytes of a listed event, its ids and its (shared) `event_id` included. */
export function eventBytes(event: StoredEvent): number {
  let bytes = EVENT_BYTES + stringHeap(event.event_id);
  if (event.user_id !== undefined) bytes += stringHeap(event.user_id);
  if (event.anonymous_id !== undefined) bytes += stringHeap(event.anonymous_id);
  // Listed in the event and in the group's Set of message ids.
  if (event.message_id !== undefined) bytes += stringHeap(event.message_id) + MEMBER_BYTES;
  return bytes;
}

/** The estimated bytes of a listed member id (a user id or an anonymous id). */
export function memberBytes(id: string): number {
  return MEMBER_BYTES + stringHeap(id);
}

/** The estimated bytes of a kept trait, given its value's heap estimate. */
export function traitBytes(name: string, valueHeap: number): number {
  return TRAIT_BYTES + stringHeap(name) + valueHeap;
}
