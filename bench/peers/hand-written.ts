/**
 * The bar the generated validators are measured against: the rules of each body kind checked by hand, as a
 * TypeScript team would write them for a hot path (plain loops and `typeof`, the package's format functions,
 * lengths in code points counted only when `.length` does not decide). A peer, not product: it returns a verdict
 * only, and the bench checks that it agrees with the package on every corpus case.
 */

import { isDateTime, isEmail, isHostname, isIPv4, isIPv6, isUri } from "../../schemas/formats/index.js";
import { codePoints } from "../../schemas/keywords/code-points.js";

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && isFinite(v);
const isInteger = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

/** A string of at most `max` code points. */
function str(v: unknown, max: number): v is string {
  if (typeof v !== "string") return false;
  const n = v.length;
  return n <= max || (n <= 2 * max && codePoints(v) <= max);
}

/** A string of 1..`max` code points. */
function id(v: unknown, max = 255): v is string {
  return typeof v === "string" && v.length > 0 && str(v, max);
}

const dateTime = (v: unknown) => str(v, 64) && isDateTime(v);
const uri = (v: unknown) => str(v, 2048) && isUri(v);
const email = (v: unknown) => str(v, 254) && isEmail(v);
const hostname = (v: unknown) => str(v, 253) && isHostname(v);
const ip = (v: unknown) => str(v, 45) && (isIPv4(v) || isIPv6(v));
const short = (v: unknown) => str(v, 255);
const text = (v: unknown) => str(v, 4096);
const link = (v: unknown) => str(v, 2048);
const phone = (v: unknown) => str(v, 64);
const list = (v: unknown) => Array.isArray(v) && v.length <= 100 && v.every(short);

/** True when every character of `s` is ASCII: reserved trait spellings fold ASCII letters only. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

type Check = (v: unknown) => boolean;

const enrichment: Record<string, Check> = {
  enrichment_name: short, enrichment_legal_name: short, enrichment_domain: short, enrichment_domain_aliases: list,
  enrichment_phone_numbers: list, enrichment_email_addresses: list, enrichment_sector: short,
  enrichment_industry_group: short, enrichment_industry: short, enrichment_sub_industry: short, enrichment_tags: list,
  enrichment_description: text, enrichment_founder_year: isInteger, enrichment_location: short,
  enrichment_time_zone: short, enrichment_street_number: short, enrichment_street_name: short,
  enrichment_street_address: short, enrichment_city: short, enrichment_postal_code: short, enrichment_state: short,
  enrichment_state_code: short, enrichment_country: short, enrichment_country_code: short, enrichment_logo: link,
  enrichment_linkedin_handle: link, enrichment_facebook_handle: link, enrichment_twitter_handle: link,
  enrichment_crunchbase_handle: link, enrichment_email_provider: short, enrichment_type: short, enrichment_phone: short,
  enrichment_traffic_rank: short, enrichment_employees: (v) => isInteger(v) && v >= 0,
  enrichment_employees_range: short, enrichment_market_cap: short, enrichment_raised: short,
  enrichment_annual_revenue: short, enrichment_tech: short, enrichment_tech_categories: list,
};

const asMap = (o: Record<string, Check>) => new Map(Object.entries(o));

// ---- thrivestack (004) ------------------------------------------------------------------------------------------

/** Reserved traits by lower-case name: any ASCII letter case names them. */
const thrivestackTraits = asMap({
  account_name: short, account_domain: hostname, group_type: short, industry: short,
  employees: (v) => isNumber(v) && v >= 0, plan: short, website: uri, phone, created_at: dateTime,
  description: text, avatar: uri, ...enrichment,
});

