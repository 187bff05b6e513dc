import { Type, type TSchema, type TUnsafe } from "@sinclair/typebox";
import { TRAIT_DEPTH_MAX, TRAIT_STRING_MAX } from "../limits.js";
import { named } from "../named.js";
import { OpenObject } from "../open.js";

/** A trait scalar. */
export type TraitScalar = string | number | boolean | null;

/** `Less[D]` is `D - 1`, for depths up to 10. */
export type Less = [never, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * The static type of a trait value nested at most `D` levels (0 to 10): TypeScript states the depth limit
 * itself, so that a value one level too deep is a type error and not `unknown`.
 */
export type TraitValue<D extends number> = D extends 0
  ? TraitScalar
  : TraitScalar | TraitValue<Less[D]>[] | { [key: string]: TraitValue<Less[D]> };

/**
 * A custom trait value nested at most `depth` levels: a scalar is depth 0, an object or array adds one level
 * to the deepest value it holds. So `{"a": {"b": {"c": 1}}}` as a trait value has depth 3 (003's limit) and
 * `{"a": {"b": {"c": {"d": 1}}}}` has depth 4.
 */
export function traitValue<D extends number>(depth: D): TUnsafe<TraitValue<D>> {
  const cached = byDepth.get(depth);
  if (cached) return cached as TUnsafe<TraitValue<D>>;
  const schema = Type.Unsafe<TraitValue<D>>(build(depth));
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
    Type.Union([...scalars, Type.Array(inner), OpenObject({}, { rest: inner })], {
      title: name,
      description: `A JSON value nested at most ${depth} level${depth === 1 ? "" : "s"} deep.`,
    }),
  );
}

/** A segment custom trait value: nested at most {@link TRAIT_DEPTH_MAX} levels. */
export const SegmentTraitValue = traitValue(TRAIT_DEPTH_MAX);

/** A value inside a segment trait object (the address's other keys): one level less. */
export const SegmentInnerTraitValue = traitValue((TRAIT_DEPTH_MAX - 1) as Less[typeof TRAIT_DEPTH_MAX]);
