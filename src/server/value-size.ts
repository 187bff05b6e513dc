/** The two sizes of a parsed JSON value that the store counts. */
export interface ValueSize {
  /** The UTF-8 byte length of `JSON.stringify(value)`: what the per-group trait bound counts. */
  json: number;
  /** Its estimated heap bytes as `JSON.parse` built it (V8, 64-bit): what the store's budget counts. */
  heap: number;
}

// Characters JSON.stringify does not write as themselves: `"`, `\`, controls, and surrogates (a lone one
// becomes `\udxxx`). Most strings have none, and then the native UTF-8 count is the answer.
const SPECIAL = /["\\\u0000-\u001f\ud800-\udfff]/;

// Heap estimates. A string is counted at two bytes per UTF-16 unit so that non-Latin-1 text is not
// undercounted. Empty arrays and objects cost far more in the heap than their 2 bytes of JSON, which is
// why the budget does not count JSON bytes.
/** A string's header, before its two bytes per unit (see {@link stringHeap}). */
export const STRING_HEADER = 16;
/** A number, boolean or null. */
export const HEAP_NUMBER = 16;
/** An array's or object's own header. */
export const CONTAINER_HEADER = 32;
/** A pointer in an array's elements. */
export const SLOT = 8;
/** A property of a parsed object, dictionary-sized (key, value, details). */
export const PROPERTY = 24;

/**
 * Both sizes of a JSON value (what `JSON.parse` returns), in one walk that builds no text: the store sizes
 * every trait it keeps. Nesting is bounded by validation, so the recursion is too.
 *
 * @example
 * sizeOf({ plan: "pro", seats: 3 }).json; // 24, as Buffer.byteLength('{"plan":"pro","seats":3}')
 */
export function sizeOf(value: unknown): ValueSize {
  const size = { json: 0, heap: 0 };
  size.json = walk(value, size);
  return size;
}

/** The estimated heap bytes of a string: two bytes per unit, plus the header. */
export function stringHeap(text: string): number {
  return STRING_HEADER + 2 * text.length;
}

/** Adds `value`'s heap bytes to `size.heap` and returns its JSON bytes. */
function walk(value: unknown, size: ValueSize): number {
  switch (typeof value) {
    case "string":
      size.heap += stringHeap(value);
      return stringJson(value);
    case "number":
      size.heap += HEAP_NUMBER;
      return Number.isFinite(value) ? String(value).length : 4;
    case "boolean":
      return value ? 4 : 5;
    case "object": {
      if (value === null) return 4;
      size.heap += CONTAINER_HEADER;
      return Array.isArray(value) ? arrayJson(value, size) : objectJson(value as Record<string, unknown>, size);
    }
    default:
      // Not JSON (undefined, a function): never in a parsed body; counted as the `null` an array would hold.
      return 4;
  }
}

function arrayJson(items: readonly unknown[], size: ValueSize): number {
  size.heap += SLOT * items.length;
  let json = 2 + Math.max(0, items.length - 1);
  for (const item of items) json += walk(item, size);
  return json;
}

function objectJson(object: Record<string, unknown>, size: ValueSize): number {
  const keys = Object.keys(object);
  let json = 2 + Math.max(0, keys.length - 1);
  for (const key of keys) {
    size.heap += PROPERTY + stringHeap(key);
    json += stringJson(key) + 1 + walk(object[key], size);
  }
  return json;
}

function stringJson(text: string): number {
  if (!SPECIAL.test(text)) return Buffer.byteLength(text, "utf8") + 2;
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x20) bytes += code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code <= 0xdbff && code >= 0xd800 && isLow(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
