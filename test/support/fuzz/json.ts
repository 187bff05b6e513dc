import fc from "fast-check";
import { anyKey, anyString } from "./strings.js";

/** A JSON value, as `JSON.parse` returns it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Numbers at the edges of JSON and of the schemas: zero of both signs, limits, fractions, huge and tiny. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: -5, max: 300 }), weight: 4 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 2 },
  { arbitrary: fc.integer(), weight: 1 },
  {
    arbitrary: fc.constantFrom(-0, 0.5, -1, 1e21, 1.7976931348623157e308, 5e-324, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e-7, 255, 256, 1000, 2500),
    weight: 1,
  },
);

/** An object with these entries as own properties, even `__proto__` (`Object.fromEntries` defines, never sets). */
export function objectOf(entries: readonly (readonly [string, Json])[]): { [key: string]: Json } {
  return Object.fromEntries(entries) as { [key: string]: Json };
}

/** Any JSON value up to `maxDepth` levels of arrays and objects, with edge strings, numbers and keys. */
export function jsonValue(maxDepth = 4): fc.Arbitrary<Json> {
  const { value } = fc.letrec<{ value: Json }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", maxDepth, withCrossShrink: true },
      fc.constant(null),
      fc.boolean(),
      anyNumber,
      anyString,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.array(fc.tuple(anyKey, tie("value")), { maxLength: 4 }).map(objectOf),
    ),
  }));
  return value;
}

/** fast-check's own JSON values too, for a second opinion on what "any JSON" means. */
export const fastCheckJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.parse(JSON.stringify(value)) as Json);
