import { Type } from "@sinclair/typebox";
import type { Dialect } from "../dialect.js";
import { Issues } from "../issue.js";
import { NAME_MAX } from "../limits.js";
import { named } from "../named.js";
import { OpenObject } from "../open.js";
import { DateTime, DigitString, Email, Id, LongText, Phone, ShortText, Uri } from "../primitives.js";
import { address, addressPart } from "../traits/address.js";
import { enrichmentTraits } from "../traits/enrichment.js";
import { reservedTraits } from "../traits/reserved.js";

// Documents 000, 001 and 002: the older single-object form with a Bearer token.

/** The street address trait of documents 001/002. */
export const LegacyAddress = named(
  "LegacyAddress",
  address(
    { postal_code: addressPart("Postal code.") },
    undefined,
    "Street address of a group: a dictionary containing optional city, country, postal_code, state, or street.",
  ),
);

/** The standard traits of 001/002 and the enrichment traits of 000, under their exact names. */
export const LegacyTraits = named(
  "LegacyTraits",
  reservedTraits(
    {
      address: LegacyAddress,
      avatar: Uri("URL to an avatar image for the group."),
      description: LongText("Description of the group, like their personal bio."),
      email: Email("Email address of group."),
      employees: Type.Union(
        [Type.Integer({ minimum: 0 }), DigitString(NAME_MAX)],
        {
          description:
            'Number of employees of a group: a non-negative integer, or a string of digits ("100") as 001/002 type it.',
        },
      ),
      phone: Phone("Phone number of a group."),
      website: Uri("Website of a group."),
      plan: ShortText("Plan that a group is in."),
      ...enrichmentTraits,
    },
    { caseInsensitive: false, styleInsensitive: false },
    {
      title: "LegacyTraits",
      description: "Additional traits associated with the group. Any other trait may hold any JSON value.",
    },
  ),
);

/** The request body of the legacy single-object Group call. */
export const LegacyGroupRequest = named(
  "LegacyGroupRequest",
  Type.Object(
    {
      group_id: Id("The unique identifier of the group."),
      user_id: Id("The unique identifier of the user."),
      traits: LegacyTraits,
      timestamp: DateTime("The date and time when the event was created, an ISO-8601 (RFC 3339) date-time."),
      context: Type.Optional(
        OpenObject({}, { description: "A dictionary of extra information that provides useful context about a datapoint." }),
      ),
    },
    {
      title: "LegacyGroupRequest",
      description:
        "Associates one user with one group. `group_id`, `user_id`, `traits` and `timestamp` are required (002); " +
        "no other keys are allowed.",
      additionalProperties: false,
    },
  ),
);

/** The answer to an accepted legacy call (000). */
export const LegacySuccess = named(
  "LegacySuccess",
  Type.Object(
    {
      status: Type.Literal("success"),
      message: Type.String({ maxLength: 1024 }),
      data: LegacyGroupRequest,
    },
    { title: "LegacySuccess", description: "The group was updated; `data` echoes the stored call.", additionalProperties: false },
  ),
);

/** The `error_code` of the legacy error envelope, one per status; 000 documents `INVALID_REQUEST`. */
export const LEGACY_ERROR_CODES = {
  400: "INVALID_REQUEST",
  401: "UNAUTHORIZED",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
  500: "INTERNAL_ERROR",
} as const;

/** The legacy error envelope of 000, with the package's `issues` added after the documented fields. */
export const LegacyError = named(
  "LegacyError",
  Type.Object(
    {
      status: Type.Literal("error"),
      message: Type.String({ maxLength: 1024, description: "What went wrong, in plain words." }),
      error_code: Type.Union(
        Object.values(LEGACY_ERROR_CODES).map((code) => Type.Literal(code)),
        { description: "Stable machine-readable error code." },
      ),
      issues: Issues,
    },
    { title: "LegacyError", description: "The call was refused.", additionalProperties: false },
  ),
);

const acmaLabs = {
  user_id: "user123",
  group_id: "account123",
  traits: { enrichment_name: "Acma labs", industry: "IT services", plan: "free plan", employees: "100" },
  timestamp: "2020-11-23T22:28:55.111Z",
};

const errorExample = (status: keyof typeof LEGACY_ERROR_CODES, message: string, issues: unknown[] = []) => ({
  summary: message,
  value: { status: "error", message, error_code: LEGACY_ERROR_CODES[status], issues },
});

/** The `thrivestack-legacy` dialect (documents 000, 001, 002). */
export const thrivestackLegacy: Dialect = {
  name: "thrivestack-legacy",
  title: "ThriveStack (legacy)",
  description: "The older ThriveStack Group API: one object per call, authenticated with a Bearer token (000–002).",
  security: {
    name: "BearerAuth",
    scheme: {
      type: "http",
      scheme: "bearer",
      description: "A ThriveStack management token with the scope `group_api` or `telemetry_apis`.",
    },
  },
  traits: LegacyTraits,
  operations: [
    {
      kind: "thrivestack-legacy",
      method: "post",
      path: "/legacy/api/group",
      operationId: "groupThriveStackLegacy",
      summary: "Associate a user with a group (legacy form)",
      description:
        "The single-object form of documents 000–002. The production API serves it at `POST /api/group` with a " +
        "Bearer token; one OpenAPI document cannot hold two POST operations on one path, so this document (and " +
        "the reference server) give it the path `/legacy/api/group`. Point a client of the real API at `/api/group`.",
      sources: ["000", "001", "002"],
      request: LegacyGroupRequest,
      examples: {
        enrichment: {
          summary: "Enrichment and standard traits (000, timestamp corrected)",
          description: "000's sample, with its two-digit-year timestamp `20-11-23T22:28:55.111Z` corrected.",
          value: acmaLabs,
        },
        standardTraits: {
          summary: "Standard traits of 001/002",
          value: {
            user_id: "user123",
            group_id: "account123",
            traits: {
              name: "Acme Corporation",
              email: "hello@acme.com",
              employees: 250,
              website: "https://acme.com",
              address: { street: "1 Main St", city: "Springfield", state: "IL", postal_code: "62701", country: "USA" },
            },
            timestamp: "2020-11-23T22:28:55.111Z",
          },
        },
      },
      errorCodes: LEGACY_ERROR_CODES,
      shape: {
        messages: { at: "body" },
        fields: { groupId: "group_id", userId: "user_id", traits: "traits", timestamp: "timestamp" },
        // The legacy form requires its timestamp: nothing to fill.
        fill: { timestamp: false, messageId: false },
      },
      envelopes: {
        error: { status: "error", message: "{message}", error_code: "{code}", issues: "{issues}" },
        success: { status: "success", message: "Group updated successfully", data: "{body}" },
      },
      success: {
        schema: LegacySuccess,
        example: { status: "success", message: "Group updated successfully", data: acmaLabs },
      },
      error: {
        schema: LegacyError,
        examples: {
          400: errorExample(400, "Invalid group ID or missing fields", [
            { path: "/timestamp", code: "format", message: "timestamp must be an RFC 3339 date-time with a time zone." },
          ]),
          401: errorExample(401, "Invalid or missing Bearer token."),
          413: errorExample(413, "The request body is too large."),
          415: errorExample(415, "Send the body as application/json."),
          429: errorExample(429, "Rate limit exceeded; retry after the number of seconds in Retry-After."),
          500: errorExample(500, "Server error; try again later."),
        },
      },
    },
  ],
  schemas: [LegacyGroupRequest, LegacyTraits, LegacyAddress, LegacySuccess, LegacyError],
};
