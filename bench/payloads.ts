/**
 * The request bodies the bench validates, per body kind: a small (~400 B) and a large (~4 KB) valid body, the
 * small body with one error near the top, the large body with one error as deep and as late as the body allows,
 * and 1,000 distinct valid bodies of varied shape (as an ingestion server sees them). Deterministic: a seeded
 * generator, so every run measures the same bytes.
 */

import type { Kind } from "../generated/validators/index.js";

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type Obj = { [key: string]: Json };

/** The payload shapes each kind is measured on. */
export const SHAPES = ["small", "large", "invalid", "deeply invalid", "batch of 1,000"] as const;
/** One of {@link SHAPES}. */
export type Shape = (typeof SHAPES)[number];

/** One measured payload: the bodies (one, or 1,000 for a batch), their JSON text, and the expected verdicts. */
export interface Payload {
  readonly kind: Kind;
  readonly shape: Shape;
  readonly bodies: readonly Json[];
  readonly texts: readonly string[];
  /** Whether the package accepts every body (the batch) or the one body. */
  readonly valid: boolean;
  /** Mean JSON size of one body, in bytes. */
  readonly bytes: number;
}

/** A 32-bit xorshift generator: the same sequence on every machine. */
export function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const FEB_30 = "2024-02-30T10:00:00Z";
const TOO_DEEP: Json = { a: { b: { c: { d: 1 } } } };
const WORDS = ["alpha", "beta", "gamma", "delta", "omega", "north", "south", "cloud", "data", "sales", "ops", "core"];

function customTraits(rnd: () => number, count: number): Obj {
  const out: Obj = {};
  for (let i = 0; i < count; i++) {
    const word = WORDS[Math.floor(rnd() * WORDS.length)]!;
    const kind = Math.floor(rnd() * 6);
    const key = `${word}${i}`;
    if (kind === 0) out[key] = `${word} value ${Math.floor(rnd() * 1e6)}`;
    else if (kind === 1) out[key] = Math.floor(rnd() * 1e5);
    else if (kind === 2) out[key] = rnd() < 0.5;
    else if (kind === 3) out[key] = [word, `${word}-${i}`];
    else if (kind === 4) out[key] = { tier: word, seats: i };
    else out[key] = null;
  }
  return out;
}

function isoDate(rnd: () => number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  const fraction = rnd() < 0.5 ? `.${String(Math.floor(rnd() * 1000)).padStart(3, "0")}` : "";
  const zone = rnd() < 0.7 ? "Z" : "+05:30";
  return `2024-${pad(month)}-${pad(day)}T${pad(Math.floor(rnd() * 24))}:${pad(Math.floor(rnd() * 60))}:${pad(Math.floor(rnd() * 60))}${fraction}${zone}`;
}

const uuid = (rnd: () => number) =>
  "xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx".replace(/x/g, () => Math.floor(rnd() * 16).toString(16));

/** Shuffles the keys of an object, so that bodies differ in shape as well as in values. */
function shuffled(rnd: () => number, o: Obj): Obj {
  const entries = Object.entries(o);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries);
}

// ---- thrivestack --------------------------------------------------------------------------------------------------

/** A valid thrivestack group object with `traitCount` custom traits, keys shuffled. */
export function thrivestackGroup(rnd: () => number, traitCount: number): Obj {
  const traits: Obj = {
    account_name: "Acme Corporation",
    account_domain: "acme.com",
    plan: rnd() < 0.5 ? "enterprise" : "free",
    employees: Math.floor(rnd() * 5000),
    ...customTraits(rnd, traitCount),
  };
  if (rnd() < 0.5) traits["Website"] = "https://acme.com/about";
  if (rnd() < 0.5) traits["created_at"] = isoDate(rnd);
  const group: Obj = {
    group_id: uuid(rnd),
    user_id: uuid(rnd),
    traits: shuffled(rnd, traits),
    context: { source: rnd() < 0.5 ? "product" : "marketing", session_id: `s-${Math.floor(rnd() * 1e6)}` },
  };
  if (rnd() < 0.7) group["timestamp"] = isoDate(rnd);
  return shuffled(rnd, group);
}

