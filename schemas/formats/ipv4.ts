/**
 * The `ipv4` format: RFC 2673 section 3.2 `dotted-quad`, four `dec-octet`s without leading zeros, as
 * RFC 3986 section 3.2.2 writes them.
 */

import { isDigit } from "./ascii.js";

/**
 * True when `s` is a dotted-quad IPv4 address such as `192.168.0.1` (no leading zeros, no CIDR suffix).
 *
 * @example isIPv4("10.0.0.1") // true; isIPv4("01.2.3.4") // false
 */
export function isIPv4(s: string): boolean {
  return isIPv4Range(s, 0, s.length);
}

/**
 * True when `s.slice(start, end)` is a dotted-quad IPv4 address; the IPv6, e-mail and URI checkers call it
 * on their embedded addresses without copying a substring.
 */
export function isIPv4Range(s: string, start: number, end: number): boolean {
  let i = start;
  for (let octet = 0; octet < 4; octet++) {
    if (octet > 0) {
      if (i >= end || s.charCodeAt(i) !== 0x2e /* . */) return false;
      i++;
    }
    const first = i;
    let value = 0;
    while (i < end && isDigit(s.charCodeAt(i))) {
      // Stopping at a fourth digit keeps `value` small and rejects `0001` without reading the rest.
      if (i - first === 3) return false;
      value = value * 10 + (s.charCodeAt(i) - 0x30);
      i++;
    }
    const digits = i - first;
    if (digits === 0 || value > 255) return false;
    // `dec-octet` has no leading zero: `0` alone is fine, `01` is not.
    if (digits > 1 && s.charCodeAt(first) === 0x30) return false;
  }
  return i === end;
}
