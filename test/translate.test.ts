import fc, { type Arbitrary } from "fast-check";
import { describe, expect, it } from "vitest";
import { GroupSpecError, validate, type Kind } from "../src/index.js";
import { normalizeSpelling } from "../src/normalize.js";
import { translate, TranslationError, TRANSLATIONS, type Translation } from "../src/translate/index.js";
import { valueAt } from "../src/value-at.js";
import * as arb from "./support/arbitraries.js";
import { deepFreeze, sharedObjects } from "./support/arbitraries.js";

const SEG_TS = { from: "segment", to: "thrivestack" } as const;
const TS_SEG = { from: "thrivestack", to: "segment" } as const;
const LEGACY_TS = { from: "thrivestack-legacy", to: "thrivestack" } as const;
const BATCH_TS = { from: "segment-batch", to: "thrivestack" } as const;
const TS_BATCH = { from: "thrivestack", to: "segment-batch" } as const;

const T1 = "2024-01-15T10:30:00Z";
const T2 = "2020-11-23T22:28:55.111Z";
const ids = { userId: "u1", groupId: "acme" };
const group = { group_id: "acme", user_id: "u1" };

interface Case {
  readonly name: string;
  readonly given: unknown;
  readonly want: unknown;
}

const segmentToThrivestack: Case[] = [
  { name: "ids", given: ids, want: [group] },
  {
    name: "reserved traits renamed or kept (name → account_name, createdAt → created_at)",
    given: { ...ids, traits: { name: "Acme", createdAt: T1, website: "https://acme.com", avatar: "https://acme.com/a.png", employees: 5, industry: "Tech", plan: "pro", phone: "+1", description: "d" } },
    want: [{ ...group, traits: { account_name: "Acme", created_at: T1, website: "https://acme.com", avatar: "https://acme.com/a.png", employees: 5, industry: "Tech", plan: "pro", phone: "+1", description: "d" } }],
  },
  {
    name: "segment-only reserved traits and custom traits carried under their keys",
    given: { ...ids, traits: { id: "acme", email: "a@acme.com", revenue: 1.5, updatedAt: T2, address: { postalCode: "1" }, mrr: 5, tags: ["a"] } },
    want: [{ ...group, traits: { id: "acme", email: "a@acme.com", revenue: 1.5, updatedAt: T2, address: { postalCode: "1" }, mrr: 5, tags: ["a"] } }],
  },
  {
    name: "reserved spellings read as their canonical trait",
    given: { ...ids, traits: { NAME: "Acme", created_at: T1, Plan: "pro", UpdatedAt: T2 } },
    want: [{ ...group, traits: { account_name: "Acme", created_at: T1, plan: "pro", updatedAt: T2 } }],
  },
  {
    name: "thrivestack reserved traits under their exact names become those traits",
    given: { ...ids, traits: { account_domain: "acme.com", group_type: "Account", enrichment_tags: ["b2b"] } },
    want: [{ ...group, traits: { account_domain: "acme.com", group_type: "Account", enrichment_tags: ["b2b"] } }],
  },
  {
    name: "anonymousId alone is the user_id, and kept in context.anonymous_id",
    given: { anonymousId: "a1", groupId: "acme" },
    want: [{ group_id: "acme", user_id: "a1", context: { anonymous_id: "a1" } }],
  },
  {
    name: "userId wins user_id; anonymousId, messageId, integrations move into the context",
    given: { type: "group", ...ids, anonymousId: "a1", messageId: "m1", integrations: { All: false, Mixpanel: { x: 1 } }, timestamp: T1 },
    want: [{ ...group, context: { anonymous_id: "a1", message_id: "m1", integrations: { All: false, Mixpanel: { x: 1 } } }, timestamp: T1 }],
  },
  {
    name: "the segment context carried unchanged, unknown top-level keys under context.segment",
    given: { ...ids, context: { ip: "10.0.0.1", library: { name: "analytics.js", version: "4.1.0" }, source: "product" }, channel: "server", _metadata: { bundled: [] } },
    want: [{ ...group, context: { ip: "10.0.0.1", library: { name: "analytics.js", version: "4.1.0" }, source: "product", segment: { channel: "server", _metadata: { bundled: [] } } } }],
  },
  { name: "an empty context and empty traits stay", given: { ...ids, traits: {}, context: {} }, want: [{ ...group, traits: {}, context: {} }] },
];

