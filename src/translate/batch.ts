import { child } from "../json-pointer.js";
import { isObject } from "../traits/locate.js";
import { messageToGroup, type Envelope } from "./segment-to-thrivestack.js";
import { groupToMessage } from "./thrivestack-to-segment.js";
import type { Trace } from "./trace.js";

/**
 * A valid thrivestack body as a segment batch: each group object becomes a group message, in order
 * (`groupToMessage`). The envelope holds `batch` only.
 */
export function groupsToBatch(groups: readonly Readonly<Record<string, unknown>>[], trace: Trace): { batch: Record<string, unknown>[] } {
  trace.link("", "");
  trace.link("/batch", "");
  return { batch: groups.map((group, i) => groupToMessage(group, child("", i), child("/batch", i), trace)) };
}

/**
 * A valid segment batch as a thrivestack body: each message becomes a group object, in order
 * (`messageToGroup`). Every message must be a group message. The envelope's `context` and `integrations`
 * apply to every message (the message's own keys win); `sentAt`, `writeKey` and other envelope keys describe
 * the request, not a group, and are not carried (a write key is a credential).
 */
export function batchToGroups(body: Readonly<Record<string, unknown>>, trace: Trace): Record<string, unknown>[] {
  const batch = body["batch"] as readonly unknown[];
  const envelope: Envelope = {
    ...(isObject(body["context"]) ? { context: body["context"] } : {}),
    ...(isObject(body["integrations"]) ? { integrations: body["integrations"] } : {}),
  };
  trace.link("", "/batch");
  const groups: Record<string, unknown>[] = [];
  batch.forEach((message, i) => {
    const at = child("/batch", i);
    if (!isObject(message) || message["type"] !== "group") {
      const type = isObject(message) && typeof message["type"] === "string" ? message["type"] : "?";
      trace.notCovered(at, `Message ${i} is a ${JSON.stringify(type)} message; thrivestack holds group messages only.`);
      return;
    }
    groups.push(messageToGroup(message, at, child("", groups.length), trace, envelope));
  });
  return groups;
}
