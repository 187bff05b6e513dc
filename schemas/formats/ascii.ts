/**
 * ASCII character classes shared by the format checkers. They take a UTF-16 code unit from `charCodeAt`
 * (NaN past the end, which every test rejects), so callers need no bounds check before classifying.
 */

/** True for `0`-`9`. */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** True for `A`-`Z` and `a`-`z`. */
export function isAlpha(c: number): boolean {
  // Folding to lower case with `| 0x20` maps only `A`-`Z` onto `a`-`z`, so one range test covers both.
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** True for an ASCII letter or digit (the RFC 5321 `Let-dig`). */
export function isAlnum(c: number): boolean {
  return isDigit(c) || isAlpha(c);
}

/** True for `0`-`9`, `A`-`F` and `a`-`f` (the ABNF `HEXDIG`, case-insensitive as ABNF strings are). */
export function isHexDigit(c: number): boolean {
  const lower = c | 0x20;
  return isDigit(c) || (lower >= 0x61 && lower <= 0x66);
}

// One table lookup classifies a character for the scanners of `uri` and `email`, where a chain of comparisons
// per character would cost more than the rest of the check.

/** RFC 3986 `unreserved`: letters, digits, `-._~`. */
export const UNRESERVED = 1;
/** RFC 3986 `sub-delims`: ``!$&'()*+,;=``. */
export const SUB_DELIM = 2;
/** RFC 3986 `pchar` without `pct-encoded`: `unreserved`, `sub-delims`, `:` and `@`. */
export const PCHAR = 4;
/** RFC 5322 `atext`: letters, digits and ``!#$%&'*+-/=?^_`{|}~``. */
export const ATEXT = 8;
/** Letters, digits, `+-.`: the characters of a URI scheme after the first. */
export const SCHEME = 16;
/** Letters and digits. */
export const ALNUM = 32;
/** Hex digits. */
export const HEX = 64;
/** `pchar` without `pct-encoded`, and `/`: the characters of a URI path. */
export const PATH = 128;
/** `unreserved` or `sub-delims`: the characters of a host name in a URI. */
export const REG_NAME = UNRESERVED | SUB_DELIM;

/** The classes of each ASCII character, as a bit set; index with a code unit below 128 only. */
export const CLASSES: Uint8Array = classTable();

function classTable(): Uint8Array {
  const table = new Uint8Array(128);
  const add = (chars: string, bits: number) => {
    for (const c of chars) table[c.charCodeAt(0)]! |= bits;
  };
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const digits = "0123456789";
  add(letters + digits, UNRESERVED | PCHAR | ATEXT | SCHEME | ALNUM);
  add("-._~", UNRESERVED | PCHAR);
  add("!$&'()*+,;=", SUB_DELIM | PCHAR);
  add(":@", PCHAR);
  add(letters + digits + "-._~!$&'()*+,;=:@/", PATH);
  add("!#$%&'*+-/=?^_`{|}~", ATEXT);
  add("+-.", SCHEME);
  add(digits + "ABCDEFabcdef", HEX);
  return table;
}

/** True when code unit `c` is ASCII and in one of the classes of `bits`. */
export function is(c: number, bits: number): boolean {
  return c < 128 && (CLASSES[c]! & bits) !== 0;
}
