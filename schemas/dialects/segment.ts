import { Type, type TSchema } from "@sinclair/typebox";
import type { Dialect, ErrorStatus } from "../dialect.js";
import { Issues } from "../issue.js";
import { ID_MAX, MESSAGE_TYPE_MAX, NAME_MAX, SEGMENT_BATCH_MAX, TRAIT_DEPTH_MAX, TRAIT_NAME_MAX, TRAITS_MAX, USER_AGENT_MAX } from "../limits.js";
import { named } from "../named.js";
import { OpenObject } from "../open.js";
import { DateTime, Email, Id, IpAddress, LongText, patternNowhere, Phone, ShortText, Uri } from "../primitives.js";
import { address, addressPart } from "../traits/address.js";
import { reservedTraits } from "../traits/reserved.js";
import { SegmentInnerTraitValue, SegmentTraitValue } from "../traits/trait-value.js";

// Document 003: the Segment-style group method, POST /v1/group, and the /v1/batch envelope SDKs send.

/**
 * The characters a `groupId` may not hold: whitespace as ECMAScript's `\\s` reads it (spelled out, since Python's
 * `\\s` leaves out U+FEFF and RE2's holds ASCII only) and control characters (U+0000–U+001F, U+007F–U+009F).
 * This is how the package reads 003's "cannot contain spaces or special characters": UUIDs, e-mail addresses,
 * domains and `org:123` stay valid. Characters above U+00FF are written as themselves: RE2 has no `\\u`.
 */
export const GROUP_ID_FORBIDDEN = "[\\x00-\\x20\\x7F-\\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]";

/** The address trait of 003 (camelCase `postalCode`). */
export const SegmentAddress = named(
  "SegmentAddress",
  address({ postalCode: addressPart("Postal code.") }, SegmentInnerTraitValue, "Address object with street, city, state, postalCode, country."),
);

/** Segment group traits: the reserved traits of 003 under any case and style, and custom traits up to 3 levels deep. */
export const SegmentTraits = named(
  "SegmentTraits",
  reservedTraits(
    {
      id: ShortText("Unique group identifier (automatically set to groupId)."),
      name: ShortText("Group's display name."),
      email: Email("Group's primary email address."),
      website: Uri("Group's website URL."),
      phone: Phone("Group's phone number."),
      industry: ShortText("Industry classification."),
      employees: Type.Integer({ minimum: 0, description: "Number of employees (integer)." }),
      revenue: Type.Number({ description: "Annual revenue (number)." }),
      plan: ShortText("Subscription or service plan."),
      address: SegmentAddress,
      description: LongText("Group description or mission."),
      avatar: Uri("URL to group logo or image."),
      createdAt: DateTime("When the group was created (ISO 8601)."),
      updatedAt: DateTime("When the group was last updated (ISO 8601)."),
    },
    { caseInsensitive: true, styleInsensitive: true },
    {
      title: "SegmentTraits",
      description:
        `Group attributes. At most ${TRAITS_MAX} traits, names at most ${TRAIT_NAME_MAX} characters, values nested ` +
        `at most ${TRAIT_DEPTH_MAX} levels deep. Reserved traits are typed under any case and style ` +
        "(`created_at`, `CreatedAt` and `createdAt` are one trait).",
      maxProperties: TRAITS_MAX,
      extra: [
        // A trait name longer than the limit matches this key pattern, whose schema nothing satisfies.
        Type.Record(Type.String({ pattern: `^[\\s\\S]{${TRAIT_NAME_MAX + 1}}` }), Type.Never({ title: "TraitNameTooLong" })),
      ],
      rest: SegmentTraitValue,
    },
  ),
);

/** The context of a segment message. */
export const SegmentContext = named(
  "SegmentContext",
  OpenObject(
    {
      ip: Type.Optional(IpAddress("IP address of the user (IPv4 or IPv6).")),
      userAgent: Type.Optional(Type.String({ maxLength: USER_AGENT_MAX, description: "User agent of the device." })),
      library: Type.Optional(
        OpenObject(
          {
            name: ShortText("Name of the library that sent the message."),
            version: ShortText("Version of the library."),
          },
          { description: "The library that sent the message." },
        ),
      ),
    },
    { title: "SegmentContext", description: "Extra information about the message; other keys are allowed." },
  ),
);

