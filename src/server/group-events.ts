import { DIALECTS } from "../../generated/dialects.js";
import { eachMessage, isGroupCall } from "../traits/locate.js";
import type { Bodies, Kind } from "../validate.js";

/** One group call inside an accepted body, in the same terms for every dialect. */
export interface GroupEvent {
  /** Where the call is in the body: its index in an array of messages or a batch, 0 for a single object. */
  readonly index: number;
  readonly groupId: string;
  readonly userId?: string;
  readonly anonymousId?: string;
  /** The message's `messageId`, where the dialect has one: a repeat of it is a retry, stored once. */
  readonly messageId?: string;
  readonly traits?: Readonly<Record<string, unknown>>;
}

/**
 * The group calls of a validated body, read through its dialect's shape (generated/dialects.ts): every message,
 * or those the dialect marks as group calls (a batch's `"type": "group"` messages; its other messages are
 * accepted and not stored). The schema has validated each field read here.
 */
export function groupEvents<K extends Kind>(kind: K, body: Bodies[K]): GroupEvent[] {
  const { fields } = DIALECTS[kind].shape;
  const events: GroupEvent[] = [];
  eachMessage(kind, body, (message, index) => {
    if (!isGroupCall(kind, message)) return;
    const text = (name: string | undefined) => (name !== undefined && typeof message[name] === "string" ? (message[name] as string) : undefined);
    const userId = text(fields.userId);
    const anonymousId = text(fields.anonymousId);
    const messageId = text(fields.messageId);
    const traits = message[fields.traits];
    events.push({
      index: index ?? 0,
      groupId: text(fields.groupId) ?? "",
      ...(userId === undefined ? {} : { userId }),
      ...(anonymousId === undefined ? {} : { anonymousId }),
      ...(messageId === undefined ? {} : { messageId }),
      ...(typeof traits === "object" && traits !== null ? { traits: traits as Record<string, unknown> } : {}),
    });
  });
  return events;
}