const thrivestackToSegment: Case[] = [
  { name: "ids", given: [group], want: { type: "group", ...ids } },
  {
    name: "reserved traits renamed or kept (account_name → name, created_at → createdAt)",
    given: [{ ...group, traits: { Account_Name: "Acme", created_at: T1, WEBSITE: "https://acme.com", employees: 5, plan: "pro" } }],
    want: { type: "group", ...ids, traits: { name: "Acme", createdAt: T1, website: "https://acme.com", employees: 5, plan: "pro" } },
  },
  {
    name: "thrivestack-only reserved traits carried as custom traits",
    given: [{ ...group, traits: { account_domain: "acme.com", group_type: "Team", Enrichment_Founder_Year: 1999 } }],
    want: { type: "group", ...ids, traits: { account_domain: "acme.com", group_type: "Team", enrichment_founder_year: 1999 } },
  },
  {
    name: "custom traits named like segment reserved traits become them",
    given: [{ ...group, traits: { email: "a@acme.com", address: { city: "X" }, revenue: 3, mrr: 1 } }],
    want: { type: "group", ...ids, traits: { email: "a@acme.com", address: { city: "X" }, revenue: 3, mrr: 1 } },
  },
  {
    name: "moved context fields back to the top level, the rest of the context kept",
    given: [{ ...group, context: { device_id: "d1", anonymous_id: "a1", message_id: "m1", integrations: { All: true }, segment: { channel: "web" } }, timestamp: T1 }],
    want: { type: "group", ...ids, anonymousId: "a1", context: { device_id: "d1" }, timestamp: T1, messageId: "m1", integrations: { All: true }, channel: "web" },
  },
  { name: "a context of moved fields only leaves no context", given: [{ ...group, context: { message_id: "m1" } }], want: { type: "group", ...ids, messageId: "m1" } },
  { name: "an empty context stays", given: [{ ...group, context: {} }], want: { type: "group", ...ids, context: {} } },
];

const legacyToThrivestack: Case[] = [
  {
    name: "one object to a one-item array; employees digits to a number; address, email, custom traits carried",
    given: { user_id: "u1", group_id: "acme", traits: { employees: "100", address: { postal_code: "1" }, email: "a@acme.com", name: "Acme", industry: "IT" }, timestamp: T2, context: { source: "product" } },
    want: [{ ...group, traits: { employees: 100, address: { postal_code: "1" }, email: "a@acme.com", name: "Acme", industry: "IT" }, context: { source: "product" }, timestamp: T2 }],
  },
  {
    name: "enrichment traits and integer employees kept",
    given: { user_id: "u1", group_id: "acme", traits: { enrichment_name: "Acma", employees: 7 }, timestamp: T2 },
    want: [{ ...group, traits: { enrichment_name: "Acma", employees: 7 }, timestamp: T2 }],
  },
];

const batchToThrivestack: Case[] = [
  {
    name: "each group message, in order",
    given: { batch: [{ type: "group", ...ids }, { type: "group", anonymousId: "a2", groupId: "beta", traits: { name: "B" } }] },
    want: [group, { group_id: "beta", user_id: "a2", traits: { account_name: "B" }, context: { anonymous_id: "a2" } }],
  },
  {
    name: "the envelope's context and integrations apply to each message (its own keys win); sentAt and writeKey are not carried",
    given: {
      batch: [{ type: "group", ...ids, context: { ip: "10.0.0.2" }, integrations: { A: true } }, { type: "group", ...ids }],
      context: { ip: "10.0.0.1", library: { name: "l", version: "1" } },
      integrations: { A: false, B: true },
      sentAt: T1,
      writeKey: "secret",
    },
    want: [
      { ...group, context: { ip: "10.0.0.2", library: { name: "l", version: "1" }, integrations: { A: true, B: true } } },
      { ...group, context: { ip: "10.0.0.1", library: { name: "l", version: "1" }, integrations: { A: false, B: true } } },
    ],
  },
];

const thrivestackToBatch: Case[] = [
  {
    name: "each group object, in order",
    given: [group, { group_id: "beta", user_id: "u2", traits: { account_name: "B" } }],
    want: { batch: [{ type: "group", ...ids }, { type: "group", userId: "u2", groupId: "beta", traits: { name: "B" } }] },
  },
];

const directions: { readonly title: string; readonly translation: Translation; readonly cases: Case[] }[] = [
  { title: "segment → thrivestack", translation: SEG_TS, cases: segmentToThrivestack },
  { title: "thrivestack → segment", translation: TS_SEG, cases: thrivestackToSegment },
  { title: "thrivestack-legacy → thrivestack", translation: LEGACY_TS, cases: legacyToThrivestack },
  { title: "segment-batch → thrivestack", translation: BATCH_TS, cases: batchToThrivestack },
  { title: "thrivestack → segment-batch", translation: TS_BATCH, cases: thrivestackToBatch },
];

