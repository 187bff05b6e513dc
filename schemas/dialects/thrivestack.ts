import { Type } from "@sinclair/typebox";
import type { Dialect } from "../dialect.js";
import { Issues } from "../issue.js";
import { THRIVESTACK_BATCH_MAX } from "../limits.js";
import { named } from "../named.js";
import { OpenObject } from "../open.js";
import { DateTime, Hostname, Id, LongText, Phone, ShortText, Uri } from "../primitives.js";
import { enrichmentTraits } from "../traits/enrichment.js";
import { reservedTraits } from "../traits/reserved.js";

// Document 004: the current Group API, POST /api/group with an array body and an x-api-key header.

/** ThriveStack account traits: the reserved traits of 004 and the enrichment traits of 000, any case. */
export const ThriveStackTraits = named(
  "ThriveStackTraits",
  reservedTraits(
    {
      account_name: ShortText("Display name of the account or organization."),
      account_domain: Hostname('Primary domain of the account (e.g., "acme.com").'),
      group_type: ShortText('Type of group (e.g., "Account", "Team").'),
      industry: ShortText("Industry classification of the account."),
      employees: Type.Number({ minimum: 0, description: "Number of employees in the organization." }),
      plan: ShortText('Current subscription plan (e.g., "free", "enterprise").'),
      website: Uri("Account's website URL."),
      phone: Phone("Account contact number."),
      created_at: DateTime("ISO 8601 date when the account was created."),
      description: LongText("Short description or biography of the account."),
      avatar: Uri("URL of the account's logo or avatar image."),
      ...enrichmentTraits,
    },
    { caseInsensitive: true, styleInsensitive: false },
    {
      title: "ThriveStackTraits",
      description:
        "Free-form dictionary of account attributes. Reserved traits are typed under any letter case " +
        "(`Account_Name` is `account_name`); any other trait may hold any JSON value.",
    },
  ),
);

/** ThriveStack event context. */
export const ThriveStackContext = named(
  "ThriveStackContext",
  OpenObject(
    {
      device_id: Type.Optional(ShortText("Unique identifier for the user's device.")),
      session_id: Type.Optional(ShortText("Current session identifier.")),
      group_id: Type.Optional(ShortText("The group the event belongs to.")),
      source: Type.Optional(
        Type.Union([Type.Literal("product"), Type.Literal("marketing")], {
          description: '"product" for in-app events, "marketing" for public-facing website events.',
        }),
      ),
    },
    { title: "ThriveStackContext", description: "Extra information about the event; other keys are allowed." },
  ),
);

/** One group object of the array body. */
export const ThriveStackGroup = named(
  "ThriveStackGroup",
  Type.Object(
    {
      group_id: Id("Unique identifier for the account/group (UUID recommended). Stable across the account's lifetime."),
      user_id: Id("The user being associated with this account."),
      traits: Type.Optional(ThriveStackTraits),
      context: Type.Optional(ThriveStackContext),
      timestamp: Type.Optional(DateTime("ISO 8601 timestamp with a time zone. Defaults to server time if omitted.")),
    },
    {
      title: "ThriveStackGroup",
      description: "Associates one user with one account and records the account's traits. No other keys are allowed.",
      additionalProperties: false,
    },
  ),
);

/** The request body of `POST /api/group`. */
export const ThriveStackGroupRequest = named(
  "ThriveStackGroupRequest",
  Type.Array(ThriveStackGroup, {
    minItems: 1,
    maxItems: THRIVESTACK_BATCH_MAX,
    title: "ThriveStackGroupRequest",
    description: `An array containing one or more group objects (at most ${THRIVESTACK_BATCH_MAX}).`,
  }),
);

/** The answer to an accepted call. */
export const ThriveStackSuccess = named(
  "ThriveStackSuccess",
  Type.Object(
    {
      success: Type.Literal(true),
      eventId: Type.String({ minLength: 1, maxLength: 255, description: "Identifier of the accepted event." }),
    },
    { title: "ThriveStackSuccess", description: "The call was accepted.", additionalProperties: false },
  ),
);

/** The error codes of the ThriveStack error envelope, one per status. */
export const THRIVESTACK_ERROR_CODES = {
  400: "invalid_request",
  401: "unauthorized",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
  500: "internal_error",
} as const;