const thrivestackSmall: Json = [
  {
    group_id: "ac8db7ba-5139-4911-ba6e-523fd9c4704b",
    user_id: "18f716ac-37a4-464f-adb7-3cc30032308c",
    traits: { account_name: "Acme Corporation", account_domain: "acme.com", plan: "enterprise", employees: 250, website: "https://acme.com" },
    context: { source: "product", session_id: "s-1234" },
    timestamp: "2024-01-15T10:30:00Z",
  },
];

function thrivestackLarge(): Json {
  const rnd = random(7);
  const groups = [0, 1, 2, 3, 4, 5, 6].map(() => thrivestackGroup(rnd, 8));
  (groups[0]!["traits"] as Obj)["enrichment_tags"] = ["saas", "b2b", "analytics", "cloud"];
  (groups[0]!["traits"] as Obj)["Enrichment_Description"] = "A company that makes everything.";
  return groups;
}

// ---- thrivestack-legacy -------------------------------------------------------------------------------------------

/** A valid legacy body with `traitCount` custom traits, keys shuffled. */
export function legacyBody(rnd: () => number, traitCount: number): Obj {
  const traits: Obj = {
    enrichment_name: "Acma labs",
    plan: rnd() < 0.5 ? "free plan" : "pro plan",
    employees: rnd() < 0.5 ? "100" : 250,
    ...customTraits(rnd, traitCount),
  };
  if (rnd() < 0.5) traits["email"] = "hello@acme.com";
  if (rnd() < 0.5) traits["address"] = { street: "1 Main St", city: "Springfield", postal_code: "62701" };
  const body: Obj = { user_id: `user${Math.floor(rnd() * 1e6)}`, group_id: uuid(rnd), traits: shuffled(rnd, traits), timestamp: isoDate(rnd) };
  if (rnd() < 0.3) body["context"] = { ip: "10.0.0.1" };
  return shuffled(rnd, body);
}

const legacySmall: Json = {
  user_id: "user123",
  group_id: "account123",
  traits: {
    enrichment_name: "Acma labs",
    industry: "IT services",
    plan: "free plan",
    employees: "100",
    email: "hello@acma-labs.com",
    website: "https://acma-labs.com",
    address: { city: "Springfield", country: "USA" },
  },
  timestamp: "2020-11-23T22:28:55.111Z",
};

/** A legacy body as enrichment fills it: all 40 `enrichment_*` traits, the standard ones, a few custom ones. */
function legacyLarge(): Json {
  const rnd = random(11);
  const body = legacyBody(rnd, 12);
  Object.assign(body["traits"] as Obj, {
    name: "Acma Laboratories", email: "hello@acma-labs.com", website: "https://acma-labs.com", plan: "enterprise",
    phone: "+1-555-0100", avatar: "https://acma-labs.com/logo.png", employees: 250,
    description: "Acma labs builds analytics tools for teams of every size, from startups to enterprises.",
    address: { street: "1 Main St", city: "Springfield", state: "IL", postal_code: "62701", country: "USA" },
    enrichment_name: "Acma labs", enrichment_legal_name: "Acma Laboratories Incorporated",
    enrichment_domain: "acma-labs.com", enrichment_domain_aliases: ["acma.io", "acmalabs.com", "acma-labs.net"],
    enrichment_phone_numbers: ["+1-555-0100", "+1-555-0101"], enrichment_email_addresses: ["hello@acma-labs.com", "sales@acma-labs.com"],
    enrichment_sector: "Information Technology", enrichment_industry_group: "Software & Services",
    enrichment_industry: "Software", enrichment_sub_industry: "Application Software",
    enrichment_tags: ["saas", "b2b", "analytics", "cloud", "security", "data"],
    enrichment_description:
      "Acma labs builds analytics tools for teams of every size. Its products collect product events, enrich them " +
      "with account data and let sales, success and product teams see which accounts grow, stall or churn.",
    enrichment_founder_year: 2012, enrichment_location: "Springfield, IL, USA", enrichment_time_zone: "America/Chicago",
    enrichment_street_number: "1", enrichment_street_name: "Main St", enrichment_street_address: "1 Main St",
    enrichment_city: "Springfield", enrichment_postal_code: "62701", enrichment_state: "Illinois", enrichment_state_code: "IL",
    enrichment_country: "United States", enrichment_country_code: "US", enrichment_logo: "https://logo.example/acma-labs.com",
    enrichment_linkedin_handle: "https://www.linkedin.com/company/acma-labs", enrichment_facebook_handle: "https://facebook.com/acmalabs",
    enrichment_twitter_handle: "https://twitter.com/acmalabs", enrichment_crunchbase_handle: "https://www.crunchbase.com/organization/acma-labs",
    enrichment_email_provider: "Google Workspace", enrichment_type: "private", enrichment_phone: "+1-555-0100",
    enrichment_traffic_rank: "184233", enrichment_employees: 250, enrichment_employees_range: "201-500",
    enrichment_market_cap: "unknown", enrichment_raised: "$42M", enrichment_annual_revenue: "$10M-$50M",
    enrichment_tech: "AWS, Postgres, React, Node.js, Kafka",
    enrichment_tech_categories: ["cloud computing", "cybersecurity", "data warehousing", "product analytics"],
  });
  return body;
}

