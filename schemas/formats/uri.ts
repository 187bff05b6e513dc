/**
 * The `uri` format: the RFC 3986 section 3 `URI` production (`scheme ":" hier-part [ "?" query ]
 * [ "#" fragment ]`), with the verdicts of @hyperjump/uri's `isUri`. ASCII only: an IRI is not a URI.
 */

import { isAlnum, isAlpha, isDigit, isHexDigit } from "./ascii.js";
import { isIPv6Range } from "./ipv6.js";

/**
 * True when `s` is an absolute URI with a scheme, e.g. `https://acme.com/path?q=1#f`, `urn:isbn:123` or
 * `mailto:a@example.com`; spaces and other characters outside RFC 3986 must be percent-encoded.
 *
 * @example isUri("https://[::1]:8080/") // true; isUri("//acme.com") // false
 */
export function isUri(s: string): boolean {
  const length = s.length;
  if (!isAlpha(s.charCodeAt(0))) return false;
  let i = 1;
  while (i < length && isSchemeChar(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) !== 0x3a /* : */) return false;
  i++;
  if (s.charCodeAt(i) === 0x2f /* / */ && s.charCodeAt(i + 1) === 0x2f) {
    // `"//" authority path-abempty`: the authority runs to the first `/`, `?` or `#`, none of which it may hold.
    const start = i + 2;
    let end = start;
    while (end < length && !isAuthorityEnd(s.charCodeAt(end))) end++;
    if (!isAuthority(s, start, end)) return false;
    i = end;
  }
  // Without an authority, `path-absolute`, `path-rootless` and `path-empty` together allow any run of `pchar`
  // and `/`; a leading `//` has already been taken as an authority above.
  i = scan(s, i, false);
  if (s.charCodeAt(i) === 0x3f /* ? */) i = scan(s, i + 1, true);
  if (s.charCodeAt(i) === 0x23 /* # */) i = scan(s, i + 1, true);
  return i === length;
}

/**
 * Index of the first character from `i` that is not `pchar` or `/` (nor `?` when `allowQuestion`, for query
 * and fragment), or of a malformed `%` escape.
 */
function scan(s: string, i: number, allowQuestion: boolean): number {
  const length = s.length;
  while (i < length) {
    const c = s.charCodeAt(i);
    if (c === 0x25 /* % */) {
      if (!isHexDigit(s.charCodeAt(i + 1)) || !isHexDigit(s.charCodeAt(i + 2))) return i;
      i += 3;
    } else if (isPchar(c) || c === 0x2f /* / */ || (allowQuestion && c === 0x3f /* ? */)) {
      i++;
    } else {
      return i;
    }
  }
  return i;
}

/**
 * True when `s.slice(start, end)` is `[ userinfo "@" ] host [ ":" port ]`. Quirk kept from hyperjump: it throws
 * on an `IPvFuture` literal such as `[v1.x]`; we return false.
 */
function isAuthority(s: string, start: number, end: number): boolean {
  // Neither `host` nor `port` may hold `@`, so the first `@` (if any) ends the `userinfo`.
  let host = start;
  const at = s.indexOf("@", start);
  if (at >= 0 && at < end) {
    if (!isRun(s, start, at, true)) return false;
    host = at + 1;
  }
  let port: number;
  if (s.charCodeAt(host) === 0x5b /* [ */ && host < end) {
    const close = s.indexOf("]", host);
    if (close < 0 || close >= end || !isIPv6Range(s, host + 1, close)) return false;
    port = close + 1;
  } else {
    // `IPv4address` is a subset of `reg-name`, so one scan covers both; `reg-name` may be empty (`file:///x`).
    port = host;
    while (port < end && s.charCodeAt(port) !== 0x3a /* : */) port++;
    if (!isRun(s, host, port, false)) return false;
  }
  if (port === end) return true;
  if (s.charCodeAt(port) !== 0x3a) return false;
  for (let i = port + 1; i < end; i++) {
    if (!isDigit(s.charCodeAt(i))) return false;
  }
  return true;
}

/** True when `s.slice(start, end)` is all `unreserved`, `pct-encoded` and `sub-delims` (and `:` when `allowColon`). */
function isRun(s: string, start: number, end: number, allowColon: boolean): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 /* % */) {
      if (i + 2 >= end || !isHexDigit(s.charCodeAt(i + 1)) || !isHexDigit(s.charCodeAt(i + 2))) return false;
      i += 2;
    } else if (!(isUnreserved(c) || isSubDelim(c) || (allowColon && c === 0x3a))) {
      return false;
    }
  }
  return true;
}

/** `ALPHA / DIGIT / "+" / "-" / "."`, the characters after the first in a scheme. */
function isSchemeChar(c: number): boolean {
  return isAlnum(c) || c === 0x2b || c === 0x2d || c === 0x2e;
}

/** `/`, `?` or `#`: the characters that end an authority. */
function isAuthorityEnd(c: number): boolean {
  return c === 0x2f || c === 0x3f || c === 0x23;
}

/** `pchar` without `pct-encoded`: `unreserved / sub-delims / ":" / "@"`. */
function isPchar(c: number): boolean {
  return isUnreserved(c) || isSubDelim(c) || c === 0x3a || c === 0x40;
}

/** `unreserved`: `ALPHA / DIGIT / "-" / "." / "_" / "~"`. */
function isUnreserved(c: number): boolean {
  return isAlnum(c) || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e;
}

/** `sub-delims`: ``!$&'()*+,;=``. */
function isSubDelim(c: number): boolean {
  return c === 0x21 || c === 0x24 || (c >= 0x26 && c <= 0x2c) || c === 0x3b || c === 0x3d;
}
