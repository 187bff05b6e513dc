import type { ScanLimits } from "./scan.js";
import { utf8Length } from "./utf8-length.js";

/**
 * Whether JSON text that `JSON.parse` has accepted surely keeps the limits `scanJson` enforces: nesting depth,
 * message count and message size. One pass that looks only at brackets, commas and where strings end (found
 * with `indexOf`), so it costs a fraction of a full grammar read. It may answer `false` for text within the
 * limits (it counts a messages array's whitespace into its messages, and treats every array where messages
 * can be as holding them); the caller then runs `scanJson`, which is exact and names the place. Never `true`
 * for text beyond a limit.
 */
export function surelyWithin(text: string, limits: ScanLimits): boolean {
  return fewEnough(text, limits) || bracketsWithin(text, limits);
}

/**
 * The cheapest answer, for small bodies: no more opening brackets than the depth allows, anywhere (inside
 * strings too), cannot nest deeper; text of at most `messageBytes / 3` units holds no message over the limit;
 * and no more commas than `maxMessages - 1` cannot separate too many messages. Counted with `indexOf`, stopping
 * as soon as a count passes its bound.
 */
function fewEnough(text: string, { depth, messages, maxMessages, messageBytes }: ScanLimits): boolean {
  const braces = count(text, "{", depth);
  if (braces > depth || count(text, "[", depth - braces) > depth - braces) return false;
  if (messages === "root") return true;
  return maxMessages > 0 && text.length <= Math.floor(messageBytes / 3) && count(text, ",", maxMessages - 1) <= maxMessages - 1;
}

/** How many times `char` occurs in `text`, counting no further than `bound + 1`. */
function count(text: string, char: string, bound: number): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0 && n <= bound; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/** The pass over brackets, commas and string ends, for text {@link fewEnough} cannot clear. */
function bracketsWithin(text: string, limits: ScanLimits): boolean {
  const { depth: maxDepth, messages, maxMessages, messageBytes } = limits;
  // The depth of the arrays that hold messages: the root array, or an array member of the root object.
  const level = messages === "root" ? -1 : messages === "items" ? 1 : 2;
  // A span of at most this many UTF-16 units is at most `messageBytes` bytes of UTF-8.
  const units = Math.floor(messageBytes / 3);
  const n = text.length;
  let depth = 0;
  let inMessages = false;
  let count = 0;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = stringEnd(text, i);
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return false;
      if (depth === level && c === 0x5b) {
        inMessages = true;
        count = 0;
        start = i;
      }
    } else if (c === 0x7d || c === 0x5d) {
      if (inMessages && depth === level) {
        if (!fits(text, start + 1, i, units, messageBytes)) return false;
        inMessages = false;
      }
      depth--;
    } else if (c === 0x2c && inMessages && depth === level) {
      // `count` commas so far: `count + 1` messages once the next one is read.
      if (++count + 1 > maxMessages || !fits(text, start + 1, i, units, messageBytes)) return false;
      start = i;
    }
  }
  // An empty messages array holds no message, but `maxMessages` may be 0: let the exact read decide.
  return maxMessages > 0 || level < 0;
}

/** Whether `text.slice(start, end)` is at most `bytes` bytes of UTF-8, deciding from its length when it can. */
function fits(text: string, start: number, end: number, units: number, bytes: number): boolean {
  return end - start <= units || utf8Length(text, start, end) <= bytes;
}

/** The index of the quote that closes the string opening at `i`, in text known to be JSON. */
function stringEnd(text: string, i: number): number {
  let j = text.indexOf('"', i + 1);
  while (j > 0) {
    let k = j - 1;
    while (text.charCodeAt(k) === 0x5c) k--;
    // An even run of backslashes escapes itself, not the quote.
    if ((j - 1 - k) % 2 === 0) return j;
    j = text.indexOf('"', j + 1);
  }
  return text.length;
}
