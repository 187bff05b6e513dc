/**
 * The UTC days that ended in a leap second (23:59:60), as listed in @hyperjump/json-schema-formats
 * (`date-math.js`), with its lookup quirk reproduced so that `date-time` gives the same verdicts.
 */

/** Days as `yyyymmdd`, copied from hyperjump's table (which includes the 1960s "rubber second" steps). */
const LISTED_DAYS: readonly number[] = [
  19601231, 19610731, 19611231, 19631031, 19631231, 19640331, 19640831, 19641231, 19650228, 19650630,
  19650831, 19651231, 19680131, 19711231, 19720630, 19721231, 19731231, 19741231, 19751231, 19761231,
  19771231, 19781231, 19791231, 19810630, 19820630, 19830630, 19850630, 19871231, 19891231, 19901231,
  19920630, 19930630, 19940630, 19951231, 19970630, 19981231, 20051231, 20081231, 20120630, 20150630,
  20161231,
];

/**
 * Quirk kept from hyperjump: it looks days up as `${year}-${month}-${day}` without zero padding against
 * zero-padded keys, so only days whose month and day both have two digits (October-December, day >= 10)
 * can ever match; the June 30 leap seconds (e.g. 2015-06-30T23:59:60Z) are rejected.
 */
const MATCHABLE_DAYS: ReadonlySet<number> = new Set(
  LISTED_DAYS.filter((day) => Math.floor(day / 100) % 100 >= 10 && day % 100 >= 10),
);

/** True when hyperjump accepts a leap second at 23:59:60 UTC on the given UTC calendar day. */
export function hasLeapSecond(year: number, month: number, day: number): boolean {
  return MATCHABLE_DAYS.has(year * 10000 + month * 100 + day);
}
