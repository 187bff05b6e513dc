import fc from "fast-check";

/** The fixed seed of the CI runs: every CI run tries the same bodies, so a failure reproduces anywhere. */
export const CI_SEED = 20_240_115;

/** Cases per kind and property in `npm test` (issue 10: a fast suite); `npm run fuzz` runs the large numbers. */
export const CI_RUNS = 1_000;

/** Cases of `npm run fuzz` in all, split evenly over the kinds and properties. */
export const FUZZ_RUNS = 1_000_000;

/**
 * `maxIssues` as callers pass it: absent, small, zero, negative, fractional, huge. `NaN` is left to its own
 * test (test/hardening/validate-properties.test.ts), where it is a reported bug.
 */
export const maxIssues: fc.Arbitrary<number | undefined> = fc.option(
  fc.oneof(fc.integer({ min: -2, max: 25 }), fc.constantFrom(0.5, 1.9, 2.5, 1e9, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)),
  { nil: undefined, freq: 2 },
);