describe.each(directions)("translate $title", ({ translation, cases }) => {
  it.each(cases)("$name", ({ given, want }) => {
    const got = translate(deepFreeze(given), translation);
    expect(got).toEqual(want);
    expect(validate(translation.to, got).ok).toBe(true);
    expect(sharedObjects(given, got)).toEqual([]);
  });
});

describe("translate: what the round trip does not restore (documented)", () => {
  it("a segment message without userId comes back with userId = anonymousId", () => {
    const there = translate({ anonymousId: "a1", groupId: "acme" }, SEG_TS);
    expect(translate(there, TS_SEG)).toEqual({ type: "group", userId: "a1", anonymousId: "a1", groupId: "acme" });
  });

  it("an empty context beside fields that move into the thrivestack context comes back absent", () => {
    const there = translate({ ...ids, messageId: "m1", context: {} }, SEG_TS);
    expect(translate(there, TS_SEG)).toEqual({ type: "group", ...ids, messageId: "m1" });
  });
});

interface ErrorCase {
  readonly name: string;
  readonly translation: Translation;
  readonly given: unknown;
  /** The input paths of the issues, sorted. */
  readonly want: readonly string[];
}

const tooDeep = { a: { b: { c: { d: 1 } } } };
const errorCases: ErrorCase[] = [
  { name: "segment custom trait account_name (thrivestack fills it from name)", translation: SEG_TS, given: { ...ids, traits: { name: "A", account_name: "B" } }, want: ["/traits/account_name"] },
  { name: "segment custom trait thrivestack reads as another reserved trait", translation: SEG_TS, given: { ...ids, traits: { Account_Domain: "acme.com", ENRICHMENT_NAME: "x" } }, want: ["/traits/Account_Domain", "/traits/ENRICHMENT_NAME"] },
  { name: "segment context keys where thrivestack keeps moved fields", translation: SEG_TS, given: { ...ids, context: { anonymous_id: "a", message_id: "m", integrations: {}, segment: {} } }, want: ["/context/anonymous_id", "/context/message_id", "/context/integrations", "/context/segment"] },
  { name: "a context.source thrivestack rejects", translation: SEG_TS, given: { ...ids, context: { source: "web" } }, want: ["/context/source"] },
  { name: "a context.device_id thrivestack rejects", translation: SEG_TS, given: { ...ids, context: { device_id: 5 } }, want: ["/context/device_id"] },
  { name: "a thrivestack reserved trait with a value thrivestack rejects", translation: SEG_TS, given: { ...ids, traits: { account_domain: "not a host" } }, want: ["/traits/account_domain"] },
  { name: "more than one group to one segment message", translation: TS_SEG, given: [group, group], want: [""] },
  { name: "thrivestack custom trait name (segment fills it from account_name)", translation: TS_SEG, given: [{ ...group, traits: { name: "A" } }], want: ["/0/traits/name"] },
  { name: "thrivestack custom traits segment reads as reserved under another spelling", translation: TS_SEG, given: [{ ...group, traits: { createdAt: T1, Email: "a@b.co", updated_at: T1 } }], want: ["/0/traits/createdAt", "/0/traits/Email", "/0/traits/updated_at"] },
  { name: "custom traits nested deeper than segment's 3 levels", translation: TS_SEG, given: [{ ...group, traits: { x: tooDeep } }], want: ["/0/traits/x/a/b/c"] },
  { name: "a custom string longer than segment's 8192", translation: TS_SEG, given: [{ ...group, traits: { x: "x".repeat(8193) } }], want: ["/0/traits/x"] },
  { name: "more traits than segment's 255", translation: TS_SEG, given: [{ ...group, traits: Object.fromEntries(Array.from({ length: 256 }, (_, i) => [`t${i}`, i])) }], want: ["/0/traits"] },
  { name: "a fractional employees count", translation: TS_SEG, given: [{ ...group, traits: { employees: 1.5 } }], want: ["/0/traits/employees"] },
  { name: "a group_id segment rejects as groupId", translation: TS_SEG, given: [{ group_id: "a b", user_id: "u" }], want: ["/0/group_id"] },
  { name: "a custom email segment rejects as its reserved email", translation: TS_SEG, given: [{ ...group, traits: { email: "nope" } }], want: ["/0/traits/email"] },
  { name: "context values segment rejects", translation: TS_SEG, given: [{ ...group, context: { ip: "999.1.1.1", anonymous_id: "", message_id: 5, integrations: { x: 1 } } }], want: ["/0/context/anonymous_id", "/0/context/message_id", "/0/context/ip", "/0/context/integrations/x"] },
  { name: "a context.segment that is not an object", translation: TS_SEG, given: [{ ...group, context: { segment: "x" } }], want: ["/0/context/segment"] },
  { name: "an empty context.segment", translation: TS_SEG, given: [{ ...group, context: { segment: {} } }], want: ["/0/context/segment"] },
  { name: "a context.segment naming message fields", translation: TS_SEG, given: [{ ...group, context: { segment: { userId: "x", type: "track" } } }], want: ["/0/context/segment/userId", "/0/context/segment/type"] },
  { name: "a second group segment rejects, by its index", translation: TS_BATCH, given: [group, { ...group, traits: { x: tooDeep } }], want: ["/1/traits/x/a/b/c"] },
  { name: "a batch with a message of another type", translation: BATCH_TS, given: { batch: [{ type: "group", ...ids }, { type: "identify", userId: "u1" }] }, want: ["/batch/1"] },
  { name: "a batch message custom trait thrivestack reads as reserved", translation: BATCH_TS, given: { batch: [{ type: "group", ...ids, traits: { Group_Type: "x" } }] }, want: ["/batch/0/traits/Group_Type"] },
  { name: "a batch envelope context key where thrivestack keeps moved fields", translation: BATCH_TS, given: { batch: [{ type: "group", ...ids }, { type: "group", ...ids }], context: { message_id: "m" } }, want: ["/context/message_id"] },
  { name: "legacy employees with more digits than a number holds exactly", translation: LEGACY_TS, given: { ...group, traits: { employees: "12345678901234567" }, timestamp: T2 }, want: ["/traits/employees"] },
  { name: "a legacy custom trait thrivestack reads as reserved under another spelling", translation: LEGACY_TS, given: { ...group, traits: { Plan: "x" }, timestamp: T2 }, want: ["/traits/Plan"] },
  { name: "a legacy context thrivestack rejects", translation: LEGACY_TS, given: { ...group, traits: {}, timestamp: T2, context: { source: "web" } }, want: ["/context/source"] },
];

