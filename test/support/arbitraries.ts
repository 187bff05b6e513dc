/**
 * fast-check arbitraries for VALID bodies of each kind, reusable by any property or fuzz test. Each comes in
 * two flavours where translation is concerned: `valid…` covers everything the schemas accept (reserved traits
 * under any spelling, odd keys such as `__proto__`, values the other dialect rejects), `covered…` only what
 * the translation mapping covers, so that it translates there and back. `test/translate.test.ts` checks that
 * 200 samples of each are valid.
 */
import fc, { type Arbitrary } from "fast-check";
import type { Kind } from "../../src/index.js";
import { reservedName, reservedNames } from "../../src/traits/reserved.js";

type Json = unknown;
type Obj = Record<string, unknown>;

const NO_NULL_PROTO = { noNullPrototype: true } as const;

// ---------------------------------------------------------------- strings and formats

/** A string of up to `max` code points: usually short, sometimes exactly `max` (astral characters count once). */
export const text = (max: number, min = 0): Arbitrary<string> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.string({ unit: "binary", minLength: min, maxLength: Math.min(max, 16) }) },
    { weight: 1, arbitrary: fc.constantFrom("a".repeat(max), "𝒳".repeat(max), "é".repeat(max)) },
  );

/** An identifier: 1..255 code points, any characters. */
export const id = text(255, 1);

/** A short text: 0..255 code points. */
export const short = text(255);

const groupIdChar = fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((c) => !/[\s\x00-\x1F\x7F-\x9F]/u.test(c));

/** A segment `groupId`: 1..255 code points, no whitespace or control character. */
export const groupId: Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.string({ unit: groupIdChar, minLength: 1, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constantFrom("g".repeat(255), "org:123", "a@b.co", "ac8db7ba-5139-4911-ba6e-523fd9c4704b") },
);

