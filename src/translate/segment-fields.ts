/** The top-level keys of a segment group message that the mapping names; any other key is carried apart. */
export const SEGMENT_MESSAGE_KEYS: ReadonlySet<string> = new Set([
  "type",
  "userId",
  "anonymousId",
  "groupId",
  "traits",
  "context",
  "timestamp",
  "messageId",
  "integrations",
]);

/**
 * The thrivestack context keys that hold segment message fields without a thrivestack counterpart, and what
 * each holds. A segment context that already has one of these keys is not covered: the way back would read it
 * as the message field.
 */
export const MOVED_CONTEXT_KEYS: Readonly<Record<string, string>> = {
  anonymous_id: "`anonymousId`",
  message_id: "`messageId`",
  integrations: "`integrations`",
  segment: "the message's other top-level keys",
};
