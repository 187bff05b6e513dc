import fc from "fast-check";
import type { Kind } from "../../../src/index.js";
import { fastCheckJson, jsonValue, type Json } from "./json.js";
import { applyMutations, mutation } from "./mutate.js";
import { schemaBody } from "./schema-arbitrary.js";

/** Where a generated body came from, so that a run can report its mix. */
export type Origin = "json" | "valid" | "mutated" | "at-limit";

/** A generated body and its origin. */
export interface Generated {
  readonly origin: Origin;
  readonly body: Json;
}

/**
 * The bodies of one kind the properties run on: arbitrary JSON values (ours, with edge strings and special
 * keys, and fast-check's), bodies read off the kind's schema, those bodies after one to three mutations, and
 * in one case in a hundred a body at a count limit or one past it (mutations rarely reach 2,501 messages
 * under their size budget).
 */
export function bodies(kind: Kind): fc.Arbitrary<Generated> {
  const valid = schemaBody(kind);
  return fc.oneof(
    { arbitrary: fc.oneof(jsonValue(4), fastCheckJson).map((body) => ({ origin: "json" as const, body })), weight: 20 },
    { arbitrary: valid.map((body) => ({ origin: "valid" as const, body })), weight: 20 },
    {
      arbitrary: fc
        .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([body, mutations]) => ({ origin: "mutated" as const, body: applyMutations(body, mutations) })),
      weight: 60,
    },
    { arbitrary: atLimit(kind).map((body) => ({ origin: "at-limit" as const, body })), weight: 1 },
  );
}

const many = (count: number, item: Json): Json[] => Array.from({ length: count }, () => item);
const keys = (count: number): Json => Object.fromEntries(Array.from({ length: count }, (_, i) => [`t${i}`, i]));

/** Bodies of small items at each count limit of the kind and one past it: groups, messages, traits, list items. */
function atLimit(kind: Kind): fc.Arbitrary<Json> {
  const over = fc.boolean();
  const group = { group_id: "g", user_id: "u" };
  switch (kind) {
    case "thrivestack":
      return fc.tuple(over, fc.boolean()).map(([past, list]) =>
        list ? [{ ...group, traits: { enrichment_tags: many(past ? 101 : 100, "t") } }] : many(past ? 1001 : 1000, group),
      );
    case "thrivestack-legacy":
      return over.map((past) => ({ ...group, timestamp: "2024-01-15T10:30:00Z", traits: { enrichment_tags: many(past ? 101 : 100, "t") } }));
    case "segment":
      return over.map((past) => ({ userId: "u", groupId: "g", traits: keys(past ? 256 : 255) }));
    case "segment-batch":
      return fc.tuple(over, fc.boolean()).map(([past, traits]) =>
        traits
          ? { batch: [{ type: "group", userId: "u", groupId: "g", traits: keys(past ? 256 : 255) }] }
          : { batch: many(past ? 2501 : 2500, { type: "track", userId: "u" }) },
      );
  }
}
