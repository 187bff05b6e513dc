import { Type } from "@sinclair/typebox";
import { named } from "./named.js";

/**
 * The stable issue codes. A code, once published, keeps its meaning; new codes may be added.
 * The README documents each one.
 */
export const ISSUE_CODES = [
  "invalid_json",
  "required",
  "identity",
  "unknown_property",
  "type",
  "format",
  "min_length",
  "max_length",
  "pattern",
  "enum",
  "const",
  "minimum",
  "min_items",
  "max_items",
  "max_properties",
  "trait_name_too_long",
  "too_deep",
  "too_large",
  "duplicate_trait",
  "invalid",
] as const;

/** One problem found in a request body. */
export const Issue = named(
  "Issue",
  Type.Object(
    {
      // No maxLength: a pointer is as long as the keys it names, and this is a response field.
      path: Type.String({ description: "JSON Pointer (RFC 6901) into the body as received; `\"\"` is the whole body." }),
      code: Type.Union(
        ISSUE_CODES.map((code) => Type.Literal(code)),
        { description: "Stable machine-readable code." },
      ),
      message: Type.String({ maxLength: 1024, description: "What was expected, in plain words." }),
    },
    { title: "Issue", description: "One problem found in a request body.", additionalProperties: false },
  ),
);

/** The list of issues carried by an error envelope. */
export const Issues = Type.Array(Issue, { description: "The problems found, at most `maxIssues` of them." });

/**
 * Schemas, by title, whose failure is reported as one issue of its own code rather than as the issues of their
 * parts: an `anyOf` with no identity at all, a trait value one level too deep, a trait name that is too long,
 * and a string rule written as `not: { pattern }` (`patternNowhere` in primitives.ts), which is a pattern rule.
 */
export const TITLED_ISSUES = {
  SegmentIdentity: "identity",
  TraitValueDepth0: "too_deep",
  TraitNameTooLong: "trait_name_too_long",
  PatternNowhere: "pattern",
} as const satisfies Record<string, (typeof ISSUE_CODES)[number]>;
