import type { Kind } from "../validate.js";
import type { GroupEvent } from "./group-events.js";

/** How much the in-memory store keeps; past each bound the oldest entries are dropped. */
export interface StoreLimits {
  /** Groups per API key; a new group past this drops the group updated longest ago. */
  readonly groups: number;
  /** Events listed per group (the newest); `event_count` still counts them all. */
  readonly events: number;
  /** User ids, and anonymous ids, listed per group (the most recently seen). */
  readonly members: number;
  /** Bytes of merged traits per group, as JSON; past it, the traits set longest ago are dropped. */
  readonly traitBytes: number;
}

/** The default store bounds: 1,000 groups per key, 1,000 events and members per group, 64 KiB of traits. */
export const DEFAULT_STORE_LIMITS: StoreLimits = Object.freeze({ groups: 1000, events: 1000, members: 1000, traitBytes: 64 * 1024 });

/** One accepted group call as the store lists it. */
export interface StoredEvent {
  /** The id of the request that carried it: the `eventId` a thrivestack caller was answered with. */
  readonly event_id: string;
  /** Its index in that request's body (see `GroupEvent.index`). */
  readonly index: number;
  readonly kind: Kind;
  readonly user_id?: string;
  readonly anonymous_id?: string;
  readonly received_at: string;
}

/** A group as `GET /api/groups/:group_id` answers it. */
export interface GroupView {
  readonly group_id: string;
  /** Every trait received, merged in arrival order: a later value replaces an earlier one. */
  readonly traits: Record<string, unknown>;
  readonly user_ids: string[];
  readonly anonymous_ids: string[];
  /** How many group calls the group has received, whether or not `events` still lists them. */
  readonly event_count: number;
  readonly events: StoredEvent[];
}

interface Group {
  readonly traits: Map<string, { readonly value: unknown; readonly bytes: number }>;
  traitBytes: number;
  readonly userIds: Set<string>;
  readonly anonymousIds: Set<string>;
  readonly events: StoredEvent[];
  eventCount: number;
}

/**
 * Accepted group calls, in memory only, per API key: nothing is written anywhere, and everything is gone
 * when the process ends. Each update is one synchronous step, so concurrent requests cannot interleave.
 */
export class GroupStore {
  readonly #limits: StoreLimits;
  readonly #owners = new Map<string, Map<string, Group>>();

  /** Bounds default to {@link DEFAULT_STORE_LIMITS}, each on its own. */
  constructor(limits: Partial<StoreLimits> = {}) {
    this.#limits = { ...DEFAULT_STORE_LIMITS, ...limits };
  }

  /** Records the group calls of one accepted request of `owner` (an API key's id). */
  record(owner: string, kind: Kind, eventId: string, events: readonly GroupEvent[]): void {
    const groups = this.#owners.get(owner) ?? new Map<string, Group>();
    this.#owners.set(owner, groups);
    const receivedAt = new Date().toISOString();
    for (const event of events) {
      const group = groups.get(event.groupId) ?? newGroup();
      // Re-inserting keeps the Map in order of last update, so the first entry is the one to drop.
      groups.delete(event.groupId);
      groups.set(event.groupId, group);
      if (groups.size > this.#limits.groups) groups.delete(groups.keys().next().value as string);
      this.#apply(group, kind, eventId, receivedAt, event);
    }
  }

  /** The group `groupId` of `owner`, or `undefined` when that key has sent no call for it. */
  read(owner: string, groupId: string): GroupView | undefined {
    const group = this.#owners.get(owner)?.get(groupId);
    if (group === undefined) return undefined;
    return {
      group_id: groupId,
      traits: Object.fromEntries([...group.traits].map(([name, { value }]) => [name, value])),
      user_ids: [...group.userIds],
      anonymous_ids: [...group.anonymousIds],
      event_count: group.eventCount,
      events: [...group.events],
    };
  }

  #apply(group: Group, kind: Kind, eventId: string, receivedAt: string, event: GroupEvent): void {
    const { userId, anonymousId } = event;
    group.events.push({
      event_id: eventId,
      index: event.index,
      kind,
      ...(userId === undefined ? {} : { user_id: userId }),
      ...(anonymousId === undefined ? {} : { anonymous_id: anonymousId }),
      received_at: receivedAt,
    });
    group.eventCount++;
    if (group.events.length > this.#limits.events) group.events.shift();
    if (userId !== undefined) remember(group.userIds, userId, this.#limits.members);
    if (anonymousId !== undefined) remember(group.anonymousIds, anonymousId, this.#limits.members);
    for (const [name, value] of Object.entries(event.traits ?? {})) {
      const bytes = Buffer.byteLength(JSON.stringify(name) + JSON.stringify(value));
      group.traitBytes += bytes - (group.traits.get(name)?.bytes ?? 0);
      group.traits.delete(name);
      group.traits.set(name, { value, bytes });
    }
    for (const [name, { bytes }] of group.traits) {
      if (group.traitBytes <= this.#limits.traitBytes) break;
      group.traits.delete(name);
      group.traitBytes -= bytes;
    }
  }
}

function newGroup(): Group {
  return { traits: new Map(), traitBytes: 0, userIds: new Set(), anonymousIds: new Set(), events: [], eventCount: 0 };
}

/** Adds `id` as the most recent member, dropping the least recent past `max`. */
function remember(ids: Set<string>, id: string, max: number): void {
  ids.delete(id);
  ids.add(id);
  if (ids.size > max) ids.delete(ids.values().next().value as string);
}
