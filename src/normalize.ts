import { randomUUID } from "node:crypto";
import type { Bodies, Kind } from "../generated/validators/index.js";
import { DIALECTS } from "../generated/dialects.js";
import { eachMessage, isGroupCall, isObject, messageList } from "./traits/locate.js";
import { reservedName } from "./traits/reserved.js";
import { assertValid } from "./validate.js";

// The schemas' ID_MAX; src/ reads schemas/ only through generated/.
const ID_MAX = 255;

/** Options of {@link normalize}. */
export interface NormalizeOptions {
  /** The server time that fills a missing `timestamp` (default: the time of the call). */
  readonly now?: Date;
  /** Makes a `messageId` for a segment message that has none (default `crypto.randomUUID`). */
  readonly messageId?: () => string;
}

/**
 * What a server stores after accepting a body: a deep copy of it (the input is never mutated and shares no
 * object with the result) with
 *
 * - every reserved trait key folded to its canonical spelling (`Account_Name` → `account_name` in
 *   thrivestack; `created_at` → `createdAt` in segment; legacy names are exact, so nothing is folded);
 * - a missing `timestamp` set to `now` (004: "Defaults to server time if omitted"): on each thrivestack group
 *   object and each segment message, including batch messages of other types; legacy requires it;
 * - a segment message's `messageId` kept, or made by `options.messageId`, and `type: "group"` added to a
 *   segment group message that has no `type`.
 *
 * The body is validated first: an invalid body throws a `GroupSpecError`. Two spellings of one reserved
 * trait cannot reach the fold, since validation rejects them as `duplicate_trait`.
 *
 * @example
 * normalize("thrivestack", [{ group_id: "g1", user_id: "u1", traits: { Plan: "pro" } }], { now: new Date(0) })
 * // [{ group_id: "g1", user_id: "u1", traits: { plan: "pro" }, timestamp: "1970-01-01T00:00:00.000Z" }]
 */
export function normalize<K extends Kind>(kind: K, body: unknown, options?: NormalizeOptions | null): Bodies[K] {
  return normalizeValid(kind, assertValid(kind, body), options);
}

/**
 * {@link normalize} of a body that has just been validated (the request handler's `validateJson` result), so
 * that a request is validated once. Passing anything that was not validated as `kind` is a programming error.
 */
export function normalizeValid<K extends Kind>(kind: K, valid: Bodies[K], options?: NormalizeOptions | null): Bodies[K] {
  const { now = new Date(), messageId: makeId = randomUUID } = options ?? {};
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError("normalize: `now` must be a valid Date.");
  const timestamp = now.toISOString();
  const messageId = () => checkedMessageId(makeId());
  const stored = spellingOfValid(kind, valid) as unknown;
  const { fill, fields } = DIALECTS[kind].shape;
  eachMessage(kind, stored, (message) => {
    if (fill.timestamp && !Object.hasOwn(message, fields.timestamp)) setOwn(message, fields.timestamp, timestamp);
    if (fill.messageId && fields.messageId !== undefined && !Object.hasOwn(message, fields.messageId)) {
      setOwn(message, fields.messageId, messageId());
    }
  });
  // A group call's type, when the dialect has one and the message left it out, goes first (003's samples).
  const type = fields.type;
  if (fill.type === undefined || type === undefined) return stored as Bodies[K];
  const typed = (message: Record<string, unknown>) => (Object.hasOwn(message, type) ? message : withFirst(type, fill.type, message));
  const list = messageList(kind, stored);
  if (list === undefined) return typed(stored as Record<string, unknown>) as Bodies[K];
  list.forEach((message, i) => (list[i] = typed(message as Record<string, unknown>)));
  return stored as Bodies[K];
}

/**
 * A validated deep copy of a body with every reserved trait key folded to its canonical spelling and nothing
 * else changed: no timestamp or `messageId` is filled in. Translation compares against this form, and two
 * bodies that differ only in how they spell reserved traits normalize to one. Throws a `GroupSpecError` on an
 * invalid body.
 *
 * @example normalizeSpelling("segment", { userId: "u", groupId: "g", traits: { created_at: "2024-01-01T00:00:00Z" } })
 * // { userId: "u", groupId: "g", traits: { createdAt: "2024-01-01T00:00:00Z" } }
 */
export function normalizeSpelling<K extends Kind>(kind: K, body: unknown): Bodies[K] {
  return spellingOfValid(kind, assertValid(kind, body));
}

/** {@link normalizeSpelling} of a body already validated as `kind`: the copy and the fold, no second validation. */
function spellingOfValid<K extends Kind>(kind: K, valid: Bodies[K]): Bodies[K] {
  const copy = copyJson(valid as unknown);
  const member = DIALECTS[kind].shape.fields.traits;
  eachMessage(kind, copy, (message) => {
    const traits = Object.hasOwn(message, member) ? message[member] : undefined;
    if (isGroupCall(kind, message) && isObject(traits)) setOwn(message, member, foldTraits(kind, traits));
  });
  return copy as Bodies[K];
}

/** A traits object with each reserved key under its canonical name, in the original key order. */
function foldTraits(kind: Kind, traits: Record<string, unknown>): Record<string, unknown> {
  const folded: Record<string, unknown> = {};
  for (const key of Object.keys(traits)) setOwn(folded, reservedName(kind, key) ?? key, traits[key]);
  return folded;
}

function checkedMessageId(id: unknown): string {
  if (typeof id === "string" && id.length > 0 && [...id].length <= ID_MAX) return id;
  throw new TypeError(`normalize: options.messageId must return a string of 1 to ${ID_MAX} characters.`);
}

/** A copy of `object` with `key` first. */
function withFirst(key: string, value: unknown, object: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  setOwn(result, key, value);
  for (const k of Object.keys(object)) setOwn(result, k, object[k]);
  return result;
}

/**
 * Sets an own, enumerable data property. Plain assignment of a `__proto__` key would replace the object's
 * prototype instead of adding a key, so every key that comes from a body is written this way.
 */
export function setOwn(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A deep copy of a JSON value that shares no object or array with it. Keys are copied with {@link setOwn}, so
 * a `__proto__` key stays data. The walk keeps its own stack, so a value nested 100,000 levels deep (which the
 * open `context` and thrivestack custom traits allow) does not overflow the call stack, unlike
 * `structuredClone`; an object reached twice is copied once.
 */
export function copyJson<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  const copies = new Map<object, object>();
  const stack: object[] = [];
  const copyOf = (source: unknown): unknown => {
    if (typeof source !== "object" || source === null) return source;
    const known = copies.get(source);
    if (known !== undefined) return known;
    const target = Array.isArray(source) ? new Array<unknown>(source.length) : {};
    copies.set(source, target);
    stack.push(source);
    return target;
  };
  const root = copyOf(value) as T;
  let source: object | undefined;
  while ((source = stack.pop()) !== undefined) {
    const target = copies.get(source)!;
    if (Array.isArray(source)) {
      for (let i = 0; i < source.length; i++) (target as unknown[])[i] = copyOf(source[i]);
    } else {
      for (const key of Object.keys(source)) setOwn(target, key, copyOf((source as Record<string, unknown>)[key]));
    }
  }
  return root;
}
