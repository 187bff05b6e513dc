/**
 * Size limits that the definitions enforce. Each is exported so that servers, SDKs and docs quote the same
 * number; the per-message and per-body byte limits of the runtime live in `src/limits.ts`.
 */

/** Longest identifier: `group_id`, `user_id`, `groupId`, `userId`, `anonymousId`, `messageId` (003: "Max 255 characters"). */
export const ID_MAX = 255;
/** Longest short text: names, plans, industries, context ids. */
export const NAME_MAX = 255;
/** Longest description. */
export const TEXT_MAX = 4096;
/** Longest URI (`website`, `avatar`). */
export const URI_MAX = 2048;
/** Longest e-mail address (RFC 5321 path limit less the angle brackets). */
export const EMAIL_MAX = 254;
/** Longest host name (RFC 1123). */
export const HOSTNAME_MAX = 253;
/** Longest phone number as text. */
export const PHONE_MAX = 64;
/** Longest RFC 3339 date-time accepted (the longest real one, with nanoseconds and an offset, has 35). */
export const DATE_TIME_MAX = 64;
/** Longest IP address as text (IPv6 with an embedded IPv4 has 45). */
export const IP_MAX = 45;
/** Longest user agent. */
export const USER_AGENT_MAX = 1024;
/** Longest string value of a custom trait in a depth-limited (segment) traits object. */
export const TRAIT_STRING_MAX = 8192;
/** Most items in an `enrichment_*` list trait. */
export const ENRICHMENT_LIST_MAX = 100;
/** Most traits in one segment traits object (003: "Max 255 traits per group"). */
export const TRAITS_MAX = 255;
/** Longest trait name in segment (003: "Trait names max 255 characters"). */
export const TRAIT_NAME_MAX = 255;
/** Deepest nesting of a segment trait value (003: "Nested objects max 3 levels deep"). */
export const TRAIT_DEPTH_MAX = 3;
/** Most group objects in one thrivestack array body. */
export const THRIVESTACK_BATCH_MAX = 1000;
/** Most messages in one segment `/v1/batch` envelope. */
export const SEGMENT_BATCH_MAX = 2500;
/** Longest segment message `type` in a batch. */
export const MESSAGE_TYPE_MAX = 64;