/** Which destinations a message goes to. */
export const SegmentIntegrations = named(
  "SegmentIntegrations",
  OpenObject(
    {},
    {
      title: "SegmentIntegrations",
      description: "Destinations to enable or disable (`true`/`false`), or an object of destination options.",
      rest: Type.Union([Type.Boolean(), OpenObject({})]),
    },
  ),
);

/**
 * `userId` or `anonymousId`: at least one of them (003). Its two branches only say which id is present and are
 * always joined (`allOf`) to the message object, which is open and says so; they are left without
 * `additionalProperties`, so that the generated validators read them as shape checks and do not walk every key
 * of a message once more per branch (`UNCHECKED`, scripts/emit/compiler/schema-model.ts).
 */
export const SegmentIdentity = named(
  "SegmentIdentity",
  Type.Union(
    [
      Type.Object({ userId: Id("User identifier.") }),
      Type.Object({ anonymousId: Id("Anonymous identifier.") }),
    ],
    { title: "SegmentIdentity", description: "A message names its user by `userId`, `anonymousId` or both." },
  ),
);

function groupFields<T extends TSchema>(type: T) {
  return OpenObject(
    {
      type,
      userId: Type.Optional(Id("User identifier (`userId` or `anonymousId` is required).")),
      anonymousId: Type.Optional(Id("Anonymous identifier (`userId` or `anonymousId` is required).")),
      groupId: patternNowhere(
        GROUP_ID_FORBIDDEN,
        { minLength: 1, maxLength: ID_MAX },
        "Unique identifier for the group in your database. No whitespace or control characters.",
      ),
      traits: Type.Optional(SegmentTraits),
      context: Type.Optional(SegmentContext),
      timestamp: Type.Optional(DateTime("When the call happened, an RFC 3339 date-time with a time zone.")),
      messageId: Type.Optional(Id("Unique identifier of the message, for deduplication.")),
      integrations: Type.Optional(SegmentIntegrations),
    },
    { description: "Unknown top-level keys are allowed: SDKs add `_metadata`, `channel`, `sentAt` and others." },
  );
}

/** The request body of `POST /v1/group`. */
export const SegmentGroup = named(
  "SegmentGroup",
  Type.Intersect([groupFields(Type.Optional(Type.Literal("group", { description: '"group" when present.' }))), SegmentIdentity], {
    title: "SegmentGroup",
    description: "A group message: associates a user with a group and records the group's traits.",
  }),
);

/** A group message inside a batch, where `type` is required. */
export const SegmentBatchGroup = named(
  "SegmentBatchGroup",
  Type.Intersect([groupFields(Type.Literal("group")), SegmentIdentity], {
    title: "SegmentBatchGroup",
    description: "A group message in a batch: `type` is `\"group\"` and the message is validated fully.",
  }),
);

/** A message of another type inside a batch: only its `type` and identity are checked. */
export const SegmentBatchOtherMessage = named(
  "SegmentBatchOtherMessage",
  Type.Intersect(
    [
      OpenObject({
        type: Type.Intersect(
          [Type.String({ minLength: 1, maxLength: MESSAGE_TYPE_MAX }), Type.Not(Type.Literal("group"))],
          { description: "The message type, such as `identify` or `track`." },
        ),
      }),
      SegmentIdentity,
    ],
    { title: "SegmentBatchOtherMessage", description: "A message of another type (`identify`, `track`, ...)." },
  ),
);

/** The request body of `POST /v1/batch`. */
export const SegmentBatchRequest = named(
  "SegmentBatchRequest",
  OpenObject(
    {
      batch: Type.Array(Type.Union([SegmentBatchGroup, SegmentBatchOtherMessage]), {
        minItems: 1,
        maxItems: SEGMENT_BATCH_MAX,
        description: `The messages, 1 to ${SEGMENT_BATCH_MAX}.`,
      }),
      sentAt: Type.Optional(DateTime("When the SDK sent the batch.")),
      writeKey: Type.Optional(Type.String({ maxLength: NAME_MAX, description: "The source's write key." })),
      context: Type.Optional(SegmentContext),
      integrations: Type.Optional(SegmentIntegrations),
    },
    {
      title: "SegmentBatchRequest",
      description: "The batch envelope SDKs send: group messages are validated fully, other messages need a string `type` and an identity.",
    },
  ),
);

