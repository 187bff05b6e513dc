import type { IncomingMessage, ServerResponse } from "node:http";
import { nodeCall, sendOutcome } from "../handler/node-call.js";
import { JSON_TYPE } from "../responses/http-response.js";
import { credentialOf } from "../server/auth.js";
import { nodeHeaders } from "../server/headers.js";
import type { Context } from "../server/operations.js";
import { decodeSegment } from "../server/path-segment.js";
import { bodyUnread, plainError, send } from "../server/respond.js";
import { isKind, KINDS, type Kind } from "../validate.js";
import type { CallFilter, CallLog } from "./call-log.js";

/** The path of the call log; a `messageId`, percent-encoded, may follow it. */
export const CALLS_PATH = "/_calls";

/** What the call-log routes need: the shared gate (through the service), the store and the log. */
export interface CallsContext extends Context {
  readonly calls: CallLog;
}

/**
 * `GET /_calls` (query `valid=true|false`, `kind=…`), `GET /_calls/{messageId}` and `DELETE /_calls`: the calls
 * this key made, accepted or refused, as `{ "calls": [...] }` oldest first; `DELETE` forgets this key's calls
 * and its stored groups. The key is read in whichever dialect's scheme the request uses (x-api-key, Bearer,
 * Basic), through the same gate, limits and failed-authentication count as the operations.
 */
export async function callsRoute(rest: string, req: IncomingMessage, res: ServerResponse, context: CallsContext): Promise<void> {
  const method = req.method ?? "GET";
  const read = method === "GET" || method === "HEAD";
  const allowed = rest === "" ? read || method === "DELETE" : read;
  if (!allowed) return send(res, plainError(405, "method_not_allowed", `This path answers ${rest === "" ? "GET, HEAD, DELETE" : "GET, HEAD"} only.`, { allow: rest === "" ? "GET, HEAD, DELETE" : "GET, HEAD" }), bodyUnread(req));
  const kind = credentialKind(req);
  const admission = await context.service.gate.admit(kind, nodeCall(req, res, req, req.socket.remoteAddress));
  if (!admission.ok) return sendOutcome(req, res, { response: admission.response, after: "unread" });
  const { caller } = admission;

  if (method === "DELETE") {
    const deleted = context.calls.clear(caller);
    const groups = context.store.clear(caller);
    return send(res, { status: 200, headers: JSON_TYPE, body: { deleted, groups } }, bodyUnread(req));
  }
  if (rest !== "") {
    const messageId = decodeSegment(rest.slice(1));
    const calls = context.calls.list(caller, { messageId });
    if (calls.length === 0) return send(res, plainError(404, "not_found", "This API key has made no call with this messageId that the log still holds."));
    return send(res, { status: 200, headers: JSON_TYPE, body: { calls } });
  }
  const filter = filterOf(req.url ?? "");
  if (typeof filter === "string") return send(res, plainError(400, "invalid_query", filter));
  send(res, { status: 200, headers: JSON_TYPE, body: { calls: context.calls.list(caller, filter) } });
}

/** The kind whose security scheme the request's credential follows (the first kind's when it has none). */
function credentialKind(req: IncomingMessage): Kind {
  const header = nodeHeaders(req.headers);
  return KINDS.find((kind) => credentialOf(kind, header) !== undefined) ?? KINDS[0]!;
}

/** The filter of a `GET /_calls` query, or what is wrong with it. */
function filterOf(url: string): CallFilter | string {
  const query = url.indexOf("?");
  const params = new URLSearchParams(query === -1 ? "" : url.slice(query + 1));
  const valid = params.get("valid");
  const kind = params.get("kind");
  if (valid !== null && valid !== "true" && valid !== "false") return "`valid` must be true or false.";
  if (kind !== null && !isKind(kind)) return `\`kind\` must be one of ${KINDS.join(", ")}.`;
  return { ...(valid === null ? {} : { valid: valid === "true" }), ...(kind === null ? {} : { kind }) };
}
