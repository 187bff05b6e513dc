import { RESERVED_TRAITS } from "../../generated/reserved-traits.js";
import type { Kind } from "../../src/index.js";

// The one rule of the package that JSON Schema cannot state, `duplicate_trait`, computed for the tests from
// the reserved-trait patterns alone, without the generated code that enforces it: every reference validator
// (Ajv, hyperjump, TypeBox) is held to the package's verdict together with this.

const PATTERNS: Readonly<Record<Kind, readonly { readonly name: string; readonly regex: RegExp }[]>> = Object.fromEntries(
  Object.entries(RESERVED_TRAITS).map(([kind, { traits }]) => [
    kind,
    traits.map(({ name, pattern }) => ({ name, regex: new RegExp(pattern, "u") })),
  ]),
) as Record<Kind, { name: string; regex: RegExp }[]>;

/**
 * Whether some traits object of the body has two keys that both match one reserved trait's pattern: the
 * `duplicate_trait` rule, stated from the patterns alone. Only the places a valid body of the kind has a
 * traits object are looked at, as the rule only decides the verdict of bodies the schema accepts.
 */
export function hasDuplicateSpellings(kind: Kind, body: unknown): boolean {
  const patterns = PATTERNS[kind];
  for (const traits of traitObjects(kind, body)) {
    const seen = new Set<string>();
    for (const key of Object.keys(traits)) {
      for (const { name, regex } of patterns) {
        if (!regex.test(key)) continue;
        if (seen.has(name)) return true;
        seen.add(name);
      }
    }
  }
  return false;
}

function traitObjects(kind: Kind, body: unknown): object[] {
  const traitsOf = (holder: unknown): object[] => {
    const traits = isPlainObject(holder) && Object.hasOwn(holder, "traits") ? (holder as Record<string, unknown>)["traits"] : undefined;
    return isPlainObject(traits) ? [traits] : [];
  };
  switch (kind) {
    case "thrivestack":
      return Array.isArray(body) ? body.flatMap(traitsOf) : [];
    case "thrivestack-legacy":
    case "segment":
      return traitsOf(body);
    case "segment-batch": {
      const batch = isPlainObject(body) ? (body as Record<string, unknown>)["batch"] : undefined;
      return Array.isArray(batch) ? batch.filter((m) => isPlainObject(m) && (m as Record<string, unknown>)["type"] === "group").flatMap(traitsOf) : [];
    }
  }
}

function isPlainObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

