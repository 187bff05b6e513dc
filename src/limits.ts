import { DIALECTS } from "../generated/dialects.js";
import type { Kind } from "../generated/validators/index.js";
import type { MessagesAt } from "./json/scan.js";

/**
 * The limits `validateJson` enforces before and around schema validation. Each may be lowered; raising one
 * above the schema's own bound (items, traits, depth, string lengths) has no effect, as the schema still
 * applies.
 */
export interface Limits {
  /** Largest body in bytes (UTF-8). */
  readonly bodyBytes: number;
  /** Largest message in bytes: a thrivestack group object, a batch message, or a whole single-object body. */
  readonly messageBytes: number;
  /** Deepest nesting of arrays and objects anywhere in the body, counted while parsing. */
  readonly depth: number;
  /** Most messages in a body that is an array of them (thrivestack group objects). */
  readonly thrivestackItems: number;
  /** Most messages in a body's member that holds them (a segment batch). */
  readonly batchMessages: number;
  /** Most traits in one traits object, where the dialect's schema bounds them (segment: 255). */
  readonly traitKeys: number;
}

/** The default limits: 500 KB per body, 32 KB per message, and the schemas' own counts. */
export const DEFAULT_LIMITS: Limits = /* @__PURE__ */ Object.freeze({
  bodyBytes: 500 * 1024,
  messageBytes: 32 * 1024,
  depth: 32,
  thrivestackItems: 1000,
  batchMessages: 2500,
  traitKeys: 255,
});

/** Where a kind's messages are: the root object, the items of the root array, or the items of a member. */
export function messagesOf(kind: Kind): MessagesAt {
  const at = DIALECTS[kind].shape.messages;
  return at.at === "body" ? "root" : at.at === "items" ? "items" : { member: at.member };
}
