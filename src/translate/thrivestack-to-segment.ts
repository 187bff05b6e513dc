import { child } from "../json-pointer.js";
import { copyJson, setOwn } from "../normalize.js";
import { isObject } from "../traits/locate.js";
import { MOVED_CONTEXT_KEYS, SEGMENT_MESSAGE_KEYS } from "./segment-fields.js";
import { quote, type Trace } from "./trace.js";
import { mapTraits, THRIVESTACK_TO_SEGMENT } from "./trait-map.js";

type Group = Readonly<Record<string, unknown>>;

/**
 * One valid thrivestack group object (at pointer `input`) as one segment group message (at `output`), the
 * inverse of `messageToGroup`: `type: "group"`; `user_id` → `userId`; `context.anonymous_id` →
 * `anonymousId`; `group_id` → `groupId`; traits by {@link THRIVESTACK_TO_SEGMENT}; the rest of the context
 * carried unchanged; `timestamp` kept; `context.message_id` → `messageId`; `context.integrations` →
 * `integrations`; the keys of `context.segment` → top-level keys.
 */
export function groupToMessage(group: Group, input: string, output: string, trace: Trace): Record<string, unknown> {
  const message: Record<string, unknown> = { type: "group" };
  trace.link(output, input);
  const context = isObject(group["context"]) ? group["context"] : undefined;
  const contextPath = child(input, "context");
  const field = (target: string, holder: Group | undefined, source: string, at: string) => {
    if (holder === undefined || !Object.hasOwn(holder, source)) return;
    setOwn(message, target, copyJson(holder[source]));
    trace.link(child(output, target), child(at, source));
  };
  field("userId", group, "user_id", input);
  field("anonymousId", context, "anonymous_id", contextPath);
  field("groupId", group, "group_id", input);
  const traits = group["traits"];
  if (isObject(traits)) {
    setOwn(message, "traits", mapTraits(THRIVESTACK_TO_SEGMENT, traits, child(input, "traits"), child(output, "traits"), trace));
    trace.link(child(output, "traits"), child(input, "traits"));
  }
  if (context !== undefined) {
    const rest = Object.keys(context).filter((key) => !Object.hasOwn(MOVED_CONTEXT_KEYS, key));
    // An empty context comes back as itself; one that only held moved fields was made by the way here.
    if (rest.length > 0 || rest.length === Object.keys(context).length) {
      const kept: Record<string, unknown> = {};
      for (const key of rest) {
        setOwn(kept, key, copyJson(context[key]));
        trace.link(child(child(output, "context"), key), child(contextPath, key));
      }
      setOwn(message, "context", kept);
      trace.link(child(output, "context"), contextPath);
    }
  }
  field("timestamp", group, "timestamp", input);
  field("messageId", context, "message_id", contextPath);
  field("integrations", context, "integrations", contextPath);
  if (context !== undefined && Object.hasOwn(context, "segment")) extraFields(context["segment"], child(contextPath, "segment"), message, output, trace);
  return message;
}

/** The keys of `context.segment` back at the top level of the message. */
function extraFields(segment: unknown, input: string, message: Record<string, unknown>, output: string, trace: Trace): void {
  if (!isObject(segment) || Object.keys(segment).length === 0) {
    trace.notCovered(input, "`context.segment` holds a segment message's unknown top-level keys: an object with at least one key.");
    return;
  }
  for (const key of Object.keys(segment)) {
    if (SEGMENT_MESSAGE_KEYS.has(key)) {
      trace.notCovered(child(input, key), `${quote(key)} is a field of a segment message, not one of its unknown top-level keys.`);
      continue;
    }
    setOwn(message, key, copyJson(segment[key]));
    trace.link(child(output, key), child(input, key));
  }
}