/** The answer to an accepted message or batch. */
export const SegmentSuccess = named(
  "SegmentSuccess",
  Type.Object(
    { success: Type.Literal(true) },
    { title: "SegmentSuccess", description: "The message was accepted.", additionalProperties: false },
  ),
);

/** The `error.type` of the segment error envelope, one per status; 003 documents `validation_error`. */
export const SEGMENT_ERROR_TYPES = {
  400: "validation_error",
  401: "authentication_error",
  413: "request_too_large",
  415: "unsupported_media_type",
  429: "rate_limit_error",
  500: "server_error",
} as const satisfies Record<ErrorStatus, string>;

/** The error envelope of 003, with the package's `issues` added after the documented fields. */
export const SegmentError = named(
  "SegmentError",
  Type.Object(
    {
      error: Type.Object(
        {
          type: Type.Union(
            Object.values(SEGMENT_ERROR_TYPES).map((type) => Type.Literal(type)),
            { description: "Stable machine-readable error type." },
          ),
          message: Type.String({ maxLength: 1024, description: "What went wrong, in plain words." }),
          issues: Issues,
        },
        { additionalProperties: false },
      ),
    },
    { title: "SegmentError", description: "The message was refused.", additionalProperties: false },
  ),
);

/** The member names of a segment message's fields, in a single message and in a batch alike. */
const SEGMENT_FIELDS = {
  groupId: "groupId",
  userId: "userId",
  anonymousId: "anonymousId",
  traits: "traits",
  timestamp: "timestamp",
  messageId: "messageId",
  type: "type",
};

/** The segment envelopes (003): the error's `type`, and an empty success. */
const SEGMENT_ENVELOPES = {
  error: { error: { type: "{code}", message: "{message}", issues: "{issues}" } },
  success: { success: true },
};

const errorExample = (status: ErrorStatus, message: string, issues: unknown[] = []) => ({
  summary: message,
  value: { error: { type: SEGMENT_ERROR_TYPES[status], message, issues } },
});

const errors = (validation: ReturnType<typeof errorExample>) => ({
  schema: SegmentError,
  examples: {
    400: validation,
    401: errorExample(401, "Invalid or missing write key."),
    413: errorExample(413, "The request body is too large."),
    415: errorExample(415, "Send the body as application/json."),
    429: errorExample(429, "Rate limit exceeded; retry after the number of seconds in Retry-After."),
    500: errorExample(500, "Server error; try again later."),
  },
});

const enterpriseCorp = {
  type: "group",
  userId: "user_12345",
  groupId: "company_enterprise_corp",
  traits: {
    name: "Enterprise Corp",
    website: "https://enterprise-corp.com",
    industry: "Financial Services",
    employees: 5000,
    revenue: 500000000,
    plan: "enterprise",
    tier: "platinum",
    mrr: 50000,
    contractStart: "2024-01-01",
    contractEnd: "2025-12-31",
    address: { street: "123 Business Ave", city: "New York", state: "NY", postalCode: "10001", country: "USA" },
    phone: "+1-555-123-4567",
    accountManager: "sarah.jones@segment.com",
    technicalContact: "admin@enterprise-corp.com",
    billingContact: "billing@enterprise-corp.com",
  },
  context: {
    ip: "192.168.1.1",
    userAgent: "Mozilla/5.0...",
    library: { name: "analytics.js", version: "4.1.0" },
  },
  timestamp: "2025-01-15T14:30:00.000Z",
  messageId: "ajs-group-12345",
};

