import type { CallRecord } from "../handler/options.js";
import type { Issue } from "../issue.js";
import type { Kind } from "../validate.js";
import { measure } from "./value-measure.js";

/** One group-operation request as the sink lists it (`GET /_calls`, `sink.calls()`). */
export interface LoggedCall {
  /** Increasing from 1 in the order the calls were answered. */
  readonly id: number;
  readonly kind: Kind;
  readonly status: number;
  /** Whether the call was accepted (status 200). */
  readonly valid: boolean;
  readonly received_at: string;
  /** The issues of a refused body (400, 413). */
  readonly issues?: readonly Issue[];
  /** The body as sent, when it was JSON, is at most `maxDepth` deep and fits the log's budget. */
  readonly body?: unknown;
  /** Set when the body was JSON but too deep or too large to keep. */
  readonly body_omitted?: true;
  /** The `eventId` of an accepted call. */
  readonly event_id?: string;
  /** The `messageId` of each message of an accepted segment body. */
  readonly message_ids?: readonly string[];
}

/** What a {@link CallLog} keeps at most; past either bound the oldest calls are dropped. */
export interface CallLogLimits {
  /** Calls kept, across all keys. */
  readonly calls: number;
  /** Estimated heap bytes of the calls kept (bodies and issues), across all keys. */
  readonly bytes: number;
}

/** The default bounds: 10,000 calls and 64 MiB. */
export const DEFAULT_CALL_LOG_LIMITS: CallLogLimits = Object.freeze({ calls: 10_000, bytes: 64 * 1024 * 1024 });

/** The filters of {@link CallLog.list}. */
export interface CallFilter {
  /** Only accepted (`true`) or only refused (`false`) calls. */
  readonly valid?: boolean;
  readonly kind?: Kind;
  /** Only the calls that carried this `messageId`. */
  readonly messageId?: string;
}

interface Entry {
  readonly call: LoggedCall;
  /** The caller's id (the hex SHA-256 of its key), `undefined` for a call refused before authentication. */
  readonly caller: string | undefined;
  readonly bytes: number;
}

/** A body kept no deeper than this, so that answering it as JSON never nests too deep for `JSON.stringify`. */
const MAX_KEPT_DEPTH = 64;
/** Per call besides its body: the record, its strings, its issues. */
const ENTRY_BYTES = 256;

/**
 * Every group-operation call the reference server answered, accepted or refused, oldest first, bounded by
 * count and by estimated bytes (the oldest calls go first). In memory only. Each call is recorded in one
 * synchronous step; a body too deep or too large to keep is listed without it.
 */
export class CallLog {
  readonly #limits: CallLogLimits;
  readonly #entries: Entry[] = [];
  /** Where the oldest kept entry is in `#entries` (dropping advances it; the array is compacted now and then). */
  #start = 0;
  #bytes = 0;
  #nextId = 1;

  constructor(limits: Partial<CallLogLimits> = {}) {
    this.#limits = { ...DEFAULT_CALL_LOG_LIMITS, ...limits };
  }

  /** Estimated bytes kept now. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Calls kept now, across all keys. */
  get size(): number {
    return this.#entries.length - this.#start;
  }

  /** Records one answered call (an `onCall` record). */
  record(record: CallRecord): void {
    if (this.#limits.calls <= 0) return;
    const budget = Math.max(0, this.#limits.bytes - ENTRY_BYTES);
    const issues = record.issues ?? [];
    let bytes = ENTRY_BYTES + issues.reduce((sum, issue) => sum + 96 + 2 * (issue.path.length + issue.message.length), 0);
    let body: Pick<LoggedCall, "body" | "body_omitted"> = {};
    if (Object.hasOwn(record, "body")) {
      const size = measure(record.body, budget / 4, MAX_KEPT_DEPTH);
      body = size.keepable ? { body: record.body } : { body_omitted: true };
      if (size.keepable) bytes += size.heap;
    }
    const ids = record.messageIds ?? [];
    bytes += ids.reduce((sum, id) => sum + 16 + 2 * id.length, 0);
    const call: LoggedCall = {
      id: this.#nextId++,
      kind: record.kind,
      status: record.status,
      valid: record.status === 200,
      received_at: new Date().toISOString(),
      ...(issues.length > 0 ? { issues } : {}),
      ...body,
      ...(record.eventId === undefined ? {} : { event_id: record.eventId }),
      ...(ids.length > 0 ? { message_ids: ids } : {}),
    };
    this.#entries.push({ call, caller: record.caller, bytes });
    this.#bytes += bytes;
    while (this.size > this.#limits.calls || (this.#bytes > this.#limits.bytes && this.size > 1)) this.#dropOldest();
  }

  /**
   * The calls of `caller` (every caller's with `undefined`, refused-before-authentication ones included),
   * oldest first, that pass `filter`.
   */
  list(caller: string | undefined, filter: CallFilter = {}): LoggedCall[] {
    const out: LoggedCall[] = [];
    for (let i = this.#start; i < this.#entries.length; i++) {
      const { call, caller: owner } = this.#entries[i]!;
      if (caller !== undefined && owner !== caller) continue;
      if (filter.valid !== undefined && call.valid !== filter.valid) continue;
      if (filter.kind !== undefined && call.kind !== filter.kind) continue;
      if (filter.messageId !== undefined && !(call.message_ids ?? []).includes(filter.messageId)) continue;
      out.push(call);
    }
    return out;
  }

  /** Forgets the calls of `caller`, or every call with `undefined`; returns how many were forgotten. */
  clear(caller?: string): number {
    const kept = this.#entries.slice(this.#start).filter((entry) => caller !== undefined && entry.caller !== caller);
    const cleared = this.size - kept.length;
    this.#entries.length = 0;
    this.#entries.push(...kept);
    this.#start = 0;
    this.#bytes = kept.reduce((sum, entry) => sum + entry.bytes, 0);
    return cleared;
  }

  #dropOldest(): void {
    const entry = this.#entries[this.#start]!;
    this.#entries[this.#start] = undefined as unknown as Entry;
    this.#start++;
    this.#bytes -= entry.bytes;
    // Compact once half the array is dropped entries: O(1) per call, amortized.
    if (this.#start > 1024 && this.#start * 2 > this.#entries.length) {
      this.#entries.splice(0, this.#start);
      this.#start = 0;
    }
  }
}
