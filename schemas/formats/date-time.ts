/**
 * The `date-time` format: RFC 3339 section 5.6 `date-time` (`full-date "T" full-time`), with the verdicts of
 * @hyperjump/json-schema-formats (`rfc3339.js`): real calendar days, a required offset, leap seconds only at
 * 23:59:60 UTC on a listed day.
 */

import { hasLeapSecond } from "./leap-seconds.js";

/** Minutes in a day, for moving a local time to UTC across midnight. */
const MINUTES_PER_DAY = 24 * 60;

/**
 * True when `s` is an RFC 3339 date-time such as `2024-01-15T10:30:00Z` or `2024-01-15t10:30:00.5+05:30`.
 * The `T` and `Z` may be lower case (RFC 3339 section 5.6 NOTE); a space separator or a missing offset is not
 * allowed.
 *
 * @example isDateTime("2024-02-29T10:00:00Z") // true; isDateTime("2023-02-29T10:00:00Z") // false
 */
export function isDateTime(s: string): boolean {
  // The shortest form, `yyyy-mm-ddThh:mm:ssZ`, has 20 characters.
  if (s.length < 20) return false;
  // A non-digit makes its field negative (see `digit`), so one comparison per field checks digits and range.
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const month = digit(s, 5) * 10 + digit(s, 6);
  const day = digit(s, 8) * 10 + digit(s, 9);
  const hour = digit(s, 11) * 10 + digit(s, 12);
  const minute = digit(s, 14) * 10 + digit(s, 15);
  const second = digit(s, 17) * 10 + digit(s, 18);
  if (
    year < 0 || s.charCodeAt(4) !== 0x2d /* - */ ||
    month < 1 || month > 12 || s.charCodeAt(7) !== 0x2d ||
    day < 1 || (day > 28 && day > daysInMonth(year, month)) ||
    (s.charCodeAt(10) | 0x20) !== 0x74 /* t */ ||
    hour < 0 || hour > 23 || s.charCodeAt(13) !== 0x3a /* : */ ||
    minute < 0 || minute > 59 || s.charCodeAt(16) !== 0x3a ||
    second < 0 || second > 60
  ) {
    return false;
  }
  let i = 19;
  let c = s.charCodeAt(i);
  if (c === 0x2e /* . */) {
    const first = ++i;
    while ((c = s.charCodeAt(i)) >= 0x30 && c <= 0x39) i++;
    if (i === first) return false;
  }
  let offsetMinutes = 0;
  if ((c | 0x20) === 0x7a /* z */) {
    if (i + 1 !== s.length) return false;
  } else if (c === 0x2b /* + */ || c === 0x2d /* - */) {
    const offsetHour = digit(s, i + 1) * 10 + digit(s, i + 2);
    const offsetMinute = digit(s, i + 4) * 10 + digit(s, i + 5);
    if (
      i + 6 !== s.length || offsetHour < 0 || offsetHour > 23 ||
      s.charCodeAt(i + 3) !== 0x3a || offsetMinute < 0 || offsetMinute > 59
    ) {
      return false;
    }
    offsetMinutes = (c === 0x2b ? 1 : -1) * (offsetHour * 60 + offsetMinute);
  } else {
    return false;
  }
  return second !== 60 || isLeapSecondMinute(year, month, day, hour * 60 + minute - offsetMinutes);
}

/**
 * True when local day `year-month-day` at `utcMinutes` after its local midnight (already shifted by the offset,
 * so it may fall on the day before) is 23:59 UTC on a day with a leap second.
 */
function isLeapSecondMinute(year: number, month: number, day: number, utcMinutes: number): boolean {
  // A local time minus an offset under 24 h lands on the same day or the day before at 23:59, never after.
  if (utcMinutes === MINUTES_PER_DAY - 1) return hasLeapSecond(year, month, day);
  if (utcMinutes !== -1) return false;
  if (day > 1) return hasLeapSecond(year, month, day - 1);
  if (month > 1) return hasLeapSecond(year, month - 1, daysInMonth(year, month - 1));
  return hasLeapSecond(year - 1, 12, 31);
}

/** Days in `month` (1-12) of the proleptic Gregorian `year`. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Far enough below zero that a field holding it stays negative whatever its other digits are. */
const NOT_A_DIGIT = -100000;

/** The ASCII digit at `i` as a number, or {@link NOT_A_DIGIT} (also past the end, where `charCodeAt` gives NaN). */
function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 0x30;
  return d >= 0 && d <= 9 ? d : NOT_A_DIGIT;
}
