import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "../server/body.js";
import { nodeHeaders } from "../server/headers.js";
import { bodyUnread, send } from "../server/respond.js";
import type { BodySource, CallInput } from "./call-input.js";
import type { CallOutcome } from "./group-call.js";

/**
 * A node:http request (also Express's and Fastify's raw one) as a call: its headers, its address, and its body
 * read from the socket, unless `body` says a framework has read it already. `Expect: 100-continue` is answered
 * once the headers pass, so a refused client never sends its body.
 */
export function nodeCall<R>(req: IncomingMessage, res: ServerResponse, request: R, remoteAddress: string | undefined, body?: BodySource): CallInput<R> {
  const proceed = () => {
    if (req.headers.expect?.toLowerCase() === "100-continue" && !res.headersSent) res.writeContinue();
  };
  return {
    header: nodeHeaders(req.headers),
    remoteAddress,
    request,
    body: body ?? { read: (maxBytes) => readBody(req, maxBytes, proceed) },
  };
}

/** Writes a call's answer to a node:http response, closing the connection where the body was not (all) read. */
export function sendOutcome(req: IncomingMessage, res: ServerResponse, outcome: CallOutcome): void {
  const close = outcome.after === "close" || (outcome.after === "unread" && bodyUnread(req));
  send(res, outcome.response, close);
}
