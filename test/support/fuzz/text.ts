import fc from "fast-check";
import type { Kind } from "../../../src/index.js";
import { bodies } from "./bodies.js";
import type { Json } from "./json.js";
import type { JsonInput } from "./properties.js";

// Inputs for validateJson: generated bodies as JSON text (compact or indented), then raw edits a broken
// client or a network makes: truncation, stray or doubled bytes, escapes, deep nesting, invalid UTF-8.

/** Pieces a raw edit inserts: JSON punctuation, bad escapes, controls, a BOM, lone surrogates, non-JSON words. */
const PIECES = [
  "{",
  "}",
  "[",
  "]",
  '"',
  ",",
  ":",
  "\\",
  "\\u",
  "\\ud800",
  "\\u0000",
  "\\x41",
  "\u0000",
  "\u001f",
  "\u007f",
  " ",
  "\n",
  "\u00a0",
  "\u2028",
  "\ufeff",
  "\ud800",
  "😀",
  "0",
  "-",
  "01",
  "1e",
  ".",
  "+1",
  "tru",
  "null",
  "NaN",
  "Infinity",
  "undefined",
  "'",
  "/*",
  '"__proto__":{"polluted":true},',
  '"constructor":{"prototype":{"polluted":true}},',
  '"\\u005f\\u005fproto\\u005f\\u005f":{"polluted":true},',
];

/** The nesting depths around the read-time limit (32) and far past it. */
const DEPTHS = [31, 32, 33, 100, 5000];

type Edit =
  | { readonly op: "truncate"; readonly at: number }
  | { readonly op: "insert"; readonly at: number; readonly piece: string }
  | { readonly op: "delete"; readonly at: number; readonly length: number }
  | { readonly op: "repeat"; readonly at: number; readonly length: number }
  | { readonly op: "escape"; readonly at: number }
  | { readonly op: "nest"; readonly at: number; readonly depth: number; readonly object: boolean };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), piece: fc.constantFrom(...PIECES) }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant("repeat" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant("escape" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("nest" as const), at: fc.nat(), depth: fc.constantFrom(...DEPTHS), object: fc.boolean() }),
);

/** Applies one edit at a position taken modulo the text's length. */
function applyEdit(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  switch (e.op) {
    case "truncate":
      return text.slice(0, at);
    case "insert":
      return text.slice(0, at) + e.piece + text.slice(at);
    case "delete":
      return text.slice(0, at) + text.slice(at + e.length);
    case "repeat":
      // Doubles a stretch: inside an object this often repeats a whole `"key":value,` (a duplicate key).
      return text.slice(0, at + e.length) + text.slice(at, at + e.length) + text.slice(at + e.length);
    case "escape": {
      // One character as a \u escape: the same JSON inside a string (keys too), an error outside one.
      const c = text.charCodeAt(at);
      if (Number.isNaN(c)) return text;
      return `${text.slice(0, at)}\\u${c.toString(16).padStart(4, "0")}${text.slice(at + 1)}`;
    }
    case "nest": {
      // A deep value where a value may start: after a colon or an opening bracket, or around the whole text.
      const open = (e.object ? '{"a":' : "[").repeat(e.depth);
      const close = (e.object ? "}" : "]").repeat(e.depth);
      const colon = text.indexOf(":", at);
      if (colon < 0) return open + text + close;
      return `${text.slice(0, colon + 1)}${open}0${close},"b":${text.slice(colon + 1)}`;
    }
  }
}

/** Where an input came from, so that a run can report its mix. */
export type TextOrigin = "stringify" | "edited" | "bytes" | "bad-utf8";

/** Bytes that are not UTF-8: a lone continuation, an overlong form, an encoded surrogate, a cut sequence, 0xFF. */
const BAD_UTF8: readonly (readonly number[])[] = [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xff], [0xf4, 0x90, 0x80, 0x80]];

const encoder = new TextEncoder();

/** Inputs for validateJson of one kind, each with its origin. */
export function jsonInputs(kind: Kind): fc.Arbitrary<{ readonly origin: TextOrigin; readonly input: JsonInput }> {
  const text = fc.tuple(bodies(kind), fc.constantFrom(0, 0, 2)).map(([{ body }, indent]) => stringify(body, indent));
  return fc.oneof(
    { arbitrary: text.map((input) => ({ origin: "stringify" as const, input })), weight: 4 },
    {
      arbitrary: fc
        .tuple(text, fc.array(edit, { minLength: 1, maxLength: 3 }))
        .map(([input, edits]) => ({ origin: "edited" as const, input: edits.reduce(applyEdit, input) })),
      weight: 4,
    },
    // As bytes: TextEncoder writes a lone surrogate as U+FFFD, so the text read back may differ from the text
    // sent. A UTF-8 byte order mark is dropped by the decoder, as RFC 8259 section 8.1 allows a reader to.
    {
      arbitrary: fc.tuple(text, fc.boolean()).map(([input, bom]) => ({ origin: "bytes" as const, input: encoder.encode(bom ? `\ufeff${input}` : input) })),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(text, fc.nat(), fc.constantFrom(...BAD_UTF8)).map(([input, at, bad]) => {
        const bytes = encoder.encode(input);
        const i = at % (bytes.length + 1);
        return { origin: "bad-utf8" as const, input: Uint8Array.from([...bytes.subarray(0, i), ...bad, ...bytes.subarray(i)]) };
      }),
      weight: 1,
    },
  );
}

function stringify(body: Json, indent: number): string {
  return JSON.stringify(body, null, indent);
}
