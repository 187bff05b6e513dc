import { isObject, type Json } from "../json-schema/json.js";

/** A value of each JSON type; `number` gives fractions, so that `integer` ⊂ `number` changes show. */
export const TYPE_SAMPLES: Readonly<Record<string, readonly Json[]>> = {
  string: ["", "a", "example"],
  number: [1.5, -0.5],
  integer: [0, 1, -1],
  boolean: [true, false],
  null: [null],
  object: [{}, { a: "b" }],
  array: [[], ["a"]],
};

/** Characters that portable regular expressions and JavaScript's `\s`, `\d`, `\w` treat differently. */
const SPECIAL_CHARACTERS = [
  ...Array.from({ length: 0x21 }, (_, code) => String.fromCharCode(code)),
  ...Array.from({ length: 0x21 }, (_, code) => String.fromCharCode(0x7f + code)),
  "\u1680", "\u180e", "\u2000", "\u2007", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff",
  "é", "ß", "Ａ", "٣", "０", "😀", "-", "_", ".", "/", "\\", "@", "+", "#", "%", "'", '"',
];

/** Strings for a changed `pattern`: the special characters alone, inside a word, and ordinary words. */
export const PATTERN_SAMPLES: readonly string[] = [
  "", "a", "A", "0", "9", "123", "abc", "ABC", "a1", "a b", "a-b", "a_b", "a.b", "x".repeat(64),
  ...SPECIAL_CHARACTERS,
  ...SPECIAL_CHARACTERS.map((c) => `a${c}b`),
];

/** Valid and invalid strings of each common `format`. */
export const FORMAT_SAMPLES: readonly string[] = [
  "2024-01-15T10:30:00Z", "2024-01-15T10:30:00.123+02:00", "2024-02-30T10:30:00Z", "2024-01-15", "10:30:00Z", "not a date",
  "https://example.com/a?b=c", "example.com", "/relative", "mailto:a@example.com",
  "a@example.com", "a@b", "@example.com", "acme.com", "-acme.com", "a".repeat(64) + ".com",
  "192.168.1.1", "999.1.1.1", "::1", "2001:db8::1", "fe80::1%eth0", "ac8db7ba-5139-4911-ba6e-523fd9c4704b", "P1D", "",
];

/** Values of every type and shape, for a change whose effect the keywords do not tell. */
export const GENERAL_SAMPLES: readonly Json[] = [
  ...Object.values(TYPE_SAMPLES).flat(),
  0.5, 1e21, -1e21, 255, 256, "x".repeat(256), "x".repeat(8193),
  ...FORMAT_SAMPLES,
  { a: { b: { c: { d: 1 } } } }, [[[["a"]]]], [1, 1], { "": "" },
];

/** A string of `length` code points made from `current`'s characters (or `a`), so that its pattern likely still holds. */
export function stringOfLength(current: Json | undefined, length: number): string {
  const chars = typeof current === "string" && current.length > 0 ? [...current] : ["a"];
  return Array.from({ length }, (_, i) => chars[i % chars.length]!).join("");
}

/** An array of `length` items, repeating `current`'s items (or `"a"`). */
export function arrayOfLength(current: Json | undefined, length: number): Json[] {
  const items = Array.isArray(current) && current.length > 0 ? current : ["a"];
  return Array.from({ length }, (_, i) => items[i % items.length]!);
}

/** An object of `size` members: `current`'s first ones, then `probe_N` members with its first value (or `"a"`). */
export function objectOfSize(current: Json | undefined, size: number): Json {
  const entries = isObject(current) ? Object.entries(current) : [];
  const filler = entries[0]?.[1] ?? "a";
  const out: Record<string, Json> = {};
  for (let i = 0; i < size; i++) {
    const entry = entries[i];
    if (entry !== undefined) out[entry[0]] = entry[1];
    else out[`probe_${i}`] = filler;
  }
  return out;
}

/** Every string in a value, at most `limit`, for a search that needs strings seen in real bodies. */
export function stringsIn(value: Json, into: Set<string>, limit: number): void {
  const stack: Json[] = [value];
  while (stack.length > 0 && into.size < limit) {
    const next = stack.pop()!;
    if (typeof next === "string") into.add(next);
    else if (Array.isArray(next)) stack.push(...next);
    else if (isObject(next)) {
      for (const key of Object.keys(next)) into.add(key);
      stack.push(...Object.values(next));
    }
  }
}
