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