/** The error envelope; document 004 names the statuses but gives no body, so the package defines one. */
export const ThriveStackError = named(
  "ThriveStackError",
  Type.Object(
    {
      success: Type.Literal(false),
      error: Type.Object(
        {
          code: Type.Union(
            Object.values(THRIVESTACK_ERROR_CODES).map((code) => Type.Literal(code)),
            { description: "Stable machine-readable error code." },
          ),
          message: Type.String({ maxLength: 1024, description: "What went wrong, in plain words." }),
          issues: Issues,
        },
        { additionalProperties: false },
      ),
    },
    {
      title: "ThriveStackError",
      description: "The call was refused. `issues` lists the problems found in the body (empty for non-400 errors).",
      additionalProperties: false,
    },
  ),
);

const acme = {
  group_id: "ac8db7ba-5139-4911-ba6e-523fd9c4704b",
  user_id: "18f716ac-37a4-464f-adb7-3cc30032308c",
  context: {
    device_id: "7d08298f",
    session_id: "session_e2iukz3vduo",
    group_id: "ac8db7ba-5139-4911-ba6e-523fd9c4704b",
    source: "product",
  },
  traits: {
    group_type: "Account",
    account_domain: "acme.com",
    account_name: "Acme Corporation",
    industry: "Technology",
    plan: "enterprise",
  },
  timestamp: "2024-01-15T10:30:00Z",
};

const errorExample = (status: keyof typeof THRIVESTACK_ERROR_CODES, message: string, issues: unknown[] = []) => ({
  summary: message,
  value: { success: false, error: { code: THRIVESTACK_ERROR_CODES[status], message, issues } },
});

/** The `thrivestack` dialect (document 004, with the enrichment traits of 000). */
export const thrivestack: Dialect = {
  name: "thrivestack",
  title: "ThriveStack",
  description: "The current ThriveStack Group API: an array of group objects, authenticated with `x-api-key` (004).",
  security: {
    name: "ApiKeyAuth",
    scheme: {
      type: "apiKey",
      in: "header",
      name: "x-api-key",
      description: "Your API key, from the ThriveStack dashboard under Settings → API Keys.",
    },
  },
  traits: ThriveStackTraits,
  operations: [
    {
      kind: "thrivestack",
      method: "post",
      path: "/api/group",
      operationId: "groupThriveStack",
      summary: "Associate users with accounts",
      description:
        "Associates each user with an account (group) and records the account's traits. Send an array of one " +
        `or more group objects (at most ${THRIVESTACK_BATCH_MAX}). Trait names are case-insensitive; ` +
        "`timestamp` defaults to server time.",
      sources: ["004", "000"],
      request: ThriveStackGroupRequest,
      examples: {
        account: { summary: "An account with its reserved traits (004)", value: [acme] },
        minimal: {
          summary: "Only the required fields",
          value: [{ group_id: "account123", user_id: "user123" }],
        },
        twoUsers: {
          summary: "Two users joining one account, with enrichment traits",
          value: [
            {
              group_id: "account123",
              user_id: "user123",
              traits: { account_name: "Acma Labs", enrichment_employees: 100, enrichment_tags: ["b2b", "saas"] },
              timestamp: "2020-11-23T22:28:55.111Z",
            },
            { group_id: "account123", user_id: "user456" },
          ],
        },
      },
      errorCodes: THRIVESTACK_ERROR_CODES,
      shape: {
        messages: { at: "items" },
        fields: { groupId: "group_id", userId: "user_id", traits: "traits", timestamp: "timestamp" },
        fill: { timestamp: true, messageId: false },
      },
      envelopes: {
        error: { success: false, error: { code: "{code}", message: "{message}", issues: "{issues}" } },
        success: { success: true, eventId: "{eventId}" },
      },
      success: { schema: ThriveStackSuccess, example: { success: true, eventId: "evt_abc123xyz" } },
      error: {
        schema: ThriveStackError,
        examples: {
          400: errorExample(400, "The request body is invalid.", [
            { path: "/0/user_id", code: "required", message: "user_id is required." },
          ]),
          401: errorExample(401, "Invalid or missing API key."),
          413: errorExample(413, "The request body is too large."),
          415: errorExample(415, "Send the body as application/json."),
          429: errorExample(429, "Rate limit exceeded; retry after the number of seconds in Retry-After."),
          500: errorExample(500, "Server error; try again later."),
        },
      },
    },
  ],
  schemas: [ThriveStackGroupRequest, ThriveStackGroup, ThriveStackTraits, ThriveStackContext, ThriveStackSuccess, ThriveStackError],
};
