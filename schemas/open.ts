import { Type, type ObjectOptions, type Static, type TObject, type TProperties, type TSchema, type TUnknown, type TUnsafe } from "@sinclair/typebox";

/** The static type of an open object: its properties, and every other key holding a `Static<R>`. */
export type OpenStatic<P extends TProperties, R extends TSchema> = Static<TObject<P>> & { [key: string]: Static<R> };

/**
 * An object that allows keys beyond its properties and says so in the emitted schema: `additionalProperties:
 * true`, or `additionalProperties: rest` when the other keys hold `rest`. Left implicit, openness is lost by
 * the type generators (openapi-typescript types `{type: "object"}` as `Record<string, never>`) and by TypeBox's
 * own `Static`, which has no index signature; this one adds it.
 *
 * @example const Context = OpenObject({ ip: Type.Optional(Ip) }, { description: "Other keys are allowed." });
 */
export function OpenObject<P extends TProperties, R extends TSchema = TUnknown>(
  properties: P,
  options: ObjectOptions & { readonly rest?: R } = {},
): TUnsafe<OpenStatic<P, R>> {
  const { rest, ...objectOptions } = options;
  return Type.Unsafe<OpenStatic<P, R>>(Type.Object(properties, { ...objectOptions, additionalProperties: rest ?? true }));
}
