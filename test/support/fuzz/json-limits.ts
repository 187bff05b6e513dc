import type { Kind } from "../../../src/index.js";

// A model of the limits validateJson enforces while it reads the text, written from the README and
// src/limits.ts's numbers, not from src/json/scan.ts: it works on the parsed value, plus a bracket count on
// the text for depth (a duplicate key can hide a deep value from JSON.parse, not from a reader of the text).

/** The numbers of `DEFAULT_LIMITS`, restated so that a change to them is a visible change to the tests. */
export const LIMITS = { bodyBytes: 512_000, messageBytes: 32_768, depth: 32, thrivestackItems: 1000, batchMessages: 2500, traitKeys: 255 } as const;

/** Where a kind's messages are. */
export function messageLayout(kind: Kind): "root" | "items" | "batch" {
  return kind === "thrivestack" ? "items" : kind === "segment-batch" ? "batch" : "root";
}

/** The deepest nesting of brackets in JSON text (the text must be JSON). */
export function textDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") max = Math.max(max, ++depth);
    else if (c === "]" || c === "}") depth--;
  }
  return max;
}

/** The messages of a parsed body, with their JSON Pointers and nesting level in the text. */
export function messagesIn(kind: Kind, body: unknown): { path: string; message: unknown; level: number }[] {
  switch (messageLayout(kind)) {
    case "root":
      return [{ path: "", message: body, level: 0 }];
    case "items":
      return Array.isArray(body) ? body.map((message, i) => ({ path: `/${i}`, message, level: 1 })) : [];
    case "batch": {
      const batch = isObject(body) && Object.hasOwn(body, "batch") ? body["batch"] : undefined;
      return Array.isArray(batch) ? batch.map((message, i) => ({ path: `/batch/${i}`, message, level: 2 })) : [];
    }
  }
}

/**
 * The UTF-8 size of each message where the text is exactly what `JSON.stringify(body, null, indent)` writes
 * (so a message's text is its own stringification, indented `level` more steps); `undefined` for other text.
 */
export function messageSizes(kind: Kind, text: string, body: unknown): { path: string; bytes: number }[] | undefined {
  for (const indent of [0, 2]) {
    if (JSON.stringify(body, null, indent) !== text) continue;
    return messagesIn(kind, body).map(({ path, message, level }) => {
      const own = JSON.stringify(message, null, indent);
      const newlines = indent === 0 ? 0 : own.split("\n").length - 1;
      return { path, bytes: Buffer.byteLength(own, "utf8") + newlines * indent * level };
    });
  }
  return undefined;
}

/** Every segment traits object of the body, where validateJson counts keys, with its path. */
export function segmentTraits(kind: Kind, body: unknown): { path: string; keys: number }[] {
  const at = (holder: unknown, path: string) => {
    const traits = isObject(holder) && Object.hasOwn(holder, "traits") ? holder["traits"] : undefined;
    return isObject(traits) ? [{ path: `${path}/traits`, keys: Object.keys(traits).length }] : [];
  };
  if (kind === "segment") return at(body, "");
  if (kind !== "segment-batch") return [];
  return messagesIn(kind, body).flatMap(({ path, message }) => (isObject(message) && message["type"] === "group" ? at(message, path) : []));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
