import type { SegmentBatchGroup } from "../../generated/types/index.js";
import type { Bodies, Kind } from "../validate.js";

/** One group call inside an accepted body, in the same terms for every dialect. */
export interface GroupEvent {
  /** Where the call is in the body: its index in a thrivestack array or a batch, 0 for a single object. */
  readonly index: number;
  readonly groupId: string;
  readonly userId?: string;
  readonly anonymousId?: string;
  readonly traits?: Readonly<Record<string, unknown>>;
}

/**
 * The group calls of a validated body: every thrivestack group object, the legacy or segment body itself,
 * and the `"type": "group"` messages of a batch (other batch messages are accepted and not stored).
 */
export function groupEvents<K extends Kind>(kind: K, body: Bodies[K]): GroupEvent[] {
  switch (kind) {
    case "thrivestack":
      return (body as Bodies["thrivestack"]).map((group, index) => ({
        index,
        groupId: group.group_id,
        userId: group.user_id,
        traits: group.traits,
      }));
    case "thrivestack-legacy": {
      const legacy = body as Bodies["thrivestack-legacy"];
      return [{ index: 0, groupId: legacy.group_id, userId: legacy.user_id, traits: legacy.traits as Record<string, unknown> }];
    }
    case "segment":
      return [fromSegment(body as Bodies["segment"], 0)];
    default: {
      const events: GroupEvent[] = [];
      // The schema validated every message whose type is "group" as a group message, so the cast holds.
      (body as Bodies["segment-batch"]).batch.forEach((message, index) => {
        if (message.type === "group") events.push(fromSegment(message as SegmentBatchGroup, index));
      });
      return events;
    }
  }
}

function fromSegment(message: Bodies["segment"] | SegmentBatchGroup, index: number): GroupEvent {
  return {
    index,
    groupId: message.groupId,
    ...(message.userId === undefined ? {} : { userId: message.userId }),
    ...(message.anonymousId === undefined ? {} : { anonymousId: message.anonymousId }),
    ...(message.traits === undefined ? {} : { traits: message.traits }),
  };
}
