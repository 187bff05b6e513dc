import { child } from "../json-pointer.js";
import { copyJson, setOwn } from "../normalize.js";
import { isObject } from "../traits/locate.js";
import { MOVED_CONTEXT_KEYS, SEGMENT_MESSAGE_KEYS } from "./segment-fields.js";
import type { Trace } from "./trace.js";
import { mapTraits, SEGMENT_TO_THRIVESTACK } from "./trait-map.js";

/** The `context` and `integrations` of a batch envelope, which apply to every message of the batch. */
export interface Envelope {
  readonly context?: Readonly<Record<string, unknown>>;
  readonly integrations?: Readonly<Record<string, unknown>>;
}

type Message = Readonly<Record<string, unknown>>;

/**
 * One valid segment group message (at pointer `input`) as one thrivestack group object (at pointer `output`):
 * `groupId` → `group_id`; `userId` (else `anonymousId`) → `user_id`; traits by {@link SEGMENT_TO_THRIVESTACK};
 * the segment context carried unchanged, plus `anonymousId` → `context.anonymous_id`, `messageId` →
 * `context.message_id`, `integrations` → `context.integrations` and unknown top-level keys →
 * `context.segment`; `timestamp` kept; `type` dropped. Nothing is invented: absent fields stay absent.
 */
export function messageToGroup(message: Message, input: string, output: string, trace: Trace, envelope: Envelope = {}): Record<string, unknown> {
  const group: Record<string, unknown> = {};
  trace.link(output, input);
  const field = (target: string, source: string) => {
    setOwn(group, target, copyJson(message[source]));
    trace.link(child(output, target), child(input, source));
  };
  field("group_id", "groupId");
  field("user_id", Object.hasOwn(message, "userId") ? "userId" : "anonymousId");
  const traits = message["traits"];
  if (isObject(traits)) {
    setOwn(group, "traits", mapTraits(SEGMENT_TO_THRIVESTACK, traits, child(input, "traits"), child(output, "traits"), trace));
    trace.link(child(output, "traits"), child(input, "traits"));
  }
  const context = contextOf(message, input, child(output, "context"), trace, envelope);
  if (context !== undefined) setOwn(group, "context", context);
  if (Object.hasOwn(message, "timestamp")) field("timestamp", "timestamp");
  return group;
}

function contextOf(message: Message, input: string, output: string, trace: Trace, envelope: Envelope): Record<string, unknown> | undefined {
  const own = isObject(message["context"]) ? message["context"] : undefined;
  const context: Record<string, unknown> = {};
  trace.link(output, own ? child(input, "context") : input);
  // A batch envelope's context applies to each message; the message's own keys win.
  for (const [source, at] of [[envelope.context, "/context"], [own, child(input, "context")]] as const) {
    for (const key of Object.keys(source ?? {})) {
      if (Object.hasOwn(MOVED_CONTEXT_KEYS, key)) {
        trace.notCovered(child(at, key), `\`context.${key}\` is where thrivestack keeps ${MOVED_CONTEXT_KEYS[key]}; a segment context that has it is not covered.`);
        continue;
      }
      setOwn(context, key, copyJson(source![key]));
      trace.link(child(output, key), child(at, key));
    }
  }
  const moved = (target: string, source: string) => {
    if (!Object.hasOwn(message, source)) return;
    setOwn(context, target, copyJson(message[source]));
    trace.link(child(output, target), child(input, source));
  };
  moved("anonymous_id", "anonymousId");
  moved("message_id", "messageId");
  const integrations = mergedIntegrations(message, input, child(output, "integrations"), trace, envelope);
  if (integrations !== undefined) setOwn(context, "integrations", integrations);
  const extra = Object.keys(message).filter((key) => !SEGMENT_MESSAGE_KEYS.has(key));
  if (extra.length > 0) {
    const segment: Record<string, unknown> = {};
    for (const key of extra) {
      setOwn(segment, key, copyJson(message[key]));
      trace.link(child(child(output, "segment"), key), child(input, key));
    }
    setOwn(context, "segment", segment);
    trace.link(child(output, "segment"), input);
  }
  const hasContext = own !== undefined || envelope.context !== undefined || Object.keys(context).length > 0;
  return hasContext ? context : undefined;
}

function mergedIntegrations(message: Message, input: string, output: string, trace: Trace, envelope: Envelope): Record<string, unknown> | undefined {
  const own = isObject(message["integrations"]) ? message["integrations"] : undefined;
  if (own === undefined && envelope.integrations === undefined) return undefined;
  const merged: Record<string, unknown> = {};
  trace.link(output, own ? child(input, "integrations") : "/integrations");
  for (const [source, at] of [[envelope.integrations, "/integrations"], [own, child(input, "integrations")]] as const) {
    for (const key of Object.keys(source ?? {})) {
      setOwn(merged, key, copyJson(source![key]));
      trace.link(child(output, key), child(at, key));
    }
  }
  return merged;
}
