/**
 * Bodies as received, from about 200 B to about 500 KB, for `validateJson()`: each kind grown to a set of sizes
 * within its limits (a single message, segment or legacy, stops at the 32 KB message limit; the thrivestack
 * list and the segment batch go up to the 500 KB body limit). Deterministic, like the payloads.
 */

import type { Kind } from "../generated/validators/index.js";
import { batchBody, legacyBody, random, segmentMessage, thrivestackGroup, type Json, type Obj } from "./payloads.js";

/** One body as text, with its size in bytes. */
export interface JsonBody {
  readonly kind: Kind;
  readonly bytes: number;
  readonly text: string;
}

/** The sizes, in bytes, each kind is grown to. */
export const JSON_SIZES: Record<Kind, readonly number[]> = {
  thrivestack: [200, 4_000, 40_000, 490_000],
  "thrivestack-legacy": [200, 4_000, 30_000],
  segment: [200, 4_000, 30_000],
  "segment-batch": [200, 4_000, 40_000, 490_000],
};

const size = (body: Json) => Buffer.byteLength(JSON.stringify(body));

/** Adds string traits to `traits` until `body` is about `target` bytes (or the trait count reaches `max`). */
function padTraits(body: Obj, traits: Obj, target: number, max: number): Obj {
  for (let i = 0; size(body) < target - 20 && Object.keys(traits).length < max; i++) {
    const room = target - size(body) - `"note_${i}":"",`.length;
    traits[`note_${i}`] = "lorem ipsum dolor sit amet ".repeat(5).slice(0, Math.max(1, Math.min(120, room)));
  }
  return body;
}

/** Appends items made by `next` to `list` while `body` stays within `target` bytes (at least one item). */
function fill(body: Json, list: Json[], target: number, next: () => Json): Json {
  for (;;) {
    const item = next();
    list.push(item);
    if (list.length > 1 && size(body) > target) {
      list.pop();
      return body;
    }
  }
}

function grown(kind: Kind, target: number): Json {
  const rnd = random(target + kind.length);
  switch (kind) {
    case "thrivestack": {
      const list: Json[] = [];
      if (target < 400) return [{ group_id: "g-1", user_id: "u-1", traits: { plan: "pro", account_name: "Acme Corporation", website: "https://acme.com", employees: 250 }, timestamp: "2024-01-15T10:30:00Z" }];
      return fill(list, list, target, () => thrivestackGroup(rnd, 8));
    }
    case "thrivestack-legacy": {
      const body: Obj = target < 400 ? { user_id: "user123", group_id: "account123", traits: { plan: "free plan" }, timestamp: "2020-11-23T22:28:55.111Z" } : legacyBody(rnd, 2);
      return padTraits(body, body["traits"] as Obj, target, 250);
    }
    case "segment": {
      const body: Obj = target < 400 ? { type: "group", userId: "user_12345", groupId: "company_1", traits: { name: "Acme" }, timestamp: "2025-01-15T14:30:00.000Z" } : segmentMessage(rnd, 2, "optional");
      return padTraits(body, body["traits"] as Obj, target, 250);
    }
    case "segment-batch": {
      if (target < 400) return { batch: [{ type: "group", userId: "user_1", groupId: "company_1", traits: { name: "Acme", plan: "pro" }, timestamp: "2025-01-15T14:30:00.000Z", messageId: "m-1" }], sentAt: "2025-01-15T14:30:01.000Z" };
      const body = batchBody(rnd, 1, 4);
      return fill(body, body["batch"] as Json[], target, () => segmentMessage(rnd, 4, "required"));
    }
  }
}

/** The bodies of a kind, smallest first. */
export function jsonBodies(kind: Kind): JsonBody[] {
  return JSON_SIZES[kind].map((target) => {
    const text = JSON.stringify(grown(kind, target));
    return { kind, bytes: Buffer.byteLength(text), text };
  });
}
