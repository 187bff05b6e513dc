import type { Issue } from "../issue.js";
import { escapeToken } from "../json-pointer.js";
import { utf8Length } from "./utf8-length.js";

/** What the scan enforces while it reads. */
export interface ScanLimits {
  /** Deepest nesting of arrays and objects. */
  readonly depth: number;
  /** Where the messages are, and how many and how large they may be. */
  readonly messages: MessagesAt;
  readonly maxMessages: number;
  readonly messageBytes: number;
}

/** Where a body holds its messages: the body itself, its items, or the items of one of its members. */
export type MessagesAt = "root" | "items" | { readonly member: string };

const OBJECT = 0;
const ARRAY = 1;

interface Frame {
  readonly type: typeof OBJECT | typeof ARRAY;
  /** The current key (object) while its value is read. */
  key: string | undefined;
  /** The current index (array). */
  index: number;
  /** Whether this array holds the messages. */
  readonly messages: boolean;
}

// What the scanner expects next.
const VALUE = 0;
const VALUE_OR_END = 1;
const KEY_OR_END = 2;
const KEY = 3;
const COLON = 4;
const COMMA_OR_END = 5;
const DONE = 6;

/**
 * Reads JSON text once, in one loop with an explicit stack (no recursion, so no depth can overflow it), and
 * checks what `JSON.parse` cannot be asked to: the grammar with the position of the first error, the nesting
 * depth, and the count and size of the messages, stopping at the first limit broken. Builds no values;
 * `JSON.parse` does that afterwards, on text this has accepted.
 *
 * @returns the first problem as an issue, or `undefined` when the text is JSON within the limits.
 */
export function scanJson(text: string, limits: ScanLimits): Issue | undefined {
  const frames: Frame[] = [];
  let state = VALUE;
  let messageStart = -1;
  let i = 0;
  const n = text.length;

  const path = (upTo = frames.length) => {
    let pointer = "";
    for (let f = 0; f < upTo; f++) {
      const frame = frames[f]!;
      if (frame.type === ARRAY) pointer += `/${frame.index}`;
      else if (frame.key !== undefined) pointer += `/${escapeToken(frame.key)}`;
      else break;
    }
    return pointer;
  };
  const syntax = (at: number, expected: string): Issue => ({
    path: path(),
    code: "invalid_json",
    message: `Invalid JSON at ${where(text, at)}: expected ${expected}, found ${found(text, at)}.`,
  });
  const inMessages = () => {
    const top = frames[frames.length - 1];
    return top !== undefined && top.messages;
  };
  const endValue = (end: number): Issue | undefined => {
    if (messageStart >= 0 && inMessages()) {
      const bytes = utf8Length(text, messageStart, end);
      messageStart = -1;
      if (bytes > limits.messageBytes) {
        return { path: path(), code: "too_large", message: `The message is ${bytes} bytes; the limit is ${limits.messageBytes} bytes.` };
      }
    }
    state = frames.length === 0 ? DONE : COMMA_OR_END;
    return undefined;
  };

  while (true) {
    i = skipWhitespace(text, i);
    if (i >= n) return state === DONE ? undefined : syntax(i, state === VALUE ? "a value" : "more JSON");
    const c = text.charCodeAt(i);
    if (state === DONE) return syntax(i, "the end of the text");
    if (state === COLON) {
      if (c !== 0x3a) return syntax(i, '":"');
      state = VALUE;
      i++;
      continue;
    }
    if (state === KEY_OR_END || state === KEY) {
      if (c === 0x7d && state === KEY_OR_END) {
        frames.pop();
        const issue = endValue(i + 1);
        if (issue) return issue;
        i++;
        continue;
      }
      if (c !== 0x22) return syntax(i, state === KEY ? "a key in double quotes" : 'a key in double quotes or "}"');
      const end = skipString(text, i);
      if (end < 0) return syntax(-end, "a valid string");
      frames[frames.length - 1]!.key = decodeKey(text, i, end);
      state = COLON;
      i = end;
      continue;
    }
    if (state === COMMA_OR_END) {
      const top = frames[frames.length - 1]!;
      const close = top.type === OBJECT ? 0x7d : 0x5d;
      if (c === 0x2c) {
        if (top.type === OBJECT) {
          top.key = undefined;
          state = KEY;
        } else {
          top.index++;
          state = VALUE;
        }
        i++;
        continue;
      }
      if (c !== close) return syntax(i, top.type === OBJECT ? '"," or "}"' : '"," or "]"');
      frames.pop();
      const issue = endValue(i + 1);
      if (issue) return issue;
      i++;
      continue;
    }
    // state is VALUE or VALUE_OR_END
    if (c === 0x5d && state === VALUE_OR_END) {
      frames.pop();
      const issue = endValue(i + 1);
      if (issue) return issue;
      i++;
      continue;
    }
    const top = frames[frames.length - 1];
    if (top?.messages) {
      if (top.index + 1 > limits.maxMessages) {
        return {
          path: path(frames.length - 1),
          code: "max_items",
          message: `At most ${limits.maxMessages} ${typeof limits.messages === "object" ? "messages" : "items"} are allowed.`,
        };
      }
      messageStart = i;
    }
    if (c === 0x7b || c === 0x5b) {
      if (frames.length >= limits.depth) {
        return { path: path(), code: "too_deep", message: `The body is nested more than ${limits.depth} levels deep.` };
      }
      const messages =
        c === 0x5b &&
        ((limits.messages === "items" && frames.length === 0) ||
          (typeof limits.messages === "object" && frames.length === 1 && frames[0]!.type === OBJECT && frames[0]!.key === limits.messages.member));
      frames.push({ type: c === 0x7b ? OBJECT : ARRAY, key: undefined, index: 0, messages });
      state = c === 0x7b ? KEY_OR_END : VALUE_OR_END;
      i++;
      continue;
    }
    const end = c === 0x22 ? skipString(text, i) : c === 0x2d || (c >= 0x30 && c <= 0x39) ? skipNumber(text, i) : skipLiteral(text, i);
    if (end < 0) return syntax(-end, "a value");
    const issue = endValue(end);
    if (issue) return issue;
    i = end;
  }
}

