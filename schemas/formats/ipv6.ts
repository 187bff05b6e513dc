/**
 * The `ipv6` format: RFC 4291 section 2.2 text forms, as the RFC 3986 section 3.2.2 `IPv6address` ABNF
 * spells them (one `::` at most, an embedded dotted quad only as the last 32 bits, no zone id).
 */

import { isHexDigit } from "./ascii.js";
import { isIPv4Range } from "./ipv4.js";

/**
 * True when `s` is an IPv6 address in RFC 4291 text form, e.g. `::1`, `1::` or `::ffff:192.168.1.1`.
 *
 * @example isIPv6("2001:db8::8a2e:370:7334") // true; isIPv6("1:2:3:4:5:6:7:8:9") // false
 */
export function isIPv6(s: string): boolean {
  return isIPv6Range(s, 0, s.length);
}

/**
 * True when `s.slice(start, end)` is an IPv6 address; the e-mail and URI checkers call it on the inside of
 * an address literal without copying a substring.
 */
export function isIPv6Range(s: string, start: number, end: number): boolean {
  let i = start;
  // Each `h16` is one 16-bit unit and an embedded IPv4 address is two; an address has eight.
  let units = 0;
  let compressed = false;
  if (i < end && s.charCodeAt(i) === 0x3a /* : */) {
    // A leading colon is only legal as the first half of `::`.
    if (i + 1 >= end || s.charCodeAt(i + 1) !== 0x3a) return false;
    compressed = true;
    i += 2;
    if (i === end) return true;
  }
  for (;;) {
    const pieceStart = i;
    while (i < end && isHexDigit(s.charCodeAt(i))) i++;
    if (i < end && s.charCodeAt(i) === 0x2e /* . */) {
      // A dot means this piece is the trailing `IPv4address` of `ls32`, so it must run to the end.
      if (!isIPv4Range(s, pieceStart, end)) return false;
      units += 2;
      break;
    }
    const digits = i - pieceStart;
    if (digits === 0 || digits > 4) return false;
    units++;
    // Bail out early so a long run of groups cannot count past what any valid address holds.
    if (units > 8) return false;
    if (i === end) break;
    if (s.charCodeAt(i) !== 0x3a) return false;
    i++;
    if (i < end && s.charCodeAt(i) === 0x3a) {
      if (compressed) return false;
      compressed = true;
      i++;
      if (i === end) break;
    } else if (i === end) {
      // A single trailing colon closes no group.
      return false;
    }
  }
  // `::` stands for at least one zero unit, so a compressed address spells out at most seven.
  return compressed ? units <= 7 : units === 8;
}
