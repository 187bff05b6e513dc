/**
 * The `email` format: the RFC 5321 section 4.1.2 `Mailbox` (`Local-part "@" ( Domain / address-literal )`),
 * with the verdicts of @hyperjump/json-schema-formats (`rfc5321.js`).
 */

import { ALNUM, ATEXT, is } from "./ascii.js";
import { isIPv4Range } from "./ipv4.js";
import { isIPv6Range } from "./ipv6.js";

/**
 * True when `s` is an RFC 5321 mailbox, e.g. `a@example.com`, `"a b"@example.com`, `a@[192.0.2.1]`,
 * `a@[IPv6:::1]`; a one-label domain such as `a@localhost` is allowed, as RFC 5321 allows it.
 *
 * @example isEmail("a.b+tag@example.com") // true; isEmail("a..b@example.com") // false
 */
export function isEmail(s: string): boolean {
  const at = s.charCodeAt(0) === 0x22 /* " */ ? quotedStringEnd(s) : dotStringEnd(s);
  if (at < 0 || s.charCodeAt(at) !== 0x40 /* @ */) return false;
  const start = at + 1;
  if (s.charCodeAt(start) === 0x5b /* [ */) return isAddressLiteral(s, start);
  return isDomain(s, start);
}

/**
 * Index just past a `Dot-string` local part starting at 0, or -1. Quirk kept from hyperjump: no 64-octet
 * local-part limit and no 254-octet overall limit (RFC 5321 section 4.5.3.1), only the grammar.
 */
function dotStringEnd(s: string): number {
  let atomLength = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e /* . */) {
      if (atomLength === 0) return -1;
      atomLength = 0;
    } else if (isAtext(c)) {
      atomLength++;
    } else {
      break;
    }
  }
  return atomLength > 0 ? i : -1;
}

/** Index just past a `Quoted-string` local part starting at 0 (the opening quote), or -1. */
function quotedStringEnd(s: string): number {
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 /* " */) return i + 1;
    if (c === 0x5c /* \ */) {
      // `quoted-pairSMTP`: a backslash escapes any printable ASCII character or space.
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0x20 && next <= 0x7e)) return -1;
      i++;
    } else if (!(c >= 0x20 && c <= 0x7e)) {
      // `qtextSMTP` is printable ASCII and space except `"` and `\`, both handled above.
      return -1;
    }
  }
  return -1;
}

/**
 * True for `[IPv4]` or `[IPv6:addr]` running from `start` to the end. Quirk kept from hyperjump: it throws on a
 * `General-address-literal` such as `[tag:xyz]` (and on `[IPv6:` followed by a non-address); we return false.
 */
function isAddressLiteral(s: string, start: number): boolean {
  const end = s.length - 1;
  if (end <= start || s.charCodeAt(end) !== 0x5d /* ] */) return false;
  const inner = start + 1;
  if (
    end - inner > 5 &&
    (s.charCodeAt(inner) | 0x20) === 0x69 /* i */ &&
    (s.charCodeAt(inner + 1) | 0x20) === 0x70 /* p */ &&
    (s.charCodeAt(inner + 2) | 0x20) === 0x76 /* v */ &&
    s.charCodeAt(inner + 3) === 0x36 /* 6 */ &&
    s.charCodeAt(inner + 4) === 0x3a /* : */
  ) {
    return isIPv6Range(s, inner + 5, end);
  }
  return isIPv4Range(s, inner, end);
}

/**
 * True when `s.slice(start)` is a `Domain`: dot-separated `sub-domain`s that start and end with a letter or
 * digit. Quirk kept from hyperjump: no 63-octet label or 255-octet name limit here, unlike `hostname`.
 */
function isDomain(s: string, start: number): boolean {
  let labelLength = 0;
  let previous = 0;
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e /* . */) {
      if (labelLength === 0 || previous === 0x2d) return false;
      labelLength = 0;
    } else if (is(c, ALNUM) || (c === 0x2d /* - */ && labelLength > 0)) {
      labelLength++;
    } else {
      return false;
    }
    previous = c;
  }
  return labelLength > 0 && previous !== 0x2d;
}

/** RFC 5322 `atext`: letters, digits and ``!#$%&'*+-/=?^_`{|}~``. */
function isAtext(c: number): boolean {
  return is(c, ATEXT);
}
