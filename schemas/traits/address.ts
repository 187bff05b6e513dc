import { Type, type TOptional, type TSchema, type TString } from "@sinclair/typebox";
import { NAME_MAX } from "../limits.js";

/** One optional part of an address. */
export const addressPart = (what: string): TOptional<TString> =>
  Type.Optional(Type.String({ maxLength: NAME_MAX, description: what }));

/**
 * A street address with optional parts. The postal code is `postal_code` in the ThriveStack documents (001)
 * and `postalCode` in segment (003), so the caller names it; other keys are allowed and hold `rest`.
 */
export function address<P extends Record<string, TOptional<TString>>>(postalCode: P, rest: TSchema | undefined, description: string) {
  return Type.Object(
    {
      street: addressPart("Street and number."),
      city: addressPart("City."),
      state: addressPart("State, province or region."),
      ...postalCode,
      country: addressPart("Country."),
    },
    rest === undefined ? { description } : { description, additionalProperties: rest },
  );
}
