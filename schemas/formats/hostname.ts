/**
 * The `hostname` format: RFC 1123 section 2.1 host names, dot-separated labels of letters, digits and
 * hyphens, as @hyperjump/json-schema-formats (`rfc1123.js`) checks them, less the labels RFC 5891 reserves
 * (`--` in the third and fourth places) other than `xn--` A-labels. An A-label is checked for that syntax
 * only: unlike @hyperjump/json-schema, it is not decoded against the IDNA tables (which would put those
 * tables into every validator), so an `xn--` label that decodes to nothing valid is accepted.
 */

import { isAlnum } from "./ascii.js";

/** Longest label (RFC 1035 section 2.3.4). */
const LABEL_MAX = 63;
/** Longest whole name. Quirk kept from hyperjump: it allows 255 characters, not the 253 of a DNS name in text. */
const HOSTNAME_MAX = 255;

/**
 * True when `s` is an RFC 1123 host name such as `api.example.com`; labels may be all digits, no trailing dot.
 *
 * @example isHostname("a-b.example") // true; isHostname("-a.example") // false
 */
export function isHostname(s: string): boolean {
  const length = s.length;
  if (length === 0 || length > HOSTNAME_MAX) return false;
  let labelLength = 0;
  let previous = 0;
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e /* . */) {
      if (labelLength === 0 || previous === 0x2d || isReserved(s, i - labelLength)) return false;
      labelLength = 0;
    } else if (isAlnum(c) || (c === 0x2d /* - */ && labelLength > 0)) {
      if (++labelLength > LABEL_MAX) return false;
    } else {
      return false;
    }
    previous = c;
  }
  // A label may not end with a hyphen, and the name may not end with an empty label.
  return labelLength > 0 && previous !== 0x2d && !isReserved(s, length - labelLength);
}

/** Whether the label starting at `start` has `--` in its third and fourth places without being `xn--`. */
function isReserved(s: string, start: number): boolean {
  if (s.charCodeAt(start + 2) !== 0x2d || s.charCodeAt(start + 3) !== 0x2d) return false;
  return (s.charCodeAt(start) | 0x20) !== 0x78 || (s.charCodeAt(start + 1) | 0x20) !== 0x6e;
}
