import type { Kind } from "../../generated/validators/index.js";
import { child } from "../json-pointer.js";
import { copyJson, setOwn } from "../normalize.js";
import { reservedName } from "../traits/reserved.js";
import { quote, type Trace } from "./trace.js";

/** How the traits of one kind become the traits of another. */
export interface TraitMapping {
  readonly from: Kind;
  readonly to: Kind;
  /** Reserved traits that change name (source canonical name → target name); every other key keeps its name. */
  readonly renames: Readonly<Record<string, string>>;
  /** Changes a value whose type differs between the dialects (legacy `employees: "100"`). */
  readonly convert?: (key: string, value: unknown, input: string, trace: Trace) => unknown;
}

/**
 * Segment → thrivestack: `name` → `account_name`, `createdAt` → `created_at`. Every other trait keeps its
 * key: `website`, `avatar`, `employees`, `industry`, `plan`, `phone`, `description` are reserved in both;
 * `id`, `email`, `revenue`, `updatedAt`, `address` and custom traits become thrivestack custom traits.
 */
export const SEGMENT_TO_THRIVESTACK: TraitMapping = {
  from: "segment",
  to: "thrivestack",
  renames: { name: "account_name", createdAt: "created_at" },
};

/**
 * Thrivestack → segment, the inverse: `account_name` → `name`, `created_at` → `createdAt`; `account_domain`,
 * `group_type` and `enrichment_*` become segment custom traits, and the custom traits `id`, `email`,
 * `revenue`, `updatedAt`, `address` become the segment reserved traits of those names.
 */
export const THRIVESTACK_TO_SEGMENT: TraitMapping = {
  from: "thrivestack",
  to: "segment",
  renames: { account_name: "name", created_at: "createdAt" },
};

/**
 * Legacy → thrivestack: every key is kept; `employees` written as a string of digits (001/002) becomes the
 * number 004 types it as. `address` and `email` become thrivestack custom traits.
 */
export const LEGACY_TO_THRIVESTACK: TraitMapping = {
  from: "thrivestack-legacy",
  to: "thrivestack",
  renames: {},
  convert: (key, value, input, trace) => {
    if (key !== "employees" || typeof value !== "string") return value;
    const count = Number(value);
    // Up to 18 digits are valid legacy; a number holds 15 exactly, and translation must not change the count.
    if (!Number.isSafeInteger(count)) {
      trace.notCovered(input, `\`employees\` "${value}" has more digits than a number holds exactly.`);
    }
    return count;
  },
};

/**
 * The traits of the target body: each source key folded to its canonical spelling, renamed or kept, and its
 * value copied. A kept key is covered when the target reads it as a custom trait, or as the reserved trait of
 * exactly that name unless a rename fills that trait: otherwise the target would read it as a different
 * trait (segment `account_name` would become a second `account_name`; thrivestack `Email` would become
 * segment `email`), and the way back could not restore it. Those keys are reported on `trace`.
 */
export function mapTraits(
  mapping: TraitMapping,
  traits: Readonly<Record<string, unknown>>,
  input: string,
  output: string,
  trace: Trace,
): Record<string, unknown> {
  const renamed = new Map(Object.entries(mapping.renames).map(([source, target]) => [target, source]));
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(traits)) {
    const name = reservedName(mapping.from, key) ?? key;
    const rename = Object.hasOwn(mapping.renames, name) ? mapping.renames[name] : undefined;
    const target = rename ?? name;
    const at = child(input, key);
    if (rename === undefined) {
      const read = reservedName(mapping.to, target);
      if (read !== undefined && (read !== target || renamed.has(read))) {
        trace.notCovered(at, notCoveredMessage(mapping, key, read, renamed.get(read)));
        continue;
      }
    }
    const value = copyJson(traits[key]);
    setOwn(result, target, mapping.convert ? mapping.convert(target, value, at, trace) : value);
    trace.link(child(output, target), at);
  }
  return result;
}

function notCoveredMessage(mapping: TraitMapping, key: string, read: string, source: string | undefined): string {
  const filledFrom = source === undefined ? "" : `, which this translation fills from the ${mapping.from} trait ${quote(source)} only`;
  return (
    `The ${mapping.from} trait ${quote(key)} would be read by ${mapping.to} as its reserved trait ` +
    `${quote(read)}${filledFrom}; rename the trait.`
  );
}
