import type { Kind } from "../validate.js";
import type { GroupEvent } from "./group-events.js";
import { NewestList } from "./newest-list.js";
import { eventBytes, groupBytes, memberBytes, traitBytes } from "./store-bytes.js";
import { sizeOf } from "./value-size.js";

/** How much the in-memory store keeps; past each bound the oldest entries are dropped. */
export interface StoreLimits {
  /**
   * Estimated bytes of everything kept, across all keys (see `store-bytes.ts`); past it the groups updated
   * longest ago, whatever their key, are dropped. The group being written is never dropped for it.
   */
  readonly bytes: number;
  /** Groups per API key; a new group past this drops that key's group updated longest ago. */
  readonly groups: number;
  /** Events listed per group (the newest); `event_count` still counts them all. */
  readonly events: number;
  /** User ids, and anonymous ids, listed per group (the most recently seen). */
  readonly members: number;
  /** Bytes of merged traits per group, as JSON; past it, the traits set longest ago are dropped. */
  readonly traitBytes: number;
}

/**
 * The default store bounds: 256 MiB (estimated) in all, and per key 1,000 groups; per group 1,000 events,
 * 1,000 members and 64 KiB of traits. 256 MiB keeps the process well under Node's default heap limit (a
 * quarter of physical memory, at most about 4 GiB) with room for bodies in flight and uncollected garbage:
 * under the soak's load the process levelled at about 520 MiB of RSS (README, "The real worst case").
 */
export const DEFAULT_STORE_LIMITS: StoreLimits = Object.freeze({
  bytes: 256 * 1024 * 1024,
  groups: 1000,
  events: 1000,
  members: 1000,
  traitBytes: 64 * 1024,
});

/** One accepted group call as the store lists it. */
export interface StoredEvent {
  /** The id of the request that carried it: the `eventId` a thrivestack caller was answered with. */
  readonly event_id: string;
  /** Its index in that request's body (see `GroupEvent.index`). */
  readonly index: number;
  readonly kind: Kind;
  readonly user_id?: string;
  readonly anonymous_id?: string;
  /** The message's `messageId` (segment dialects). */
  readonly message_id?: string;
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

interface Trait {
  readonly value: unknown;
  /** JSON bytes of name and value, for the per-group bound. */
  readonly json: number;
  /** Estimated heap bytes, for the store's budget. */
  readonly heap: number;
}

interface Group {
  readonly owner: string;
  readonly id: string;
  readonly traits: Map<string, Trait>;
  traitJson: number;
  readonly userIds: Set<string>;
  readonly anonymousIds: Set<string>;
  readonly events: NewestList<StoredEvent>;
  /** The `messageId`s of the events listed: a call repeating one of them is a retry and changes nothing. */
  readonly messageIds: Set<string>;
  eventCount: number;
  /** Estimated bytes of all of the above: its share of the store's budget. */
  bytes: number;
}

/**
 * Accepted group calls, in memory only, per API key: nothing is written anywhere, and everything is gone
 * when the process ends. Each update is one synchronous step, so concurrent requests cannot interleave.
 * Sizes are counted as entries come and go (no walk over the store), so every bound costs O(1) per entry.
 */
export class GroupStore {
  readonly #limits: StoreLimits;
  /** Per key, its groups in order of last update. */
  readonly #owners = new Map<string, Map<string, Group>>();
  /** Every group of every key, in order of last update: the first is the one the budget drops. */
  readonly #recency = new Set<Group>();
  #bytes = 0;

  /** Bounds default to {@link DEFAULT_STORE_LIMITS}, each on its own. */
  constructor(limits: Partial<StoreLimits> = {}) {
    this.#limits = { ...DEFAULT_STORE_LIMITS, ...limits };
  }

  /** Estimated bytes of everything kept now, which the `bytes` limit bounds. */
  get bytes(): number {
    return this.#bytes;
  }

  /** How many groups are kept now, across all keys. */
  get size(): number {
    return this.#recency.size;
  }

  /** Records the group calls of one accepted request of `owner` (an API key's id). */
  record(owner: string, kind: Kind, eventId: string, events: readonly GroupEvent[]): void {
    const receivedAt = new Date().toISOString();
    for (const event of events) {
      const group = this.#touch(owner, event.groupId);
      this.#apply(group, kind, eventId, receivedAt, event);
      this.#fit(group);
    }
  }

  /** The group `groupId` of `owner`, or `undefined` when that key has sent no call for it (or it was dropped). */
  read(owner: string, groupId: string): GroupView | undefined {
    const group = this.#owners.get(owner)?.get(groupId);
    if (group === undefined) return undefined;
    return {
      group_id: groupId,
      traits: Object.fromEntries([...group.traits].map(([name, { value }]) => [name, value])),
      user_ids: [...group.userIds],
      anonymous_ids: [...group.anonymousIds],
      event_count: group.eventCount,
      events: group.events.toArray(),
    };
  }

