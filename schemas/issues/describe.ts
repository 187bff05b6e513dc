/** The unescaped reference tokens of a JSON Pointer (RFC 6901). */
function tokens(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

// How issue messages describe values. Bundled into the generated validators (scripts/emit/validators.ts),
// which build every issue message themselves.

/** How the issue messages name the value at a path: its key, or the whole body. */
export function label(path: string): string {
  const last = tokens(path).at(-1);
  if (last === undefined) return "The body";
  return /^\d+$/.test(last) ? `Item ${last} of \`${short(tokens(path).at(-2) ?? "the body")}\`` : `\`${short(last)}\``;
}

/** A key as messages name it: whole when short, else its first 40 code points and an ellipsis. */
export function short(key: string): string {
  if (key.length <= QUOTE_MAX) return key;
  const points = [...key.slice(0, QUOTE_MAX * 2)];
  if (points.length <= QUOTE_MAX && key.length <= QUOTE_MAX * 2) return key;
  return `${points.slice(0, QUOTE_MAX).join("")}…`;
}

/** The JSON type name of a value, as messages say it. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return isPlain(value) ? "an object" : "an object that is not plain data";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `${value}, which JSON cannot hold`;
    return Number.isInteger(value) ? "an integer" : "a number";
  }
  if (typeof value === "boolean") return "a boolean";
  return typeof value;
}

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// Values are quoted only when short, and never where the key may hold a credential.
const SECRET = /key|token|secret|password|authorization/i;
const QUOTE_MAX = 40;

/** `; got "value"` for a short, non-secret string or a number; nothing otherwise. */
export function got(path: string, value: unknown): string {
  const key = tokens(path).at(-1) ?? "";
  if (SECRET.test(key)) return "";
  if (typeof value === "number" || typeof value === "boolean") return `; got ${String(value)}`;
  if (typeof value === "string" && [...value].length <= QUOTE_MAX) return `; got ${JSON.stringify(value)}`;
  return "";
}

const FORMAT_NAMES: Record<string, string> = {
  "date-time": "an RFC 3339 date-time with a time zone, such as 2024-01-15T10:30:00Z",
  email: "an e-mail address",
  hostname: "a host name, such as acme.com",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
  uri: "an absolute URI, such as https://acme.com",
};

/** A format, as messages say it. */
export function formatName(format: string): string {
  return FORMAT_NAMES[format] ?? `a valid ${format}`;
}

/** `a, b or c`. */
export function oneOf(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

const ARTICLE: Record<string, string> = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "a boolean",
  null: "null",
  object: "an object",
  array: "an array",
};

/** A JSON Schema type, as messages say it. */
export function typeWord(type: string): string {
  return ARTICLE[type] ?? type;
}
