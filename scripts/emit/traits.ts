import type { Dialect } from "../../schemas/dialect.js";
import { nameOf } from "../../schemas/named.js";
import { reservedOf, type ReservedInfo } from "../../schemas/traits/reserved.js";
import type { SpelledName } from "./compiler/module-scope.js";
import { bannerComment } from "./banner.js";

/**
 * `reserved-traits.ts`: per body kind, the reserved trait names of its dialect, their spelling rules and the
 * pattern every spelling of each matches — the same patterns the schemas type them by — for the runtime's
 * duplicate check, normalization and translation.
 */
export function emitReservedTraits(dialects: readonly Dialect[]): Map<string, string> {
  const byKind: Record<string, ReservedInfo> = {};
  for (const dialect of dialects) {
    const info = reservedOf(dialect.traits);
    if (info === undefined) throw new Error(`The traits schema of ${dialect.name} was not made by reservedTraits().`);
    for (const operation of dialect.operations) byKind[operation.kind] = info;
  }
  const code = `${bannerComment}import type { Kind } from "./validators/index.js";

/** How a dialect matches trait names against its reserved traits. */
export interface ReservedTraits {
  readonly spelling: { readonly caseInsensitive: boolean; readonly styleInsensitive: boolean };
  /** Each reserved trait's canonical name, and the pattern every spelling of it matches. */
  readonly traits: readonly { readonly name: string; readonly pattern: string }[];
}

/** The reserved traits of each body kind's dialect. */
export const RESERVED_TRAITS: Readonly<Record<Kind, ReservedTraits>> = ${JSON.stringify(byKind, null, 2)};
`;
  return new Map([["reserved-traits.ts", code]]);
}

/**
 * For the validator compiler: each dialect's traits schema (by its `$defs` name) whose reserved traits may be
 * spelled more than one way, with each trait's spellings pattern, so that the generated code refuses two keys
 * of one traits object that name one reserved trait (`duplicate_trait`) in the walk that already classifies
 * every key.
 */
export function spelledTraits(dialects: readonly Dialect[]): Record<string, readonly SpelledName[]> {
  const out: Record<string, readonly SpelledName[]> = {};
  for (const dialect of dialects) {
    const info = reservedOf(dialect.traits);
    const name = nameOf(dialect.traits);
    if (info === undefined || name === undefined) throw new Error(`The traits schema of ${dialect.name} must be named and made by reservedTraits().`);
    if (info.spelling.caseInsensitive || info.spelling.styleInsensitive) out[name] = info.traits;
  }
  return out;
}
