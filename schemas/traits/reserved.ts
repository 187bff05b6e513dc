import { Type, type ObjectOptions, type Static, type TObject, type TOptional, type TSchema, type TUnknown, type TUnsafe } from "@sinclair/typebox";
import { nameOf } from "../named.js";

/** How a dialect matches trait names against its reserved traits. */
export interface Spelling {
  /** `Plan` and `PLAN` name the reserved trait `plan` (ThriveStack 004: "Trait names are case-insensitive"). */
  readonly caseInsensitive: boolean;
  /** `created_at` and `createdAt` name one reserved trait (segment). */
  readonly styleInsensitive: boolean;
}

/**
 * The static type of a traits object: its reserved traits under their canonical names, each optional, and any
 * other key holding `Static<R>`. TypeScript cannot name the other spellings (`Plan`, `created_at`): they are
 * typed by the index signature alone.
 */
type ReservedStatic<P extends Record<string, TSchema>, R extends TSchema> = Static<TObject<{ [K in keyof P]: TOptional<P[K]> }>> & {
  [key: string]: Static<R>;
};

/** Marks a traits schema with its reserved trait names and how they are spelled. */
export const Reserved: unique symbol = Symbol.for("group-spec/reserved-traits");

/** The reserved traits of a traits schema: canonical names, spelling rules, and the pattern of each name. */
export interface ReservedInfo {
  readonly spelling: Spelling;
  /** Each reserved trait's canonical name and the pattern every spelling of it matches. */
  readonly traits: readonly { readonly name: string; readonly pattern: string }[];
}

/** The reserved traits a traits schema made by {@link reservedTraits} carries. */
export function reservedOf(schema: unknown): ReservedInfo | undefined {
  return (schema as { [Reserved]?: ReservedInfo } | undefined)?.[Reserved];
}

/**
 * Builds a traits object: the reserved traits typed under their canonical names, every other spelling that
 * names them typed alike (a `patternProperties` entry per distinct schema), and `rest` applied to every key.
 * Without `rest` any other trait holds any JSON value, and the schema says so (`additionalProperties: true`).
 * Each part is a plain TypeBox object or record, so TypeBox's `Value.Check` and any JSON Schema validator
 * read the same rules; the generator merges the parts into one object schema.
 */
export function reservedTraits<P extends Record<string, TSchema>, R extends TSchema = TUnknown>(
  traits: P,
  spelling: Spelling,
  options: ObjectOptions & { readonly rest?: R; readonly extra?: readonly TSchema[] },
): TUnsafe<ReservedStatic<P, R>> {
  const { rest, extra = [], ...objectOptions } = options;
  const properties = Object.fromEntries(Object.entries(traits).map(([name, schema]) => [name, Type.Optional(schema)]));
  const open = rest === undefined ? { additionalProperties: true } : {};
  const parts: TSchema[] = [Type.Object(properties, objectOptions)];
  if (spelling.caseInsensitive || spelling.styleInsensitive) {
    for (const [schema, names] of groupBySchema(traits)) {
      parts.push(Type.Record(Type.String({ pattern: spellingsPattern(names, spelling) }), schema));
    }
  }
  parts.push(...extra);
  if (rest) parts.push(Type.Record(Type.String({ pattern: ANY_KEY }), rest));
  // The static type is the object of reserved traits: the records add no key that TypeScript could name.
  const schema =
    parts.length === 1
      ? Type.Object(properties, { ...objectOptions, ...open })
      : Type.Intersect(parts, { title: objectOptions.title, description: objectOptions.description, ...open });
  const info: ReservedInfo = {
    spelling,
    traits: Object.keys(traits).map((name) => ({ name, pattern: spellingsPattern([name], spelling) })),
  };
  const typed: TUnsafe<ReservedStatic<P, R>> = Type.Unsafe(schema);
  return Object.assign(typed, { [Reserved]: info });
}

/** A key pattern that every key matches (`.` would miss line terminators). */
export const ANY_KEY = "^[\\s\\S]*$";

/** Groups trait names by the rule their schema states, annotations aside, so that each rule costs one pattern. */
function groupBySchema(traits: Record<string, TSchema>): Map<TSchema, string[]> {
  const byRule = new Map<string, { schema: TSchema; names: string[] }>();
  for (const [name, schema] of Object.entries(traits)) {
    // A named schema stays whole, so that the generator can still refer to it by name.
    const { description: _description, title: _title, ...rule } = schema;
    const key = nameOf(schema) ?? JSON.stringify(rule);
    const group = byRule.get(key) ?? { schema: nameOf(schema) ? schema : ({ ...rule } as TSchema), names: [] };
    group.names.push(name);
    byRule.set(key, group);
  }
  return new Map([...byRule.values()].map(({ schema, names }) => [schema, names]));
}

/**
 * A regular expression source matching every spelling of `names`: ASCII letters in either case when
 * case-insensitive, an optional `_` at each word boundary when style-insensitive. Only literal characters,
 * classes and `?` appear, so matching is linear.
 *
 * It ends in `\n*$` so that ECMAScript, Python's `re` and RE2 match the same names: Python's `$` also matches
 * before a final line feed (`"plan\n"` would name `plan` there and not here), and no engine-neutral end
 * anchor exists; with `\n*` every engine reads a name followed by line feeds as that name.
 */
export function spellingsPattern(names: readonly string[], spelling: Spelling): string {
  const alternatives = names.map((name) => spellingPattern(name, spelling));
  return `^(?:${alternatives.join("|")})\\n*$`;
}

function spellingPattern(name: string, spelling: Spelling): string {
  const words = spelling.styleInsensitive ? splitWords(name) : [name];
  const sep = spelling.styleInsensitive ? "_?" : "";
  return words.map((word) => [...word].map((c) => letter(c, spelling.caseInsensitive)).join("")).join(sep);
}

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .split("_")
    .filter((word) => word.length > 0);
}

function letter(c: string, caseInsensitive: boolean): string {
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  if (caseInsensitive && lower !== upper && /^[a-z]$/.test(lower)) return `[${upper}${lower}]`;
  return /^[A-Za-z0-9_]$/.test(c) ? c : `\\${c}`;
}
