/**
 * The four request bodies in valibot 1, written as a TypeScript team would: valibot's own string actions
 * (`isoTimestamp`, `email`, `url`, `domain`, `ip`), `maxLength` (UTF-16 units), and a check for the reserved traits
 * that any letter case (and, in segment, any style) may spell. A peer, not product: the bench reports where its
 * verdicts differ from the package's.
 */

import * as v from "valibot";

type Schema = v.GenericSchema;

const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const short = str(255);
const text = str(4096);
const link = str(2048);
const phone = str(64);
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(255));
const dateTime = v.pipe(v.string(), v.maxLength(64), v.isoTimestamp());
const uri = v.pipe(v.string(), v.maxLength(2048), v.url());
const email = v.pipe(v.string(), v.maxLength(254), v.email());
const hostname = v.pipe(v.string(), v.maxLength(253), v.domain());
const list = v.pipe(v.array(short), v.maxLength(100));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const optional = <T extends Schema>(schema: T) => v.optional(schema);

const enrichment: Record<string, Schema> = {
  enrichment_name: short, enrichment_legal_name: short, enrichment_domain: short, enrichment_domain_aliases: list,
  enrichment_phone_numbers: list, enrichment_email_addresses: list, enrichment_sector: short,
  enrichment_industry_group: short, enrichment_industry: short, enrichment_sub_industry: short, enrichment_tags: list,
  enrichment_description: text, enrichment_founder_year: v.pipe(v.number(), v.integer()), enrichment_location: short,
  enrichment_time_zone: short, enrichment_street_number: short, enrichment_street_name: short,
  enrichment_street_address: short, enrichment_city: short, enrichment_postal_code: short, enrichment_state: short,
  enrichment_state_code: short, enrichment_country: short, enrichment_country_code: short, enrichment_logo: link,
  enrichment_linkedin_handle: link, enrichment_facebook_handle: link, enrichment_twitter_handle: link,
  enrichment_crunchbase_handle: link, enrichment_email_provider: short, enrichment_type: short, enrichment_phone: short,
  enrichment_traffic_rank: short, enrichment_employees: count, enrichment_employees_range: short,
  enrichment_market_cap: short, enrichment_raised: short, enrichment_annual_revenue: short, enrichment_tech: short,
  enrichment_tech_categories: list,
};

/** An open traits object whose reserved traits, found by `normalize(key)`, must match their schema. */
function reservedTraits(reserved: Record<string, Schema>, normalize: (key: string) => string) {
  const byName = new Map(Object.entries(reserved).map(([name, schema]) => [normalize(name), schema]));
  return v.pipe(
    v.record(v.string(), v.unknown()),
    v.check((traits) => {
      for (const key in traits) {
        const schema = byName.get(normalize(key));
        if (schema !== undefined && !v.is(schema, traits[key])) return false;
      }
      return true;
    }, "A reserved trait is invalid."),
  );
}

// ---- thrivestack ---------------------------------------------------------------------------------------------------

const thrivestack = v.pipe(
  v.array(
    v.strictObject({
      group_id: id,
      user_id: id,
      traits: optional(
        reservedTraits(
          {
            account_name: short, account_domain: hostname, group_type: short, industry: short,
            employees: v.pipe(v.number(), v.minValue(0)), plan: short, website: uri, phone, created_at: dateTime,
            description: text, avatar: uri, ...enrichment,
          },
          (key) => key.toLowerCase(),
        ),
      ),
      context: optional(
        v.looseObject({
          device_id: optional(short),
          session_id: optional(short),
          group_id: optional(short),
          source: optional(v.picklist(["product", "marketing"])),
        }),
      ),
      timestamp: optional(dateTime),
    }),
  ),
  v.minLength(1),
  v.maxLength(1000),
);

// ---- thrivestack-legacy --------------------------------------------------------------------------------------------

const legacy = v.strictObject({
  group_id: id,
  user_id: id,
  traits: v.looseObject({
    address: optional(
      v.looseObject({
        street: optional(short), city: optional(short), state: optional(short), postal_code: optional(short),
        country: optional(short),
      }),
    ),
    avatar: optional(uri),
    description: optional(text),
    email: optional(email),
    employees: optional(v.union([count, v.pipe(v.string(), v.regex(/^[0-9]+$/), v.maxLength(255))])),
    phone: optional(phone),
    website: optional(uri),
    plan: optional(short),
    ...Object.fromEntries(Object.entries(enrichment).map(([name, schema]) => [name, optional(schema)])),
  }),
  timestamp: dateTime,
  context: optional(v.looseObject({})),
});

// ---- segment -------------------------------------------------------------------------------------------------------

function traitValue(depth: number): Schema {
  const scalars = [str(8192), v.number(), v.boolean(), v.null()];
  if (depth === 0) return v.union(scalars);
  const inner = traitValue(depth - 1);
  return v.union([...scalars, v.array(inner), v.record(v.string(), inner)]);
}

const segmentAddress = v.objectWithRest(
  { street: optional(short), city: optional(short), state: optional(short), postalCode: optional(short), country: optional(short) },
  traitValue(2),
);

const segmentTraits = v.pipe(
  v.record(short, traitValue(3)),
  v.check((traits) => Object.keys(traits).length <= 255, "At most 255 traits."),
  reservedTraits(
    {
      id: short, name: short, email, website: uri, phone, industry: short, employees: count, revenue: v.number(),
      plan: short, address: segmentAddress, description: text, avatar: uri, createdAt: dateTime, updatedAt: dateTime,
    },
    (key) => key.toLowerCase().replace(/_/g, ""),
  ),
);

const segmentContext = v.looseObject({
  ip: optional(v.pipe(v.string(), v.ip())),
  userAgent: optional(str(1024)),
  library: optional(v.looseObject({ name: short, version: short })),
});

const integrations = v.record(v.string(), v.union([v.boolean(), v.looseObject({})]));

function groupMessage(type: Schema) {
  return v.pipe(
    v.looseObject({
      type,
      userId: optional(id),
      anonymousId: optional(id),
      groupId: v.pipe(id, v.regex(/^[^\s\x00-\x1F\x7F-\x9F]*$/)),
      traits: optional(segmentTraits),
      context: optional(segmentContext),
      timestamp: optional(dateTime),
      messageId: optional(id),
      integrations: optional(integrations),
    }),
    v.check((m) => m.userId !== undefined || m.anonymousId !== undefined, "userId or anonymousId is required."),
  );
}

const segment = groupMessage(optional(v.literal("group")));

const otherMessage = v.pipe(
  v.looseObject({
    type: v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.check((t) => t !== "group")),
    userId: optional(v.unknown()),
    anonymousId: optional(v.unknown()),
  }),
  v.check((m) => v.is(id, m.userId) || v.is(id, m.anonymousId), "userId or anonymousId is required."),
);

const segmentBatch = v.looseObject({
  batch: v.pipe(v.array(v.union([groupMessage(v.literal("group")), otherMessage])), v.minLength(1), v.maxLength(2500)),
  sentAt: optional(dateTime),
  writeKey: optional(short),
  context: optional(segmentContext),
  integrations: optional(integrations),
});

const schemas: Record<string, Schema> = { thrivestack, "thrivestack-legacy": legacy, segment, "segment-batch": segmentBatch };

/** The valibot verdict of each kind. */
export const valibotValidators = Object.fromEntries(
  Object.entries(schemas).map(([kind, schema]) => [kind, (body: unknown) => v.is(schema, body)]),
) as Record<"thrivestack" | "thrivestack-legacy" | "segment" | "segment-batch", (body: unknown) => boolean>;
