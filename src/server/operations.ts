import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { DEFAULT_LIMITS, type Limits } from "../limits.js";
import { normalizeSpelling } from "../normalize.js";
import { errorResponse } from "../responses/error-response.js";
import { JSON_TYPE } from "../responses/http-response.js";
import { successResponse } from "../responses/success-response.js";
import { validateJson } from "../validate-json.js";
import { KINDS, type Kind } from "../validate.js";
import { credentialOf, type Keyring } from "./auth.js";
import type { AuthFailures } from "./auth-failures.js";
import { readBody, type BodyResult } from "./body.js";
import { challengeFor } from "./challenge.js";
import { declaresJson } from "./content-type.js";
import { groupEvents } from "./group-events.js";
import type { RateLimiter } from "./rate-limit.js";
import { bodyUnread, send } from "./respond.js";
import type { GroupStore } from "./store.js";

/** What the handlers share: the keys, the two rate limiters, the store and the body limits. */
export interface Context {
  readonly keyring: Keyring;
  readonly limiter: RateLimiter;
  readonly authFailures: AuthFailures;
  readonly store: GroupStore;
  readonly limits: Partial<Limits>;
}

/**
 * `POST` of one of the four operations: credentials (401, or 429 for an address that failed too often),
 * rate limit (429), `Content-Type: application/json` (415), the body read with its byte cap (413, or 400
 * for an encoding other than gzip or broken gzip), `validateJson` (400/413), then the accepted calls go to
 * the store (reserved trait names folded by `normalizeSpelling`) and the dialect's 200 is sent. Answers
 * sent before the body was read close the connection, so a large body is not read only to be thrown away.
 */
export async function postOperation(kind: Kind, req: IncomingMessage, res: ServerResponse, context: Context): Promise<void> {
  const owner = admit(kind, req, res, context);
  if (owner === undefined) return;
  if (!declaresJson(req.headers)) return send(res, errorResponse(kind, { status: 415 }), bodyUnread(req));
  // Node answers `Expect: 100-continue` itself unless asked not to; the server asks, so it can refuse first.
  const proceed = () => req.headers.expect?.toLowerCase() === "100-continue" && res.writeContinue();
  const body = await readBody(req, context.limits.bodyBytes ?? DEFAULT_LIMITS.bodyBytes, proceed);
  if (!body.ok) return send(res, bodyError(kind, body), true);
  const result = validateJson(kind, body.bytes, { limits: context.limits });
  if (!result.ok) return send(res, errorResponse(kind, result.issues));
  const eventId = `evt_${randomUUID()}`;
  // Stored with reserved trait names in their one spelling, so `Plan` and `plan` merge as one trait.
  context.store.record(owner, kind, eventId, groupEvents(kind, normalizeSpelling(kind, result.value)));
  send(res, successResponse(kind, result.value, { eventId }));
}

/**
 * The kind whose credential and envelope `GET /api/groups/:group_id` uses: the first dialect's (thrivestack),
 * as the read is a convenience of the reference server beside that dialect's `POST`.
 */
export const READ_KIND: Kind = KINDS[0]!;

/**
 * `GET /api/groups/:group_id`, with the `x-api-key` of `POST /api/group`: the group's merged traits, its
 * members and its events, as this key sent them; 404 when this key has sent no call for the group.
 */
export function getGroup(groupId: string, req: IncomingMessage, res: ServerResponse, context: Context): void {
  const owner = admit(READ_KIND, req, res, context);
  if (owner === undefined) return;
  const group = context.store.read(owner, groupId);
  if (group === undefined) {
    const message = "This API key has sent no group call for this group_id since the server started.";
    return send(res, { status: 404, headers: JSON_TYPE, body: { success: false, error: { code: "not_found", message, issues: [] } } });
  }
  send(res, { status: 200, headers: JSON_TYPE, body: group });
}

const TOO_MANY_FAILURES = "Too many failed authentications from this address; retry after the number of seconds in Retry-After.";

/**
 * The id of the request's key, or `undefined` once a 401 or 429 has been sent. An address that has failed
 * too often is refused before its credential is checked, so a right guess then looks like a wrong one.
 */
function admit(kind: Kind, req: IncomingMessage, res: ServerResponse, context: Context): string | undefined {
  const address = req.socket.remoteAddress;
  const wait = context.authFailures.retryAfter(address);
  if (wait > 0) {
    send(res, errorResponse(kind, { status: 429, retryAfter: wait, message: TOO_MANY_FAILURES }), bodyUnread(req));
    return undefined;
  }
  const owner = context.keyring.match(credentialOf(kind, req.headers));
  if (owner === undefined) {
    context.authFailures.fail(address);
    send(res, challengeFor(req.headers, errorResponse(kind, { status: 401 })), bodyUnread(req));
    return undefined;
  }
  const verdict = context.limiter.take(owner);
  if (!verdict.ok) {
    send(res, errorResponse(kind, { status: 429, retryAfter: verdict.retryAfter }), bodyUnread(req));
    return undefined;
  }
  return owner;
}

function bodyError(kind: Kind, body: Extract<BodyResult, { ok: false }>) {
  if (body.problem === "too_large") return errorResponse(kind, [{ path: "", code: "too_large", message: body.message }]);
  return errorResponse(kind, { status: 400, message: body.message });
}
