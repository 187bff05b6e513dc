import type { Kind } from "../../../generated/validators/index.js";
import type { Issue } from "../../issue.js";
import { validateJson } from "../../validate-json.js";
import { formatVerdict, type Format, type Verdict } from "../report.js";

/** What every line of a run is checked and printed with: the same on this thread and in a worker. */
export interface LineSettings {
  readonly kind: Kind;
  readonly format: Format;
  readonly maxIssues: number;
  /** The body limit: a longer line is `too_large` without being read. */
  readonly maxBytes: number;
}

/** The printed verdicts of a run of lines, and how many bodies were valid and invalid. */
export interface LinesOutcome {
  readonly text: string;
  readonly valid: number;
  readonly invalid: number;
}

const NEWLINE = 0x0a;

/**
 * Checks each non-blank line of `bytes` (whole lines, the first numbered `firstLine`) with `validateJson` on
 * its bytes — no copy, no decoding here — and prints the verdicts in order. Never throws.
 */
export function checkLines(input: Uint8Array, firstLine: number, file: string, settings: LineSettings): LinesOutcome {
  const { kind, format, maxIssues, maxBytes } = settings;
  // A plain view: `Buffer`'s own indexOf and subarray cost 2-3x more per line than the typed array's.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const options = { maxIssues };
  let text = "";
  let valid = 0;
  let invalid = 0;
  let line = firstLine;
  for (let start = 0; start < bytes.length; line++) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    const body = bytes.subarray(start, end);
    start = end + 1;
    if (body.length > maxBytes) {
      text += formatVerdict(tooLarge(file, line, body.length, maxBytes), format);
      invalid++;
      continue;
    }
    if (isBlank(body)) continue;
    const result = validateJson(kind, body, options);
    if (result.ok) valid++;
    else invalid++;
    text += formatVerdict({ file, line, valid: result.ok, issues: result.ok ? [] : result.issues }, format);
  }
  return { text, valid, invalid };
}

/** The verdict on a line of `size` bytes, longer than the body limit, that was never kept. */
export function oversizedLine(file: string, line: number, size: number, settings: LineSettings): LinesOutcome {
  return { text: formatVerdict(tooLarge(file, line, size, settings.maxBytes), settings.format), valid: 0, invalid: 1 };
}

function tooLarge(file: string, line: number, size: number, limit: number): Verdict {
  const issue: Issue = { path: "", code: "too_large", message: `The body is ${size} bytes; the limit is ${limit} bytes.` };
  return { file, line, valid: false, issues: [issue] };
}

/** A line of whitespace only, as `String.prototype.trim` sees it, deciding on the bytes while they are ASCII. */
function isBlank(body: Uint8Array): boolean {
  for (let i = 0; i < body.length; i++) {
    const byte = body[i]!;
    if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)) continue;
    if (byte < 0x80) return false;
    // Unicode spaces (U+00A0, U+FEFF, U+2028, ...) are whitespace to `trim` too: decode only for those lines.
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8").trim() === "";
  }
  return true;
}