// ---- segment ------------------------------------------------------------------------------------------------------

/** A valid segment group message with `traitCount` custom traits; `type` may be left out unless required. */
export function segmentMessage(rnd: () => number, traitCount: number, type: "optional" | "required"): Obj {
  const traits: Obj = {
    name: "Enterprise Corp",
    plan: rnd() < 0.5 ? "enterprise" : "pro",
    employees: Math.floor(rnd() * 5000),
    ...customTraits(rnd, traitCount),
  };
  if (rnd() < 0.5) traits["website"] = "https://enterprise-corp.com";
  if (rnd() < 0.3) traits["created_at"] = isoDate(rnd);
  if (rnd() < 0.3) traits["email"] = "billing@enterprise-corp.com";
  const message: Obj = { groupId: `company_${Math.floor(rnd() * 1e6)}`, traits: shuffled(rnd, traits) };
  if (type === "required" || rnd() < 0.6) message["type"] = "group";
  if (rnd() < 0.7) message["userId"] = `user_${Math.floor(rnd() * 1e6)}`;
  else message["anonymousId"] = uuid(rnd);
  if (rnd() < 0.6) message["context"] = { ip: rnd() < 0.8 ? "192.168.1.1" : "2001:db8::8a2e:370:7334", library: { name: "analytics.js", version: "4.1.0" } };
  if (rnd() < 0.8) message["timestamp"] = isoDate(rnd);
  if (rnd() < 0.5) message["messageId"] = `ajs-${uuid(rnd)}`;
  return shuffled(rnd, message);
}

const segmentSmall: Obj = {
  type: "group",
  userId: "user_12345",
  groupId: "company_enterprise_corp",
  traits: {
    name: "Enterprise Corp",
    employees: 5000,
    plan: "enterprise",
    website: "https://enterprise-corp.com",
    createdAt: "2024-06-15T10:00:00.000Z",
  },
  context: { ip: "192.168.1.1", library: { name: "analytics.js", version: "4.1.0" } },
  timestamp: "2025-01-15T14:30:00.000Z",
  messageId: "ajs-group-12345",
};

function segmentLarge(): Obj {
  const rnd = random(13);
  const message = segmentMessage(rnd, 125, "optional");
  Object.assign(message["traits"] as Obj, {
    address: { street: "123 Business Ave", city: "New York", state: "NY", postalCode: "10001", country: "USA" },
    description: "Enterprise Corp sells enterprise things to enterprises.",
    avatar: "https://enterprise-corp.com/logo.png",
    updatedAt: "2025-01-15T14:00:00.000Z",
    industry: "Financial Services",
    revenue: 500000000,
    technologies: ["React", "Node.js", "Python", "AWS"],
    billing: { contact: "billing@enterprise-corp.com", terms: { net: 30, currency: "USD" } },
  });
  message["context"] = {
    ip: "2001:db8::8a2e:370:7334",
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
    library: { name: "analytics.js", version: "4.1.0" },
  };
  message["integrations"] = { All: true, Mixpanel: false, Salesforce: { accountId: "0015g00000XyZ" } };
  return message;
}

// ---- segment-batch ------------------------------------------------------------------------------------------------

