import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KINDS } from "../../src/index.js";
import { surelyWithin } from "../../src/json/bounds.js";
import { scanJson, type MessagesAt } from "../../src/json/scan.js";
import { utf8Length } from "../../src/json/utf8-length.js";
import { messagesOf } from "../../src/limits.js";
import { CI_SEED } from "../support/fuzz/config.js";
import { jsonInputs } from "../support/fuzz/text.js";

// validateJson parses first and runs the exact scanner only when a quick pass cannot clear the text of the
// read-time limits: the quick pass must never clear text that the scanner refuses, whatever the limits.

const limits = (messages: MessagesAt) =>
  fc.record({
    depth: fc.integer({ min: 0, max: 8 }),
    messages: fc.constant(messages),
    maxMessages: fc.integer({ min: 0, max: 4 }),
    messageBytes: fc.integer({ min: 0, max: 400 }),
  });

describe.each(KINDS)("the quick limit pass (%s)", (kind) => {
  it("clears only JSON text that the exact scanner also clears", () => {
    const cleared = { yes: 0, no: 0 };
    fc.assert(
      fc.property(jsonInputs(kind), limits(messagesOf(kind)), ({ input }, given) => {
        const text = typeof input === "string" ? input : new TextDecoder().decode(input);
        try {
          JSON.parse(text);
        } catch {
          return; // the quick pass only ever reads text JSON.parse accepted
        }
        if (!surelyWithin(text, given)) return void cleared.no++;
        cleared.yes++;
        expect(scanJson(text, given)).toBeUndefined();
      }),
      { seed: CI_SEED, numRuns: 400 },
    );
    expect(cleared.yes).toBeGreaterThan(0);
    expect(cleared.no).toBeGreaterThan(0);
  });

  it("counts whitespace and escapes of a message at the byte limit exactly as the scanner does", () => {
    const message = '{"a":"\\u00e9\\"x"}';
    const body = `{"batch":[ ${message} , ${message}]}`;
    const at = { depth: 8, messages: messagesOf(kind), maxMessages: 2 };
    for (let bytes = 0; bytes < 40; bytes++) {
      if (surelyWithin(body, { ...at, messageBytes: bytes })) expect(scanJson(body, { ...at, messageBytes: bytes })).toBeUndefined();
    }
  });
});

describe("utf8Length", () => {
  it("counts what TextEncoder writes, lone surrogates as U+FFFD, on any slice, short (loop) or long (native)", () => {
    const pieces = ["a", "é", "😀", "\ud800", "\udc00", "中", "\u0000"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 600 }), fc.nat(), fc.nat(), (parts, x, y) => {
        const text = parts.join("");
        const start = text.length === 0 ? 0 : x % text.length;
        const end = start + (y % (text.length - start + 1));
        expect(utf8Length(text, start, end)).toBe(new TextEncoder().encode(text.slice(start, end)).length);
      }),
      { seed: CI_SEED, numRuns: 300 },
    );
  });
});
