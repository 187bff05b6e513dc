import { Type, type TSchema } from "@sinclair/typebox";
import { TRAIT_DEPTH_MAX, TRAIT_STRING_MAX } from "../limits.js";
import { named } from "../named.js";

/**
 * A custom trait value nested at most `depth` levels: a scalar is depth 0, an object or array adds one level
 * to the deepest value it holds. So `{"a": {"b": {"c": 1}}}` as a trait value has depth 3 (003's limit) and
 * `{"a": {"b": {"c": {"d": 1}}}}` has depth 4.
 */
export function traitValue(depth: number): TSchema {
  const cached = byDepth.get(depth);
  if (cached) return cached;
  const schema = build(depth);
  byDepth.set(depth, schema);
  return schema;
}

const byDepth = new Map<number, TSchema>();

function build(depth: number): TSchema {
  const scalars = [Type.String({ maxLength: TRAIT_STRING_MAX }), Type.Number(), Type.Boolean(), Type.Null()];
  const name = `TraitValueDepth${depth}`;
  if (depth === 0) {
    return named(name, Type.Union(scalars, { title: name, description: "A string, number, boolean or null." }));
  }
  const inner = traitValue(depth - 1);
  return named(
    name,
    Type.Union([...scalars, Type.Array(inner), Type.Object({}, { additionalProperties: inner })], {
      title: name,
      description: `A JSON value nested at most ${depth} level${depth === 1 ? "" : "s"} deep.`,
    }),
  );
}

/** A segment custom trait value: nested at most {@link TRAIT_DEPTH_MAX} levels. */
export const SegmentTraitValue = traitValue(TRAIT_DEPTH_MAX);