/** An RFC 3339 date-time between 1970 and 2100, as `toISOString` writes it or in another valid form. */
export const timestamp: Arbitrary<string> = fc
  .tuple(fc.date({ min: new Date("1970-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), fc.nat(3))
  .map(([date, form]) => {
    const iso = date.toISOString();
    if (form === 1) return iso.replace(/\.\d{3}Z$/, "Z");
    if (form === 2) return iso.replace(/Z$/, "+00:00");
    if (form === 3) return iso.replace("T", "t").replace("Z", "z");
    return iso;
  });

/** An absolute http(s) URI of at most 2048 characters. */
export const uri = fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((s) => s.length <= 2048);
/** An RFC 5321 e-mail address of at most 254 characters. */
export const email = fc.emailAddress().filter((s) => s.length <= 254);
/** An RFC 1123 host name of at most 253 characters. */
// RFC 5891 reserves `--` in places 3–4 of a label for A-labels; the package refuses other such labels.
export const hostname = fc.domain().filter((s) => s.length <= 253 && !/(?:^|\.)(?![Xx][Nn])[^.]{2}--/.test(s));
/** An IPv4 or IPv6 address. */
export const ip = fc.oneof(fc.ipV4(), fc.ipV6());

// ---------------------------------------------------------------- JSON values and keys

/**
 * An object key: usually short, sometimes one that trips naive code (`__proto__`, `a/b~c`, the empty key) or
 * that another dialect reads as one of its own names (`account_name`, `Email`, `source`, `anonymous_id`).
 */
export const key: Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "a/b~c", "", "mrr", "tier") },
  {
    weight: 1,
    arbitrary: fc.constantFrom("account_name", "Account_Domain", "Email", "name", "createdAt", "Plan", "source", "device_id", "anonymous_id", "segment", "type"),
  },
  { weight: 1, arbitrary: fc.constant("k".repeat(255)) },
);

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const scalar: Arbitrary<Json> = fc.oneof(text(8192), finite, fc.integer(), fc.boolean(), fc.constant(null));

const byDepth = new Map<number, Arbitrary<Json>>();

/** A JSON value nested at most `depth` levels (a scalar is 0; each object or array adds 1), strings ≤ 8192. */
export function jsonValue(depth: number): Arbitrary<Json> {
  const known = byDepth.get(depth);
  if (known) return known;
  const inner = depth === 0 ? undefined : jsonValue(depth - 1);
  const made = inner === undefined
    ? scalar
    : fc.oneof(
        { weight: 3, arbitrary: scalar },
        { weight: 1, arbitrary: fc.array(inner, { maxLength: 3 }) },
        { weight: 1, arbitrary: fc.dictionary(key, inner, { maxKeys: 3, ...NO_NULL_PROTO }) },
      );
  byDepth.set(depth, made);
  return made;
}

/** An object of `value`s under keys that `keep` accepts. */
const dict = (keep: (k: string) => boolean, value: Arbitrary<Json>, maxKeys = 3, minKeys = 0): Arbitrary<Obj> =>
  fc.dictionary(key.filter(keep), value, { minKeys, maxKeys, ...NO_NULL_PROTO });

/** An object with some of the given members. */
const some = (members: Record<string, Arbitrary<Json>>): Arbitrary<Obj> => fc.record(members, { requiredKeys: [], ...NO_NULL_PROTO });

/** Objects merged key by key; spread defines own properties, so a `__proto__` key stays a key (`Object.assign` would set the prototype). */
const merge = (...parts: Obj[]): Obj => parts.reduce<Obj>((all, part) => ({ ...all, ...part }), {});

// ---------------------------------------------------------------- reserved trait spellings

/** `name` with each ASCII letter in a random case, and (when `style`) each word boundary with or without `_`. */
function spelling(kind: Kind, name: string, style: boolean): Arbitrary<string> {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").split("_");
  const letters = words.join("").length;
  const varied = fc
    .tuple(fc.array(fc.boolean(), { minLength: letters, maxLength: letters }), fc.array(fc.boolean(), { minLength: words.length, maxLength: words.length }))
    .map(([upper, underscore]) => {
      let i = 0;
      const cased = words.map((word) => [...word].map((c) => (upper[i++] ? c.toUpperCase() : c.toLowerCase())).join(""));
      return cased.reduce((all, word, w) => all + (w > 0 && (!style || underscore[w]) ? "_" : "") + word, "");
    })
    .filter((spelled) => reservedName(kind, spelled) === name);
  return fc.oneof({ weight: 2, arbitrary: fc.constant(name) }, { weight: 1, arbitrary: varied });
}

/** Some of the given reserved traits, each under a spelling `kind` folds to it. */
function reserved(kind: Kind, values: Record<string, Arbitrary<Json>>, style: boolean, caseless: boolean): Arbitrary<Obj> {
  const entries = Object.entries(values).map(([name, value]) =>
    fc.option(fc.tuple(caseless ? spelling(kind, name, style) : fc.constant(name), value), { nil: undefined, freq: 2 }),
  );
  return fc.tuple(...entries).map((picked) => Object.fromEntries(picked.filter((entry) => entry !== undefined)));
}

// ---------------------------------------------------------------- traits

const enrichment = (name: string): Arbitrary<Json> => {
  if (/_(domain_aliases|phone_numbers|email_addresses|tags|tech_categories)$/.test(name)) return fc.array(short, { maxLength: 3 });
  if (name === "enrichment_employees") return fc.maxSafeNat();
  if (name === "enrichment_founder_year") return fc.integer({ min: 1800, max: 2100 });
  if (name === "enrichment_description") return text(4096);
  if (/_(logo|handle)$/.test(name)) return text(2048);
  return short;
};
const enrichmentTraits = Object.fromEntries(
  reservedNames("thrivestack").filter((name) => name.startsWith("enrichment_")).map((name) => [name, enrichment(name)]),
);

/** The `address` trait of segment: the five parts, and other keys nested at most 2 levels. */
export const segmentAddress: Arbitrary<Obj> = fc
  .tuple(
    some({ street: short, city: short, state: short, postalCode: short, country: short }),
    dict((k) => !["street", "city", "state", "postalCode", "country"].includes(k), jsonValue(2), 2),
  )
  .map(([parts, rest]) => merge(rest, parts));

const segmentReservedValues = {
  id: short, name: short, email, website: uri, phone: text(64), industry: short, employees: fc.maxSafeNat(),
  revenue: finite, plan: short, address: segmentAddress, description: text(4096), avatar: uri,
  createdAt: timestamp, updatedAt: timestamp,
};

const isSegmentCustom = (k: string) => reservedName("segment", k) === undefined;
const isThrivestackCustom = (k: string) => reservedName("thrivestack", k) === undefined;

/** Valid segment traits: reserved traits under any case and style, custom traits nested at most 3 levels. */
export const validSegmentTraits: Arbitrary<Obj> = fc
  .tuple(reserved("segment", segmentReservedValues, true, true), dict(isSegmentCustom, jsonValue(3), 4))
  .map(([r, custom]) => merge(r, custom));

/**
 * Segment traits the translation to thrivestack covers: custom keys thrivestack reads as custom too, and
 * thrivestack's own reserved traits (`account_domain`, `enrichment_*`) under their exact names and types.
 */
export const coveredSegmentTraits: Arbitrary<Obj> = fc
  .tuple(
    reserved("segment", segmentReservedValues, true, true),
    dict((k) => isSegmentCustom(k) && isThrivestackCustom(k), jsonValue(3), 4),
    some({ account_domain: hostname, group_type: short, enrichment_name: short, enrichment_tags: fc.array(short, { maxLength: 3 }) }),
  )
  .map(([r, custom, theirs]) => merge(r, custom, theirs));

const thrivestackReservedValues = (employees: Arbitrary<number>) => ({
  account_name: short, account_domain: hostname, group_type: short, industry: short, employees, plan: short,
  website: uri, phone: text(64), created_at: timestamp, description: text(4096), avatar: uri, ...enrichmentTraits,
});

/** Valid thrivestack traits: reserved traits under any letter case, custom traits of any JSON value. */
export const validThrivestackTraits: Arbitrary<Obj> = fc
  .tuple(
    reserved("thrivestack", thrivestackReservedValues(fc.double({ min: 0, max: 1e12, noNaN: true })), false, true),
    dict(isThrivestackCustom, jsonValue(5), 4),
  )
  .map(([r, custom]) => merge(r, custom));

/**
 * Thrivestack traits the translation to segment covers: integer `employees`, custom traits segment reads as
 * custom and within its limits, and segment's own reserved traits (`email`, `address`, ...) under their exact
 * names and types.
 */
export const coveredThrivestackTraits: Arbitrary<Obj> = fc
  .tuple(
    reserved("thrivestack", thrivestackReservedValues(fc.maxSafeNat()), false, true),
    dict((k) => isThrivestackCustom(k) && isSegmentCustom(k), jsonValue(3), 4),
    some({ id: short, email, revenue: finite, updatedAt: timestamp, address: segmentAddress }),
  )
  .map(([r, custom, theirs]) => merge(r, custom, theirs));

const legacyReservedValues = (digits: number) => ({
  address: some({ street: short, city: short, state: short, postal_code: short, country: short }),
  avatar: uri, description: text(4096), email, phone: text(64), website: uri, plan: short,
  employees: fc.oneof(fc.maxSafeNat(), fc.stringMatching(new RegExp(`^[0-9]{1,${digits}}$`))),
  ...enrichmentTraits,
});
const isLegacyCustom = (k: string) => reservedName("thrivestack-legacy", k) === undefined;

/** Valid legacy traits: the reserved traits under their exact names (`employees` up to 18 digits), custom traits of any JSON value. */
export const validLegacyTraits: Arbitrary<Obj> = fc
  .tuple(reserved("thrivestack-legacy", legacyReservedValues(18), false, false), dict(isLegacyCustom, jsonValue(4), 4))
  .map(([r, custom]) => merge(r, custom));

/**
 * Legacy traits the translation to thrivestack covers: `employees` strings a number holds exactly, custom keys
 * thrivestack reads as custom, and thrivestack reserved traits legacy lacks under their exact names (`industry`).
 */
export const coveredLegacyTraits: Arbitrary<Obj> = fc
  .tuple(
    reserved("thrivestack-legacy", legacyReservedValues(15), false, false),
    dict((k) => isLegacyCustom(k) && isThrivestackCustom(k), jsonValue(4), 4),
    some({ industry: short, account_name: short, created_at: timestamp, group_type: short }),
  )
  .map(([r, custom, theirs]) => merge(r, custom, theirs));

// ---------------------------------------------------------------- context and integrations

const SEGMENT_MESSAGE_KEYS = ["type", "userId", "anonymousId", "groupId", "traits", "context", "timestamp", "messageId", "integrations"];
const MOVED = ["anonymous_id", "message_id", "integrations", "segment"];
const SEGMENT_TYPED = ["ip", "userAgent", "library"];
const THRIVESTACK_TYPED = ["device_id", "session_id", "group_id", "source"];

const segmentTyped = { ip, userAgent: text(1024), library: fc.record({ name: short, version: short }, NO_NULL_PROTO) };
const thrivestackTyped = { device_id: short, session_id: short, group_id: short, source: fc.constantFrom("product", "marketing") };
const not = (keys: readonly string[]) => (k: string) => !keys.includes(k);

/** Segment `integrations`: destinations to `true`/`false` or to an options object. */
export const segmentIntegrations: Arbitrary<Obj> = dict(() => true, fc.oneof(fc.boolean(), dict(() => true, jsonValue(1), 2)));

/** A valid segment context: its typed keys and any others. */
export const validSegmentContext: Arbitrary<Obj> = fc
  .tuple(some(segmentTyped), dict(not(SEGMENT_TYPED), jsonValue(3)))
  .map(([typed, rest]) => merge(rest, typed));

/** A segment context that thrivestack accepts and that leaves room for the fields translation moves in. */
export const coveredSegmentContext: Arbitrary<Obj> = fc
  .tuple(some(segmentTyped), some(thrivestackTyped), dict(not([...SEGMENT_TYPED, ...THRIVESTACK_TYPED, ...MOVED]), jsonValue(3)))
  .map(([typed, theirs, rest]) => merge(rest, typed, theirs));

/** A valid thrivestack context: its typed keys and any others. */
export const validThrivestackContext: Arbitrary<Obj> = fc
  .tuple(some(thrivestackTyped), dict(not(THRIVESTACK_TYPED), jsonValue(3)))
  .map(([typed, rest]) => merge(rest, typed));

const extraFields = (min = 0) =>
  fc.dictionary(
    fc.oneof(fc.constantFrom("channel", "_metadata", "sentAt", "receivedAt", "version"), key).filter(not(SEGMENT_MESSAGE_KEYS)),
    jsonValue(2),
    { minKeys: min, maxKeys: 2, ...NO_NULL_PROTO },
  );

/** A thrivestack context that segment accepts, holding the fields a segment message moves into it. */
export const coveredThrivestackContext: Arbitrary<Obj> = fc
  .tuple(
    some(thrivestackTyped),
    some(segmentTyped),
    some({ anonymous_id: id, message_id: id, integrations: segmentIntegrations, segment: extraFields(1) }),
    dict(not([...SEGMENT_TYPED, ...THRIVESTACK_TYPED, ...MOVED]), jsonValue(3)),
  )
  .map(([typed, theirs, moved, rest]) => merge(rest, typed, theirs, moved));

// ---------------------------------------------------------------- bodies

interface MessageParts {
  readonly type: Arbitrary<"group" | undefined>;
  readonly identity: Arbitrary<Obj>;
  readonly traits: Arbitrary<Obj>;
  readonly context: Arbitrary<Obj>;
}

const identity = fc.oneof(
  fc.record({ userId: id }, NO_NULL_PROTO),
  fc.record({ anonymousId: id }, NO_NULL_PROTO),
  fc.record({ userId: id, anonymousId: id }, NO_NULL_PROTO),
);
const withUserId = fc.record({ userId: id, anonymousId: fc.option(id, { nil: undefined }) }, NO_NULL_PROTO).map(
  ({ userId, anonymousId }): Obj => (anonymousId === undefined ? { userId } : { userId, anonymousId }),
);

function message(parts: MessageParts): Arbitrary<Obj> {
  return fc
    .tuple(
      parts.type,
      parts.identity,
      groupId,
      some({ traits: parts.traits, context: parts.context, timestamp, messageId: id, integrations: segmentIntegrations }),
      extraFields(),
    )
    .map(([type, who, gid, fields, extra]) => merge(type === undefined ? {} : { type }, who, { groupId: gid }, fields, extra));
}

/** Whether a message has an empty context beside fields that move into the thrivestack context (they come back without it). */
export function losesEmptyContext(m: Obj): boolean {
  const context = m["context"];
  if (typeof context !== "object" || context === null || Object.keys(context).length > 0) return false;
  return Object.keys(m).some((k) => !SEGMENT_MESSAGE_KEYS.includes(k) || ["anonymousId", "messageId", "integrations"].includes(k));
}

const maybeGroupType = fc.option(fc.constant("group" as const), { nil: undefined });

/** A valid segment group message (`type` optional, `userId` and/or `anonymousId`). */
export const validSegmentMessage = message({ type: maybeGroupType, identity, traits: validSegmentTraits, context: validSegmentContext });

/** A segment message the mapping covers: it has a `userId`, and everything in it translates there and back. */
export const coveredSegmentMessage = message({ type: maybeGroupType, identity: withUserId, traits: coveredSegmentTraits, context: coveredSegmentContext })
  .filter((m) => !losesEmptyContext(m));

const groupObject = (traits: Arbitrary<Obj>, context: Arbitrary<Obj>): Arbitrary<Obj> =>
  fc
    .tuple(fc.record({ group_id: id, user_id: id }, NO_NULL_PROTO), some({ traits, context, timestamp }))
    .map(([ids, rest]) => merge(ids, rest));

/** A valid thrivestack group object. */
export const validThrivestackGroup = groupObject(validThrivestackTraits, validThrivestackContext);
/** A thrivestack group object the mapping to segment covers. */
export const coveredThrivestackGroup = fc
  .tuple(groupObject(coveredThrivestackTraits, coveredThrivestackContext), groupId)
  .map(([group, gid]) => merge(group, { group_id: gid }));

/** A valid thrivestack body: 1..5 group objects. */
export const validThrivestackBody = fc.array(validThrivestackGroup, { minLength: 1, maxLength: 5 });
/** A thrivestack body of 1..5 group objects the mapping to a segment batch covers. */
export const coveredThrivestackBody = fc.array(coveredThrivestackGroup, { minLength: 1, maxLength: 5 });

const legacyBody = (traits: Arbitrary<Obj>, context: Arbitrary<Obj>): Arbitrary<Obj> =>
  fc
    .tuple(fc.record({ group_id: id, user_id: id, traits, timestamp }, NO_NULL_PROTO), some({ context }))
    .map(([required, rest]) => merge(required, rest));

/** A valid legacy body (its context may hold anything). */
export const validLegacyBody = legacyBody(validLegacyTraits, dict(() => true, jsonValue(3)));
/** A legacy body the translation to thrivestack covers: its context is one thrivestack accepts. */
export const coveredLegacyBody = legacyBody(coveredLegacyTraits, validThrivestackContext);

const otherMessage = fc
  .tuple(fc.string({ minLength: 1, maxLength: 64 }).filter((t) => t !== "group"), identity, extraFields())
  .map(([type, who, extra]) => merge(extra, { type }, who));

/** A valid segment batch: group and other messages, and the envelope's optional keys. */
export const validSegmentBatch: Arbitrary<Obj> = fc
  .tuple(
    fc.array(
      fc.oneof(message({ type: fc.constant("group"), identity, traits: validSegmentTraits, context: validSegmentContext }), otherMessage),
      { minLength: 1, maxLength: 4 },
    ),
    some({ sentAt: timestamp, writeKey: short, context: validSegmentContext, integrations: segmentIntegrations }),
    dict(not(["batch", "sentAt", "writeKey", "context", "integrations"]), jsonValue(2), 2),
  )
  .map(([batch, envelope, extra]) => merge({ batch }, envelope, extra));

/** A segment batch the mapping covers: covered group messages only, and an envelope of `batch` alone. */
export const coveredSegmentBatch: Arbitrary<Obj> = fc
  .array(
    message({ type: fc.constant("group"), identity: withUserId, traits: coveredSegmentTraits, context: coveredSegmentContext }).filter(
      (m) => !losesEmptyContext(m),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((batch) => ({ batch }));

/** A valid body of each kind. */
export const validBody: { readonly [K in Kind]: Arbitrary<unknown> } = {
  thrivestack: validThrivestackBody,
  "thrivestack-legacy": validLegacyBody,
  segment: validSegmentMessage,
  "segment-batch": validSegmentBatch,
};

// ---------------------------------------------------------------- invariant helpers

/** Freezes a value and everything in it (iteratively), so that any write to it throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  let next: unknown;
  while ((next = stack.pop()) !== undefined) {
    if (typeof next !== "object" || next === null || Object.isFrozen(next)) continue;
    Object.freeze(next);
    stack.push(...Object.values(next));
  }
  return value;
}

/** The objects and arrays that `a` and `b` have in common (by identity). */
export function sharedObjects(a: unknown, b: unknown): unknown[] {
  const objects = (root: unknown) => {
    const found = new Set<object>();
    const stack = [root];
    let next: unknown;
    while ((next = stack.pop()) !== undefined) {
      if (typeof next !== "object" || next === null || found.has(next)) continue;
      found.add(next);
      stack.push(...Object.values(next));
    }
    return found;
  };
  const inA = objects(a);
  return [...objects(b)].filter((object) => inA.has(object));
}
