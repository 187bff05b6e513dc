// `group-spec/express`: the group-call handler as Express middleware (Express 5, and 4). The same handler as
// `group-spec serve`, `/fetch` and `/fastify`.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Gate } from "./handler/gate.js";
import type { BodySource } from "./handler/call-input.js";
import { handleGroupCall, type GroupService } from "./handler/group-call.js";
import { nodeCall, sendOutcome } from "./handler/node-call.js";
import type { GroupHandlerOptions } from "./handler/options.js";
import { errorResponse } from "./responses/error-response.js";
import { DEFAULT_AUTH_FAILURE_LIMIT } from "./server/auth-failures.js";
import { send } from "./server/respond.js";
import { assertKind, type Kind } from "./validate.js";

export type { AcceptContext, Authenticate, CallRecord, GroupHandlerOptions, OnAccept } from "./handler/options.js";
export type { Limits } from "./limits.js";
export type { RateLimit } from "./server/rate-limit.js";
export type { Bodies, Kind } from "./validate.js";

/** What the middleware reads of Express's `req`: a node:http request, with `body` once a parser ran and `ip`. */
export interface ExpressLikeRequest extends IncomingMessage {
  body?: unknown;
  readonly ip?: string | undefined;
}

/** An Express middleware `(req, res, next)`. */
export type GroupMiddleware<R extends ExpressLikeRequest> = (req: R, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Express middleware that does the whole job of one group operation (credentials, rate and size limits,
 * gzip, `Content-Type`, `validateJson`, the dialect's statuses and envelopes, `onAccept` with the normalized
 * body) and answers every request it gets. It reads the body itself; a body a parser read already is
 * accepted too (`express.json()`: a parsed value; `express.raw()`/`express.text()`: its bytes), in which case
 * that parser's limits and errors apply before this middleware runs (README: Express).
 *
 * @example app.post("/api/group", createGroupMiddleware({ kind: "thrivestack", apiKeys: ["key"], onAccept: save }));
 */
export function createGroupMiddleware<K extends Kind, R extends ExpressLikeRequest = ExpressLikeRequest>(options: GroupHandlerOptions<K, R>): GroupMiddleware<R> {
  const { kind } = options;
  assertKind(kind);
  const service: GroupService<R> = {
    gate: new Gate<R>(options, {
      rateLimit: options.rateLimit ?? { requests: 0 },
      authFailureLimit: options.authFailureLimit ?? DEFAULT_AUTH_FAILURE_LIMIT,
    }),
    limits: options.limits ?? {},
    onAccept: options.onAccept as GroupService<R>["onAccept"],
    onCall: options.onCall,
    onError: options.onError,
  };
  return (req, res) => {
    const call = nodeCall(req, res, req, req.ip ?? req.socket.remoteAddress, readAlready(req));
    handleGroupCall(kind, call, service)
      .then((outcome) => sendOutcome(req, res, outcome))
      .catch((error: unknown) => {
        try {
          service.onError?.(error);
        } catch {
          // A failing error reporter must not keep the client from its answer.
        }
        send(res, errorResponse(kind, { status: 500 }), true);
      });
  };
}

/**
 * The body a parser read already (`express.json()` and the like), or `undefined` while the stream is unread.
 * The stream, not `req.body`, tells: body-parser 1 (Express 4) sets `req.body = {}` even for a request it
 * does not parse.
 */
function readAlready(req: ExpressLikeRequest): BodySource | undefined {
  const consumed = req.readableEnded || (req.complete && !req.readable);
  if (!consumed) return undefined;
  if (typeof req.body === "string" || req.body instanceof Uint8Array) return { bytes: req.body };
  return { parsed: req.body };
}
