import { randomUUID } from "node:crypto";
import type { Bodies, Kind } from "../../generated/validators/index.js";
import type { LegacySuccess, SegmentSuccess, ThriveStackSuccess } from "../../generated/types/index.js";
import { JSON_TYPE, type HttpResponse } from "./http-response.js";

/** The success body of each kind, in its dialect's documented shape. */
export interface SuccessBodies {
  thrivestack: ThriveStackSuccess;
  "thrivestack-legacy": LegacySuccess;
  segment: SegmentSuccess;
  "segment-batch": SegmentSuccess;
}

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

function successBody(kind: Kind, body: unknown, options: SuccessOptions) {
  switch (kind) {
    case "thrivestack":
      return { success: true, eventId: options.eventId ?? `evt_${randomUUID()}` };
    case "thrivestack-legacy":
      return { status: "success", message: "Group updated successfully", data: body };
    case "segment":
    case "segment-batch":
      return { success: true };
  }
}
