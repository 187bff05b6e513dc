/**
 * The `date-time` format: RFC 3339 section 5.6 `date-time` (`full-date "T" full-time`), with the verdicts of
 * @hyperjump/json-schema-formats (`rfc3339.js`): real calendar days, a required offset, leap seconds only at
 * 23:59:60 UTC on a listed day.
 */

import { isDigit } from "./ascii.js";
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
  const year = digits4(s, 0);
  const month = digits2(s, 5);
  const day = digits2(s, 8);
  const hour = digits2(s, 11);
  const minute = digits2(s, 14);
  const second = digits2(s, 17);
  if (
    year < 0 || s.charCodeAt(4) !== 0x2d /* - */ ||
    month < 1 || month > 12 || s.charCodeAt(7) !== 0x2d ||
    day < 1 || day > daysInMonth(year, month) ||
    (s.charCodeAt(10) | 0x20) !== 0x74 /* t */ ||
    hour < 0 || hour > 23 || s.charCodeAt(13) !== 0x3a /* : */ ||
    minute < 0 || minute > 59 || s.charCodeAt(16) !== 0x3a ||
    second < 0 || second > 60
  ) {
    return false;
  }
  let i = 19;
  if (s.charCodeAt(i) === 0x2e /* . */) {
    const first = ++i;
    while (isDigit(s.charCodeAt(i))) i++;
    if (i === first) return false;
  }
  let offsetMinutes = 0;
  const sign = s.charCodeAt(i);
  if ((sign | 0x20) === 0x7a /* z */) {
    if (i + 1 !== s.length) return false;
  } else if (sign === 0x2b /* + */ || sign === 0x2d /* - */) {
    const offsetHour = digits2(s, i + 1);
    const offsetMinute = digits2(s, i + 4);
    if (
      i + 6 !== s.length || offsetHour < 0 || offsetHour > 23 ||
      s.charCodeAt(i + 3) !== 0x3a || offsetMinute < 0 || offsetMinute > 59
    ) {
      return false;
    }
    offsetMinutes = (sign === 0x2b ? 1 : -1) * (offsetHour * 60 + offsetMinute);
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

/** The two ASCII digits at `i` as a number, or -1. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 0x30;
  const b = s.charCodeAt(i + 1) - 0x30;
  // NaN past the end fails both comparisons, so a short string yields -1 too.
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The four ASCII digits at `i` as a number, or -1. */
function digits4(s: string, i: number): number {
  const high = digits2(s, i);
  const low = digits2(s, i + 2);
  return high < 0 || low < 0 ? -1 : high * 100 + low;
}