  /** Forgets every group of `owner`, or of every key with `undefined`; returns how many. */
  clear(owner?: string): number {
    const groups = owner === undefined ? [...this.#recency] : [...(this.#owners.get(owner)?.values() ?? [])];
    for (const group of groups) this.#drop(group);
    return groups.length;
  }

  /** The group, new or existing, moved to the end of both orders of last update. */
  #touch(owner: string, groupId: string): Group {
    const groups = this.#owners.get(owner) ?? new Map<string, Group>();
    this.#owners.set(owner, groups);
    let group = groups.get(groupId);
    if (group === undefined) {
      group = { owner, id: groupId, traits: new Map(), traitJson: 0, userIds: new Set(), anonymousIds: new Set(), events: new NewestList(this.#limits.events), messageIds: new Set(), eventCount: 0, bytes: 0 };
      this.#grow(group, groupBytes(groupId));
    }
    // Re-inserting keeps each collection in order of last update, so the first entry is the one to drop.
    groups.delete(groupId);
    groups.set(groupId, group);
    this.#recency.delete(group);
    this.#recency.add(group);
    if (groups.size > this.#limits.groups) this.#drop(groups.values().next().value as Group);
    return group;
  }

  #apply(group: Group, kind: Kind, eventId: string, receivedAt: string, event: GroupEvent): void {
    const { userId, anonymousId, messageId } = event;
    // A retried message (its messageId among the events the group lists) is stored once.
    if (messageId !== undefined && group.messageIds.has(messageId)) return;
    const stored: StoredEvent = {
      event_id: eventId,
      index: event.index,
      kind,
      ...(userId === undefined ? {} : { user_id: userId }),
      ...(anonymousId === undefined ? {} : { anonymous_id: anonymousId }),
      ...(messageId === undefined ? {} : { message_id: messageId }),
      received_at: receivedAt,
    };
    group.eventCount++;
    this.#grow(group, eventBytes(stored));
    if (messageId !== undefined) group.messageIds.add(messageId);
    const dropped = group.events.push(stored);
    if (dropped !== undefined) {
      this.#grow(group, -eventBytes(dropped));
      if (dropped.message_id !== undefined) group.messageIds.delete(dropped.message_id);
    }
    if (userId !== undefined) this.#remember(group, group.userIds, userId);
    if (anonymousId !== undefined) this.#remember(group, group.anonymousIds, anonymousId);
    for (const [name, value] of Object.entries(event.traits ?? {})) this.#setTrait(group, name, value);
    for (const [name, trait] of group.traits) {
      if (group.traitJson <= this.#limits.traitBytes) break;
      this.#deleteTrait(group, name, trait);
    }
  }

  #setTrait(group: Group, name: string, value: unknown): void {
    const previous = group.traits.get(name);
    if (previous !== undefined) this.#deleteTrait(group, name, previous);
    const size = sizeOf(value);
    // The name's JSON is its quoted text; counted as stringify would, without building it.
    const trait = { value, json: sizeOf(name).json + size.json, heap: traitBytes(name, size.heap) };
    group.traits.set(name, trait);
    group.traitJson += trait.json;
    this.#grow(group, trait.heap);
  }

  #deleteTrait(group: Group, name: string, trait: Trait): void {
    group.traits.delete(name);
    group.traitJson -= trait.json;
    this.#grow(group, -trait.heap);
  }

  /** Adds `id` as the most recent member, dropping the least recent past the bound. */
  #remember(group: Group, ids: Set<string>, id: string): void {
    if (ids.delete(id)) this.#grow(group, -memberBytes(id));
    ids.add(id);
    this.#grow(group, memberBytes(id));
    if (ids.size > this.#limits.members) {
      const oldest = ids.values().next().value as string;
      ids.delete(oldest);
      this.#grow(group, -memberBytes(oldest));
    }
  }

  #grow(group: Group, bytes: number): void {
    group.bytes += bytes;
    this.#bytes += bytes;
  }

  /** Drops the groups updated longest ago, of any key, until the store is within its budget again. */
  #fit(current: Group): void {
    while (this.#bytes > this.#limits.bytes) {
      const oldest = this.#recency.values().next().value as Group;
      // The group just written is the newest: reaching it means it alone is over the budget; it stays.
      if (oldest === current) return;
      this.#drop(oldest);
    }
  }

  #drop(group: Group): void {
    const groups = this.#owners.get(group.owner)!;
    groups.delete(group.id);
    if (groups.size === 0) this.#owners.delete(group.owner);
    this.#recency.delete(group);
    this.#bytes -= group.bytes;
  }
}