describe("TranslationError", () => {
  it.each(errorCases)("$name", ({ translation, given, want }) => {
    const error = thrown(() => translate(deepFreeze(given), translation));
    expect(error).toBeInstanceOf(TranslationError);
    const { issues, name, from, to } = error as TranslationError;
    expect({ name, from, to }).toEqual({ name: "TranslationError", ...translation });
    expect(issues.map((issue) => issue.path).sort()).toEqual([...want].sort());
    for (const issue of issues) {
      expect(issue.code).toBe("invalid");
      expect(issue.message.length).toBeGreaterThan(20);
      expect(issue.message.length).toBeLessThan(400);
    }
  });

  it.each([
    { from: "segment", to: "thrivestack-legacy" },
    { from: "thrivestack", to: "thrivestack" },
    { from: "segment", to: "segment-batch" },
    { from: "mixpanel", to: "thrivestack" },
  ])("an unsupported translation $from → $to", (translation) => {
    const error = thrown(() => translate({}, translation as unknown as Translation));
    expect(error).toBeInstanceOf(TranslationError);
    expect((error as TranslationError).issues).toEqual([{ path: "", code: "invalid", message: expect.stringContaining("not supported") }]);
  });

  it.each(TRANSLATIONS)("an invalid $from body throws GroupSpecError", (translation) => {
    expect(() => translate({ not: "valid" }, translation)).toThrow(GroupSpecError);
  });
});