function thrivestackGroup(g: unknown): boolean {
  if (!isObject(g)) return false;
  for (const key in g) {
    if (key !== "group_id" && key !== "user_id" && key !== "traits" && key !== "context" && key !== "timestamp") return false;
  }
  if (!id(g["group_id"]) || !id(g["user_id"])) return false;
  const { traits, context, timestamp } = g;
  if (traits !== undefined) {
    if (!isObject(traits)) return false;
    for (const key in traits) {
      const check = thrivestackTraits.get(key.toLowerCase());
      if (check !== undefined && isAscii(key) && !check(traits[key])) return false;
    }
  }
  if (context !== undefined) {
    if (!isObject(context)) return false;
    const { device_id, session_id, group_id, source } = context;
    if (device_id !== undefined && !short(device_id)) return false;
    if (session_id !== undefined && !short(session_id)) return false;
    if (group_id !== undefined && !short(group_id)) return false;
    if (source !== undefined && source !== "product" && source !== "marketing") return false;
  }
  return timestamp === undefined || dateTime(timestamp);
}

/** `POST /api/group`: an array of 1..1000 group objects. */
export function thrivestack(body: unknown): boolean {
  if (!Array.isArray(body) || body.length < 1 || body.length > 1000) return false;
  for (let i = 0; i < body.length; i++) if (!thrivestackGroup(body[i])) return false;
  return true;
}

// ---- thrivestack-legacy (000-002) -------------------------------------------------------------------------------

function legacyAddress(v: unknown): boolean {
  if (!isObject(v)) return false;
  const { street, city, state, postal_code, country } = v;
  return (
    (street === undefined || short(street)) && (city === undefined || short(city)) &&
    (state === undefined || short(state)) && (postal_code === undefined || short(postal_code)) &&
    (country === undefined || short(country))
  );
}

const DIGITS = /^[0-9]+$/;

const legacyTraits = asMap({
  address: legacyAddress, avatar: uri, description: text, email,
  employees: (v) => (isInteger(v) && v >= 0) || (str(v, 255) && DIGITS.test(v)),
  phone, website: uri, plan: short, ...enrichment,
});

/** The legacy single-object body: exact keys, exact trait names. */
export function thrivestackLegacy(body: unknown): boolean {
  if (!isObject(body)) return false;
  for (const key in body) {
    if (key !== "group_id" && key !== "user_id" && key !== "traits" && key !== "timestamp" && key !== "context") return false;
  }
  const { group_id, user_id, traits, timestamp, context } = body;
  if (!id(group_id) || !id(user_id) || !isObject(traits) || !dateTime(timestamp)) return false;
  if (context !== undefined && !isObject(context)) return false;
  for (const key in traits) {
    const check = legacyTraits.get(key);
    if (check !== undefined && !check(traits[key])) return false;
  }
  return true;
}

// ---- segment (003) ----------------------------------------------------------------------------------------------

/** A custom trait value nested at most `depth` levels. */
function traitValue(v: unknown, depth: number): boolean {
  switch (typeof v) {
    case "string":
      return str(v, 8192);
    case "number":
      return isFinite(v);
    case "boolean":
      return true;
    case "object":
      if (v === null) return true;
      if (depth === 0) return false;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (!traitValue(v[i], depth - 1)) return false;
        return true;
      }
      for (const key in v) if (!traitValue((v as Obj)[key], depth - 1)) return false;
      return true;
    default:
      return false;
  }
}

const ADDRESS_PARTS = new Set(["street", "city", "state", "postalCode", "country"]);

function segmentAddress(v: unknown): boolean {
  if (!isObject(v)) return false;
  for (const key in v) {
    const value = v[key];
    if (ADDRESS_PARTS.has(key) ? !short(value) : !traitValue(value, 2)) return false;
  }
  return true;
}

/** Every spelling of a segment reserved trait, lower-cased: `createdAt` is `createdat` and `created_at`. */
function spellings(traits: Record<string, Check>): Map<string, Check> {
  const out = new Map<string, Check>();
  for (const [name, check] of Object.entries(traits)) {
    const words = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split("_");
    let forms = [words[0]!];
    for (const word of words.slice(1)) forms = forms.flatMap((f) => [f + word, `${f}_${word}`]);
    for (const form of forms) out.set(form, check);
  }
  return out;
}

