import { Type, type TSchema } from "@sinclair/typebox";
import { NAME_MAX } from "../limits.js";

/**
 * A street address with optional parts. `postalCodeKey` is `postal_code` in the ThriveStack documents (001)
 * and `postalCode` in segment (003); other keys are allowed and hold `rest`.
 */
export function address(postalCodeKey: "postal_code" | "postalCode", rest: TSchema | undefined, description: string) {
  const part = (what: string) => Type.Optional(Type.String({ maxLength: NAME_MAX, description: what }));
  return Type.Object(
    {
      street: part("Street and number."),
      city: part("City."),
      state: part("State, province or region."),
      [postalCodeKey]: part("Postal code."),
      country: part("Country."),
    },
    rest === undefined ? { description } : { description, additionalProperties: rest },
  );
}
