/**
 * String format checkers for JSON Schema `format`, registered with Ajv (standalone code) and TypeBox's
 * `FormatRegistry`. Each runs in linear time, never throws and imports nothing outside this folder, so esbuild
 * can inline them into generated validators. Verdicts match @hyperjump/json-schema-formats, quirks included.
 */

import { isDateTime } from "./date-time.js";
import { isEmail } from "./email.js";
import { isHostname } from "./hostname.js";
import { isIPv4 } from "./ipv4.js";
import { isIPv6 } from "./ipv6.js";
import { isUri } from "./uri.js";

export { isDateTime, isEmail, isHostname, isIPv4, isIPv6, isUri };

/**
 * Checker for each JSON Schema format name this package uses.
 *
 * @example for (const [name, check] of Object.entries(formats)) FormatRegistry.Set(name, check);
 */
export const formats = {
  "date-time": isDateTime,
  email: isEmail,
  hostname: isHostname,
  ipv4: isIPv4,
  ipv6: isIPv6,
  uri: isUri,
} as const;

/** A format name with a checker in {@link formats}. */
export type FormatName = keyof typeof formats;