describe("translate keeps keys as data", () => {
  it("a __proto__ trait, context key and top-level key survive both ways without touching Object.prototype", () => {
    const given = JSON.parse('{"userId":"u","groupId":"g","traits":{"__proto__":{"polluted":1}},"context":{"__proto__":2},"__proto__":3}') as unknown;
    const there = translate(given, SEG_TS);
    const back = translate(there, TS_SEG) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(back, "__proto__")?.value).toBe(3);
    expect(Object.getOwnPropertyDescriptor(back["traits"], "__proto__")?.value).toEqual({ polluted: 1 });
    expect(Object.getOwnPropertyDescriptor(back["context"], "__proto__")?.value).toBe(2);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

// ---------------------------------------------------------------- properties

const RUNS = { numRuns: 150, seed: 20250115 };

/** The input the round trip must give back: its spelling-normalized self, with `type: "group"` for segment messages. */
function restored(kind: Kind, body: unknown): unknown {
  const normal = normalizeSpelling(kind, body);
  return kind === "segment" ? { type: "group", ...(normal as object) } : normal;
}

const roundTrips: [string, Kind, Arbitrary<unknown>, Translation, Translation][] = [
  ["segment message → thrivestack → segment", "segment", arb.coveredSegmentMessage, SEG_TS, TS_SEG],
  ["thrivestack group → segment → thrivestack", "thrivestack", arb.coveredThrivestackGroup.map((g) => [g]), TS_SEG, SEG_TS],
  ["thrivestack array → segment-batch → thrivestack", "thrivestack", arb.coveredThrivestackBody, TS_BATCH, BATCH_TS],
  ["segment-batch → thrivestack → segment-batch", "segment-batch", arb.coveredSegmentBatch, BATCH_TS, TS_BATCH],
];

describe("round trip (fast-check, 1000 cases each)", () => {
  it.each(roundTrips)("%s gives the normalized original, and each step is valid for its target", (_name, kind, bodies, there, back) => {
    fc.assert(
      fc.property(bodies, (body) => {
        const translated = translate(body, there);
        expect(validate(there.to, translated).ok).toBe(true);
        const returned = translate(translated, back);
        expect(validate(back.to, returned).ok).toBe(true);
        expect(returned).toEqual(restored(kind, body));
      }),
      RUNS,
    );
  });

  it("thrivestack-legacy → thrivestack (one way) translates every covered body to a valid one", () => {
    fc.assert(
      fc.property(arb.coveredLegacyBody, (body) => {
        const translated = translate(body, LEGACY_TS);
        expect(validate("thrivestack", translated).ok).toBe(true);
        const { traits, ...rest } = body as { traits: Record<string, unknown> };
        const employees = traits["employees"];
        const want = { ...rest, traits: typeof employees === "string" ? { ...traits, employees: Number(employees) } : traits };
        expect(translated).toEqual([want]);
      }),
      RUNS,
    );
  });
});

describe("every valid body translates to a valid body or throws TranslationError pointing into it", () => {
  const sources: Record<Translation["from"], Arbitrary<unknown>> = {
    segment: arb.validSegmentMessage,
    thrivestack: fc.oneof(arb.validThrivestackGroup.map((group) => [group]), arb.validThrivestackBody),
    "thrivestack-legacy": arb.validLegacyBody,
    "segment-batch": arb.validSegmentBatch,
  };
  it.each(TRANSLATIONS)("$from → $to", (translation) => {
    fc.assert(
      fc.property(sources[translation.from], (body) => {
        let translated: unknown;
        try {
          translated = translate(deepFreeze(body), translation);
        } catch (error) {
          if (!(error instanceof TranslationError)) throw error;
          for (const { path } of error.issues) expect(path === "" || valueAt(body, path) !== undefined).toBe(true);
          return;
        }
        expect(validate(translation.to, translated).ok).toBe(true);
        expect(sharedObjects(body, translated)).toEqual([]);
      }),
      { numRuns: 250, seed: 20250116 },
    );
  });
});

describe("arbitraries (test/support/arbitraries.ts) give valid bodies", () => {
  const samples: [string, Kind, Arbitrary<unknown>][] = [
    ["validSegmentMessage", "segment", arb.validSegmentMessage],
    ["coveredSegmentMessage", "segment", arb.coveredSegmentMessage],
    ["validThrivestackBody", "thrivestack", arb.validThrivestackBody],
    ["coveredThrivestackBody", "thrivestack", arb.coveredThrivestackBody],
    ["validLegacyBody", "thrivestack-legacy", arb.validLegacyBody],
    ["coveredLegacyBody", "thrivestack-legacy", arb.coveredLegacyBody],
    ["validSegmentBatch", "segment-batch", arb.validSegmentBatch],
    ["coveredSegmentBatch", "segment-batch", arb.coveredSegmentBatch],
  ];
  it.each(samples)("200 samples of %s", (_name, kind, bodies) => {
    const invalid = fc.sample(bodies, { numRuns: 200, seed: 7 }).flatMap((body) => {
      const result = validate(kind, body);
      return result.ok ? [] : [result.issues];
    });
    expect(invalid).toEqual([]);
  });
});

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}
