import { Type, type TOptional, type TSchema, type TString, type TUnknown } from "@sinclair/typebox";
import { NAME_MAX } from "../limits.js";
import { OpenObject } from "../open.js";

/** One optional part of an address. */
export const addressPart = (what: string): TOptional<TString> =>
  Type.Optional(Type.String({ maxLength: NAME_MAX, description: what }));

/**
 * A street address with optional parts. The postal code is `postal_code` in the ThriveStack documents (001)
 * and `postalCode` in segment (003), so the caller names it; other keys are allowed and hold `rest` (any JSON
 * value when `rest` is not given).
 */
export function address<P extends Record<string, TOptional<TString>>, R extends TSchema = TUnknown>(postalCode: P, rest: R | undefined, description: string) {
  return OpenObject(
    {
      street: addressPart("Street and number."),
      city: addressPart("City."),
      state: addressPart("State, province or region."),
      ...postalCode,
      country: addressPart("Country."),
    },
    rest === undefined ? { description } : { description, rest },
  );
}
