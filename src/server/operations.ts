import type { IncomingMessage, ServerResponse } from "node:http";
import type { Gate } from "../handler/gate.js";
import { handleGroupCall, type GroupService } from "../handler/group-call.js";
import { nodeCall, sendOutcome } from "../handler/node-call.js";
import type { OnAccept } from "../handler/options.js";
import { JSON_TYPE } from "../responses/http-response.js";
import { KINDS, type Kind } from "../validate.js";
import { groupEvents } from "./group-events.js";
import { send } from "./respond.js";
import type { GroupStore } from "./store.js";

/** What the handlers share: the shared group-call service (gate, limits, hooks) and the store it fills. */
export interface Context {
  readonly service: GroupService<IncomingMessage>;
  readonly store: GroupStore;
}

/**
 * The reference server's `onAccept`: the accepted calls go to the store, reserved trait names in their one
 * spelling (`normalize`), so `Plan` and `plan` merge as one trait.
 */
export function storeCalls(store: GroupStore): OnAccept<Kind, IncomingMessage> {
  return (groups, { kind, caller, eventId }) => store.record(caller, kind, eventId, groupEvents(kind, groups));
}

/**
 * `POST` of one of the four operations: the shared group-call handler (`handleGroupCall`, the one the fetch,
 * Express and Fastify handlers run) on node:http. Answers sent before the body was read close the
 * connection, so a large body is not read only to be thrown away.
 */
export async function postOperation(kind: Kind, req: IncomingMessage, res: ServerResponse, context: Context): Promise<void> {
  const outcome = await handleGroupCall(kind, nodeCall(req, res, req, req.socket.remoteAddress), context.service);
  sendOutcome(req, res, outcome);
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
export async function getGroup(groupId: string, req: IncomingMessage, res: ServerResponse, context: Context): Promise<void> {
  const gate: Gate<IncomingMessage> = context.service.gate;
  const admission = await gate.admit(READ_KIND, nodeCall(req, res, req, req.socket.remoteAddress));
  if (!admission.ok) return sendOutcome(req, res, { response: admission.response, after: "unread" });
  const group = context.store.read(admission.caller, groupId);
  if (group === undefined) {
    const message = "This API key has sent no group call for this group_id since the server started.";
    return send(res, { status: 404, headers: JSON_TYPE, body: { success: false, error: { code: "not_found", message, issues: [] } } });
  }
  send(res, { status: 200, headers: JSON_TYPE, body: group });
}
