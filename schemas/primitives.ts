import { Type } from "@sinclair/typebox";
import {
  DATE_TIME_MAX,
  EMAIL_MAX,
  HOSTNAME_MAX,
  ID_MAX,
  IP_MAX,
  NAME_MAX,
  PHONE_MAX,
  TEXT_MAX,
  URI_MAX,
} from "./limits.js";

// Every string carries a maxLength, so that no pattern or format ever sees a long string.

/** An identifier: 1..255 characters. */
export const Id = (description: string) => Type.String({ minLength: 1, maxLength: ID_MAX, description });

/** A short free text (names, plans, industries). */
export const ShortText = (description: string) => Type.String({ maxLength: NAME_MAX, description });

/** A long free text (descriptions). */
export const LongText = (description: string) => Type.String({ maxLength: TEXT_MAX, description });

/** A phone number as text; no format is imposed, since the documents show none. */
export const Phone = (description: string) => Type.String({ maxLength: PHONE_MAX, description });

/** An absolute URI (RFC 3986). */
export const Uri = (description: string) => Type.String({ format: "uri", maxLength: URI_MAX, description });

/** An e-mail address (RFC 5321 mailbox). */
export const Email = (description: string) => Type.String({ format: "email", maxLength: EMAIL_MAX, description });

/** A host name (RFC 1123), such as `acme.com`. */
export const Hostname = (description: string) =>
  Type.String({ format: "hostname", maxLength: HOSTNAME_MAX, description });

/** An RFC 3339 date-time with a time zone, such as `2024-01-15T10:30:00Z`. */
export const DateTime = (description: string) =>
  Type.String({ format: "date-time", maxLength: DATE_TIME_MAX, description });

/** An IPv4 or IPv6 address. */
export const IpAddress = (description: string) =>
  Type.Union(
    [
      Type.String({ format: "ipv4", maxLength: IP_MAX }),
      Type.String({ format: "ipv6", maxLength: IP_MAX }),
    ],
    { description },
  );

/** The title of a string rule written as `not: { pattern }`; its failure is reported as a `pattern` issue. */
export const PATTERN_NOWHERE = "PatternNowhere";

/**
 * A string that `bad` matches nowhere, within its lengths. Written as `not: { pattern: bad }` so that
 * ECMAScript, Python's `re` and RE2 agree: "every character is allowed" as `^[...]*$` is not portable, since
 * Python's `$` also matches before a final line feed and no end anchor is shared by the three. The `not` repeats
 * the maxLength, so that no pattern ever sees a string over it.
 */
export const patternNowhere = (bad: string, lengths: { readonly minLength?: number; readonly maxLength: number }, description: string) =>
  Type.Intersect(
    [Type.String(lengths), Type.Not(Type.String({ maxLength: lengths.maxLength, pattern: bad }), { title: PATTERN_NOWHERE })],
    { description },
  );

/** A string of one or more ASCII digits, such as `"100"`. */
export const DigitString = (maxLength: number, description?: string) =>
  patternNowhere("[^0-9]|^$", { maxLength }, description ?? "One or more ASCII digits.");
