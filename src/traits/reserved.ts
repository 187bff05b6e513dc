import { RESERVED_TRAITS, type ReservedTraits } from "../../generated/reserved-traits.js";
import type { Kind } from "../../generated/validators/index.js";

interface Matcher {
  readonly exact: ReadonlySet<string>;
  /** Folded spelling (lower case, and without `_` where style does not count) → canonical name and its pattern. */
  readonly folded: ReadonlyMap<string, { readonly name: string; readonly regex: RegExp }>;
  readonly fold: (key: string) => string;
  /** Keys already matched (at most 64 characters each, at most {@link CACHE_MAX} of them). */
  readonly cache: Map<string, string>;
}

function matcher({ spelling, traits }: ReservedTraits): Matcher {
  const fold = (key: string) => {
    // The patterns end in `\n*$` (portable to Python's `$`, schemas/traits/reserved.ts): trailing line feeds
    // still name the trait.
    let end = key.length;
    while (end > 0 && key.charCodeAt(end - 1) === 10) end--;
    const trimmed = key.slice(0, end);
    const cased = spelling.caseInsensitive ? trimmed.toLowerCase() : trimmed;
    return spelling.styleInsensitive ? cased.replaceAll("_", "") : cased;
  };
  return {
    exact: new Set(traits.map(({ name }) => name)),
    folded: new Map(traits.map(({ name, pattern }) => [fold(name), { name, regex: new RegExp(pattern, "u") }])),
    fold,
    cache: new Map(),
  };
}

const MATCHERS = /* @__PURE__ */ new Map(Object.entries(RESERVED_TRAITS).map(([kind, info]) => [kind, matcher(info)]));

/**
 * The canonical name of the reserved trait that `key` spells in this kind's dialect (`Plan` → `plan` in
 * thrivestack, `created_at` → `createdAt` in segment), or `undefined` for a custom trait. The answer is the
 * schemas' own: a key is reserved exactly when it matches the pattern the schema types that trait by.
 */
export function reservedName(kind: Kind, key: string): string | undefined {
  const m = MATCHERS.get(kind)!;
  if (m.exact.has(key)) return key;
  // Reserved names are short; a long key cannot spell one and is never folded or matched.
  if (key.length > 64) return undefined;
  // Trait names repeat from body to body: remember the answer, in a memory that starts over when full.
  const known = m.cache.get(key);
  if (known !== undefined) return known === NONE ? undefined : known;
  const candidate = m.folded.get(m.fold(key));
  const name = candidate !== undefined && candidate.regex.test(key) ? candidate.name : undefined;
  if (m.cache.size >= CACHE_MAX) m.cache.clear();
  m.cache.set(key, name ?? NONE);
  return name;
}

/** The most keys one kind's matcher remembers. */
const CACHE_MAX = 4096;
/** Remembered for a key that names no reserved trait. */
const NONE = "";

/** The canonical names of the reserved traits of this kind's dialect. */
export function reservedNames(kind: Kind): readonly string[] {
  return RESERVED_TRAITS[kind].traits.map(({ name }) => name);
}

/** Whether two keys can spell one reserved trait in this kind's dialect (not when names are exact). */
export function hasSpellings(kind: Kind): boolean {
  const { caseInsensitive, styleInsensitive } = RESERVED_TRAITS[kind].spelling;
  return caseInsensitive || styleInsensitive;
}