/** A valid segment batch of `messages` messages, three in four of them group messages. */
export function batchBody(rnd: () => number, messages: number, traitCount: number): Obj {
  const batch: Json[] = [];
  for (let i = 0; i < messages; i++) {
    batch.push(
      rnd() < 0.75
        ? segmentMessage(rnd, traitCount, "required")
        : { type: "identify", userId: `user_${Math.floor(rnd() * 1e6)}`, traits: { email: "u@acme.com" } },
    );
  }
  return { batch, sentAt: isoDate(rnd) };
}

const batchSmall: Json = {
  batch: [
    {
      type: "group",
      userId: "user_12345",
      groupId: "company_enterprise_corp",
      traits: { name: "Enterprise Corp", employees: 5000, plan: "enterprise", website: "https://enterprise-corp.com" },
      timestamp: "2025-01-15T14:30:00.000Z",
    },
    { type: "identify", userId: "user_12345", traits: { email: "sarah@enterprise-corp.com" } },
  ],
  sentAt: "2025-01-15T14:30:01.000Z",
};

function batchLarge(): Obj {
  const rnd = random(17);
  return batchBody(rnd, 13, 6);
}

// ---- assembly -----------------------------------------------------------------------------------------------------

const clone = <T extends Json>(v: T): T => structuredClone(v);

function lastKeyOf(o: Obj): string {
  const keys = Object.keys(o);
  return keys[keys.length - 1]!;
}

interface Bodies {
  small: Json;
  large: Json;
  invalid: Json;
  deep: Json;
  batch: (rnd: () => number) => Json;
}

function bodiesOf(kind: Kind): Bodies {
  switch (kind) {
    case "thrivestack": {
      const invalid = clone(thrivestackSmall) as Obj[];
      invalid[0]!["timestamp"] = FEB_30;
      const deep = thrivestackLarge() as Obj[];
      (deep[deep.length - 1]!["traits"] as Obj)["Account_Domain"] = "-acme.example";
      return {
        small: thrivestackSmall,
        large: thrivestackLarge(),
        invalid,
        deep,
        batch: (rnd) => Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => thrivestackGroup(rnd, 2)),
      };
    }
    case "thrivestack-legacy": {
      const invalid = clone(legacySmall) as Obj;
      invalid["timestamp"] = FEB_30;
      const deep = legacyLarge() as Obj;
      const tags = (deep["traits"] as Obj)["enrichment_tech_categories"] as Json[];
      tags[tags.length - 1] = "x".repeat(256);
      return { small: legacySmall, large: legacyLarge(), invalid, deep, batch: (rnd) => legacyBody(rnd, 3) };
    }
    case "segment": {
      const invalid = clone(segmentSmall);
      invalid["timestamp"] = FEB_30;
      const deep = segmentLarge();
      const traits = deep["traits"] as Obj;
      traits[lastKeyOf(traits)] = TOO_DEEP;
      return { small: segmentSmall, large: segmentLarge(), invalid, deep, batch: (rnd) => segmentMessage(rnd, 3, "optional") };
    }
    case "segment-batch": {
      const invalid = clone(batchSmall) as Obj;
      ((invalid["batch"] as Obj[])[0]!)["timestamp"] = FEB_30;
      const deep = batchLarge();
      const messages = deep["batch"] as Obj[];
      messages.push(clone(messages[0]!));
      const traits = messages[messages.length - 1]!["traits"] as Obj;
      traits[lastKeyOf(traits)] = TOO_DEEP;
      return { small: batchSmall, large: batchLarge(), invalid, deep, batch: (rnd) => batchBody(rnd, 1 + Math.floor(rnd() * 2), 2) };
    }
  }
}

function payload(kind: Kind, shape: Shape, bodies: Json[], valid: boolean): Payload {
  const texts = bodies.map((b) => JSON.stringify(b));
  const bytes = Math.round(texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / texts.length);
  return { kind, shape, bodies, texts, valid, bytes };
}

/** The five payloads of a kind, in {@link SHAPES} order. */
export function payloadsOf(kind: Kind): Payload[] {
  const b = bodiesOf(kind);
  const rnd = random(kind.length * 7919);
  return [
    payload(kind, "small", [b.small], true),
    payload(kind, "large", [b.large], true),
    payload(kind, "invalid", [b.invalid], false),
    payload(kind, "deeply invalid", [b.deep], false),
    payload(kind, "batch of 1,000", Array.from({ length: 1000 }, () => b.batch(rnd)), true),
  ];
}
