/**
 * The `uri` format: the RFC 3986 section 3 `URI` production (`scheme ":" hier-part [ "?" query ]
 * [ "#" fragment ]`), with the verdicts of @hyperjump/uri's `isUri`. ASCII only: an IRI is not a URI.
 */

import { HEX, is, isAlpha, isDigit, PATH, REG_NAME, SCHEME, SUB_DELIM, UNRESERVED } from "./ascii.js";
import { isIPv6Range } from "./ipv6.js";

/**
 * True when `s` is an absolute URI with a scheme, e.g. `https://acme.com/path?q=1#f`, `urn:isbn:123` or
 * `mailto:a@example.com`; spaces and other characters outside RFC 3986 must be percent-encoded.
 *
 * @example isUri("https://[::1]:8080/") // true; isUri("//acme.com") // false
 */
export function isUri(s: string): boolean {
  const length = s.length;
  if (length === 0 || !isAlpha(s.charCodeAt(0))) return false;
  let i = 1;
  while (i < length && is(s.charCodeAt(i), SCHEME)) i++;
  if (i === length || s.charCodeAt(i) !== 0x3a /* : */) return false;
  i++;
  if (i + 1 < length && s.charCodeAt(i) === 0x2f /* / */ && s.charCodeAt(i + 1) === 0x2f) {
    i = authorityEnd(s, i + 2);
    if (i < 0) return false;
  }
  // Without an authority, `path-absolute`, `path-rootless` and `path-empty` together allow any run of `pchar`
  // and `/`; a leading `//` has already been taken as an authority above.
  i = scan(s, i, false);
  if (i < length && s.charCodeAt(i) === 0x3f /* ? */) i = scan(s, i + 1, true);
  if (i < length && s.charCodeAt(i) === 0x23 /* # */) i = scan(s, i + 1, true);
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
    if (is(c, PATH) || (allowQuestion && c === 0x3f /* ? */)) {
      i++;
    } else if (c === 0x25 /* % */ && i + 2 < length && is(s.charCodeAt(i + 1), HEX) && is(s.charCodeAt(i + 2), HEX)) {
      i += 3;
    } else {
      return i;
    }
  }
  return i;
}

/**
 * The end of the authority starting at `start` (the first `/`, `?`, `#` or the end of `s`), or -1 when it is
 * not a valid authority.
 */
function authorityEnd(s: string, start: number): number {
  const length = s.length;
  // Most authorities are a plain host name: no userinfo, no port, no IP literal, no escape. Scan those first.
  let end = start;
  while (end < length && is(s.charCodeAt(end), REG_NAME)) end++;
  if (end === length || isAuthorityEnd(s.charCodeAt(end))) return end;
  // Anything else: find the end, then check the whole grammar.
  while (end < length && !isAuthorityEnd(s.charCodeAt(end))) end++;
  return isAuthority(s, start, end) ? end : -1;
}

/** `/`, `?` or `#`: the characters that end an authority. */
function isAuthorityEnd(c: number): boolean {
  return c === 0x2f || c === 0x3f || c === 0x23;
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
  if (host < end && s.charCodeAt(host) === 0x5b /* [ */) {
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
    if (is(c, UNRESERVED | SUB_DELIM) || (allowColon && c === 0x3a)) continue;
    if (c !== 0x25 /* % */ || i + 2 >= end || !is(s.charCodeAt(i + 1), HEX) || !is(s.charCodeAt(i + 2), HEX)) return false;
    i += 2;
  }
  return true;
}
