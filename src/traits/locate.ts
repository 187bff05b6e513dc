import type { Kind } from "../../generated/validators/index.js";
import { child } from "../json-pointer.js";

/** A traits object found in a body, with its JSON Pointer. */
export interface TraitsAt {
  readonly path: string;
  readonly traits: Readonly<Record<string, unknown>>;
}

/**
 * Every traits object in a body of the given kind, where the body's shape puts one: each group object of a
 * thrivestack array, the legacy object, the segment message, each group message of a batch. Reads only
 * plain objects; anything else is skipped (validation reports it).
 */
export function locateTraits(kind: Kind, body: unknown): TraitsAt[] {
  switch (kind) {
    case "thrivestack":
      return Array.isArray(body) ? body.flatMap((group, i) => traitsOf(group, child("", i))) : [];
    case "thrivestack-legacy":
    case "segment":
      return traitsOf(body, "");
    case "segment-batch": {
      const batch = isObject(body) ? body["batch"] : undefined;
      if (!Array.isArray(batch)) return [];
      return batch.flatMap((message, i) =>
        isObject(message) && message["type"] === "group" ? traitsOf(message, child("/batch", i)) : [],
      );
    }
  }
}

function traitsOf(holder: unknown, path: string): TraitsAt[] {
  if (!isObject(holder) || !Object.hasOwn(holder, "traits")) return [];
  const traits = holder["traits"];
  return isObject(traits) ? [{ path: child(path, "traits"), traits }] : [];
}

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
