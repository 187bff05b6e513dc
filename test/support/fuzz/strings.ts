import fc from "fast-check";

/**
 * Characters that break naive code: lone and reversed surrogates, NUL and other controls, direction marks and
 * overrides, a byte order mark, line and paragraph separators, non-breaking and ideographic spaces, emoji
 * (one, joined, flags), a combining mark, non-characters, JSON and JSON Pointer metacharacters.
 */
export const EDGE_CHARS: readonly string[] = [
  "\u0000",
  "\u0001",
  "\u001f",
  "\u007f",
  "\u0085",
  "\u009f",
  "\t",
  "\n",
  "\r",
  " ",
  "\u00a0",
  "\u3000",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\u200e",
  "\u200f",
  "\u202e",
  "\u2066",
  "\u200b",
  "\ud800",
  "\udbff",
  "\udc00",
  "\udfff",
  "\udc00\ud800",
  "\ufffd",
  "\uffff",
  "\ufffe",
  "\u{10ffff}",
  "😀",
  "👩‍👩‍👧",
  "🇺🇸",
  "e\u0301",
  "é",
  "ß",
  "İ",
  "\u212a",
  '"',
  "\\",
  "/",
  "~",
  "~0",
  "~1",
  "%",
  "{",
  "}",
  "[",
  "]",
  ":",
  ",",
];

/** Keys that name something on every object or a prototype: a body must keep them as plain data. */
export const SPECIAL_KEYS: readonly string[] = [
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "toString",
  "valueOf",
  "__defineGetter__",
  "__lookupSetter__",
  "isPrototypeOf",
  "length",
  "then",
];

/** Any code points, lone surrogates included (built by hand: fast-check's `binary` unit costs seconds to set up). */
export function codePointString(maxLength: number): fc.Arbitrary<string> {
  return fc
    .array(fc.integer({ min: 0, max: 0x10ffff }).map((point) => String.fromCodePoint(point)), { maxLength })
    .map((points) => points.join(""));
}

/** A string of edge characters and plain text. */
export const edgeString: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...EDGE_CHARS), fc.string({ maxLength: 4 }), codePointString(2)), {
    maxLength: 8,
  })
  .map((parts) => parts.join(""));

/** Any short string: mostly plain, some with edge characters, some of any code points. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 12 }), weight: 5 },
  { arbitrary: edgeString, weight: 3 },
  { arbitrary: codePointString(12), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }), weight: 1 },
);

/** `count` code points: plain letters, or emoji (two UTF-16 units each), or edge characters that are one code point. */
export function codePoints(count: number, seed: number): string {
  const units = ["a", "😀", "é", "\u0000", "\ud800", " "];
  const unit = units[seed % units.length]!;
  return unit.repeat(count);
}

/** `name` with each letter's case flipped where `flips` says so. */
export function flipCase(name: string, flips: readonly boolean[]): string {
  return [...name].map((c, i) => (flips[i % Math.max(1, flips.length)] ? swapCase(c) : c)).join("");
}

function swapCase(c: string): string {
  const lower = c.toLowerCase();
  return c === lower ? c.toUpperCase() : lower;
}

/** `created_at` ↔ `createdAt`. */
export function switchStyle(name: string): string {
  if (name.includes("_")) return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Another spelling of a key: its case flipped, its style switched, or both. */
export function respell(key: string, how: number, flips: readonly boolean[]): string {
  switch (how % 4) {
    case 0:
      return flipCase(key, flips);
    case 1:
      return switchStyle(key);
    case 2:
      return flipCase(switchStyle(key), flips);
    default:
      return key.toUpperCase();
  }
}

/** A key of an object: plain, special, edge, reserved-looking, or long. */
export const anyKey: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 8 }), weight: 6 },
  { arbitrary: fc.constantFrom(...SPECIAL_KEYS), weight: 2 },
  { arbitrary: edgeString, weight: 2 },
  {
    arbitrary: fc.constantFrom("id", "name", "plan", "Plan", "PLAN", "createdAt", "created_at", "CreatedAt", "account_name", "Account_Name", "type", "traits", "batch", "userId", "group_id"),
    weight: 2,
  },
  { arbitrary: fc.constantFrom(255, 256).chain((n) => fc.nat().map((seed) => codePoints(n, seed))), weight: 1 },
);