const segmentReserved = spellings({
  id: short, name: short, email, website: uri, phone, industry: short, employees: (v) => isInteger(v) && v >= 0,
  revenue: isNumber, plan: short, address: segmentAddress, description: text, avatar: uri,
  createdAt: dateTime, updatedAt: dateTime,
});

function segmentTraits(traits: unknown): boolean {
  if (!isObject(traits)) return false;
  let count = 0;
  for (const key in traits) {
    if (++count > 255) return false;
    // A name of 256 or more code points.
    if (key.length > 255 && (key.length > 510 || codePoints(key) > 255)) return false;
    const value = traits[key];
    if (!traitValue(value, 3)) return false;
    const check = segmentReserved.get(key.toLowerCase());
    if (check !== undefined && isAscii(key) && !check(value)) return false;
  }
  return true;
}

function segmentContext(v: unknown): boolean {
  if (!isObject(v)) return false;
  const { ip: address, userAgent, library } = v;
  if (address !== undefined && !ip(address)) return false;
  if (userAgent !== undefined && !str(userAgent, 1024)) return false;
  if (library !== undefined) {
    if (!isObject(library) || !short(library["name"]) || !short(library["version"])) return false;
  }
  return true;
}

function segmentIntegrations(v: unknown): boolean {
  if (!isObject(v)) return false;
  for (const key in v) {
    const value = v[key];
    if (typeof value !== "boolean" && !isObject(value)) return false;
  }
  return true;
}

const GROUP_ID = /^[^\s\x00-\x1F\x7F-\x9F]+$/u;

/** A group message; `type` must be present in a batch. */
function segmentGroupMessage(m: Obj, typeRequired: boolean): boolean {
  const { type, userId, anonymousId, groupId, traits, context, timestamp, messageId, integrations } = m;
  if (type === undefined ? typeRequired : type !== "group") return false;
  if (userId === undefined ? anonymousId === undefined : !id(userId)) return false;
  if (anonymousId !== undefined && !id(anonymousId)) return false;
  if (!id(groupId) || !GROUP_ID.test(groupId)) return false;
  if (traits !== undefined && !segmentTraits(traits)) return false;
  if (context !== undefined && !segmentContext(context)) return false;
  if (timestamp !== undefined && !dateTime(timestamp)) return false;
  if (messageId !== undefined && !id(messageId)) return false;
  return integrations === undefined || segmentIntegrations(integrations);
}

/** `POST /v1/group`: one group message. */
export function segment(body: unknown): boolean {
  return isObject(body) && segmentGroupMessage(body, false);
}

function batchMessage(m: unknown): boolean {
  if (!isObject(m)) return false;
  const type = m["type"];
  if (type === "group") return segmentGroupMessage(m, true);
  if (!id(type, 64)) return false;
  const { userId, anonymousId } = m;
  if (userId !== undefined && id(userId)) return true;
  return anonymousId !== undefined && id(anonymousId);
}

/** `POST /v1/batch`: 1..2500 messages in an envelope. */
export function segmentBatch(body: unknown): boolean {
  if (!isObject(body)) return false;
  const { batch, sentAt, writeKey, context, integrations } = body;
  if (!Array.isArray(batch) || batch.length < 1 || batch.length > 2500) return false;
  for (let i = 0; i < batch.length; i++) if (!batchMessage(batch[i])) return false;
  if (sentAt !== undefined && !dateTime(sentAt)) return false;
  if (writeKey !== undefined && !short(writeKey)) return false;
  if (context !== undefined && !segmentContext(context)) return false;
  return integrations === undefined || segmentIntegrations(integrations);
}

/** The hand-written check of each body kind. */
export const handWritten = {
  thrivestack,
  "thrivestack-legacy": thrivestackLegacy,
  segment,
  "segment-batch": segmentBatch,
} as const;
