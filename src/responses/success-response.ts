import { randomUUID } from "node:crypto";
import type { Bodies, Kind } from "../../generated/validators/index.js";
import { DIALECTS, type SuccessBodies } from "../../generated/dialects.js";
import { fillEnvelope } from "./envelope.js";
import { JSON_TYPE, type HttpResponse } from "./http-response.js";

export type { SuccessBodies };

/** Options of {@link successResponse}. */
export interface SuccessOptions {
  /** The event id to answer with (thrivestack); a new `evt_<uuid>` by default. */
  readonly eventId?: string;
}

/**
 * The 200 response to an accepted body, in its dialect's shape: `{"success":true,"eventId"}` for
 * thrivestack (004), `{"status":"success","message":"Group updated successfully","data":<the body>}` for the
 * legacy form (000), `{"success":true}` for segment.
 *
 * @example const { status, headers, body } = successResponse("thrivestack", groups);
 */
export function successResponse<K extends Kind>(kind: K, body: Bodies[K], options: SuccessOptions = {}): HttpResponse<SuccessBodies[K]> {
  return { status: 200, headers: { ...JSON_TYPE }, body: successBody(kind, body, options) as SuccessBodies[K] };
}

// An event id is made only where the envelope has one; each template is looked at once, not per call.
const HAS_EVENT_ID = new Map<Kind, boolean>();

function successBody(kind: Kind, body: unknown, options: SuccessOptions) {
  const template = DIALECTS[kind].envelopes.success;
  let hasEventId = HAS_EVENT_ID.get(kind);
  if (hasEventId === undefined) HAS_EVENT_ID.set(kind, (hasEventId = JSON.stringify(template).includes('"{eventId}"')));
  const eventId = hasEventId ? (options.eventId ?? `evt_${randomUUID()}`) : undefined;
  return fillEnvelope(template, { eventId, body });
}