function skipWhitespace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

/** The index after the string starting at `i`, or minus the index of the first bad character. */
function skipString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -j;
    if (c === 0x5c) {
      const e = text.charCodeAt(j + 1);
      if (e === 0x75) {
        for (let k = j + 2; k < j + 6; k++) if (!isHex(text.charCodeAt(k))) return -k;
        j += 6;
      } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        j += 2;
      } else return -(j + 1);
    } else j++;
  }
  return -j;
}

/** The index after the number starting at `i` (RFC 8259 grammar), or minus the index of the first bad character. */
function skipNumber(text: string, i: number): number {
  let j = i;
  if (text.charCodeAt(j) === 0x2d) j++;
  if (text.charCodeAt(j) === 0x30) j++;
  else if (isDigit(text.charCodeAt(j))) while (isDigit(text.charCodeAt(j))) j++;
  else return -j;
  if (text.charCodeAt(j) === 0x2e) {
    j++;
    if (!isDigit(text.charCodeAt(j))) return -j;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  if ((text.charCodeAt(j) | 0x20) === 0x65) {
    j++;
    if (text.charCodeAt(j) === 0x2b || text.charCodeAt(j) === 0x2d) j++;
    if (!isDigit(text.charCodeAt(j))) return -j;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

function skipLiteral(text: string, i: number): number {
  for (const literal of ["true", "false", "null"]) {
    if (text.startsWith(literal, i)) return i + literal.length;
  }
  return -i;
}

function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes("\\") ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}

/** `line L, column C (position P)` of a character index, 1-based lines and columns. */
function where(text: string, at: number): string {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < at && k < text.length; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return `line ${line}, column ${at - lineStart + 1} (position ${at})`;
}

function found(text: string, at: number): string {
  if (at >= text.length) return "the end of the text";
  const c = text.charCodeAt(at);
  return c < 0x20 ? `control character U+${c.toString(16).toUpperCase().padStart(4, "0")}` : JSON.stringify(text[at]);
}