/** The `segment` dialect (document 003): `POST /v1/group` and `POST /v1/batch`. */
export const segment: Dialect = {
  name: "segment",
  title: "Segment",
  description: "The Segment-style group method: camelCase, `userId` or `anonymousId`, Basic auth with a write key (003).",
  security: {
    name: "WriteKeyAuth",
    scheme: {
      type: "http",
      scheme: "basic",
      description:
        "HTTP Basic authentication with the source's write key as the user name and an empty password. " +
        "`POST /v1/batch` also takes the write key as the body's `writeKey` when the request has no Authorization header, as Segment's API does and its Node.js SDK sends it.",
    },
  },
  traits: SegmentTraits,
  operations: [
    {
      kind: "segment",
      method: "post",
      path: "/v1/group",
      operationId: "groupSegment",
      summary: "Associate a user with a group",
      description:
        "Associates a user (`userId` or `anonymousId`) with a group and records the group's traits. Unknown " +
        "top-level keys are accepted, as SDKs add their own.",
      sources: ["003"],
      request: SegmentGroup,
      examples: {
        company: { summary: "B2B company association (003)", value: enterpriseCorp },
        team: {
          summary: "Team assignment (003)",
          value: {
            type: "group",
            userId: "user_67890",
            groupId: "team_engineering",
            traits: {
              name: "Engineering Team",
              department: "Technology",
              type: "team",
              members: 25,
              manager: "john.smith@company.com",
              budget: 2500000,
              location: "San Francisco",
              technologies: ["React", "Node.js", "Python", "AWS"],
              established: "2020-01-15",
              goals: ["Product Development", "Platform Scaling"],
            },
            timestamp: "2025-01-15T14:25:00.000Z",
          },
        },
        workspace: {
          summary: "Workspace association (003)",
          value: {
            type: "group",
            userId: "user_11111",
            groupId: "workspace_acme_marketing",
            traits: {
              name: "ACME Marketing Workspace",
              type: "workspace",
              plan: "pro",
              seats: 15,
              storageUsed: "2.5GB",
              storageLimit: "100GB",
              features: ["advanced_analytics", "custom_integrations"],
              createdAt: "2024-06-15T10:00:00.000Z",
              lastActive: "2025-01-15T14:00:00.000Z",
            },
            timestamp: "2025-01-15T14:35:00.000Z",
          },
        },
        anonymous: {
          summary: "An anonymous user, as analytics.js sends it",
          value: {
            anonymousId: "507f191e-810c-4f6b-a8a5-2b6a4f9b3e11",
            groupId: "company_acme",
            traits: { name: "ACME Corp", industry: "Technology", employees: 500, plan: "enterprise" },
          },
        },
      },
      errorCodes: SEGMENT_ERROR_TYPES,
      shape: {
        messages: { at: "body" },
        fields: SEGMENT_FIELDS,
        fill: { timestamp: true, messageId: true, type: "group" },
      },
      envelopes: SEGMENT_ENVELOPES,
      success: { schema: SegmentSuccess, example: { success: true } },
      error: errors(
        errorExample(400, "Missing required field: groupId", [
          { path: "/groupId", code: "required", message: "groupId is required." },
        ]),
      ),
    },
    {
      kind: "segment-batch",
      method: "post",
      path: "/v1/batch",
      operationId: "batchSegment",
      summary: "Send a batch of messages",
      description:
        `Sends 1 to ${SEGMENT_BATCH_MAX} messages at once, as SDKs do. Group messages are validated fully; ` +
        "messages of other types need a string `type` and `userId` or `anonymousId`.",
      sources: ["003"],
      request: SegmentBatchRequest,
      examples: {
        mixed: {
          summary: "A group and an identify message",
          value: {
            batch: [
              { ...enterpriseCorp },
              { type: "identify", userId: "user_12345", traits: { email: "sarah@enterprise-corp.com" } },
            ],
            sentAt: "2025-01-15T14:30:01.000Z",
          },
        },
      },
      errorCodes: SEGMENT_ERROR_TYPES,
      shape: {
        messages: { at: "member", member: "batch" },
        groupWhen: { member: "type", equals: "group" },
        // @segment/analytics-node sends its write key in the body only, never in an Authorization header.
        credentialMember: "writeKey",
        fields: SEGMENT_FIELDS,
        // Every message of a batch gets a timestamp and a message id; only a group call is read as one.
        fill: { timestamp: true, messageId: true },
      },
      envelopes: SEGMENT_ENVELOPES,
      success: { schema: SegmentSuccess, example: { success: true } },
      error: errors(
        errorExample(400, "The batch is invalid.", [
          { path: "/batch/0/groupId", code: "required", message: "groupId is required." },
        ]),
      ),
    },
  ],
  schemas: [
    SegmentGroup,
    SegmentBatchRequest,
    SegmentBatchGroup,
    SegmentBatchOtherMessage,
    SegmentIdentity,
    SegmentTraits,
    SegmentAddress,
    SegmentContext,
    SegmentIntegrations,
    SegmentSuccess,
    SegmentError,
  ],
};
