// `group-spec/fetch`: the group-call handler on web-standard Request and Response (Next.js route handlers,
// Hono, Bun, Deno, Cloudflare Workers). The same handler as `group-spec serve`, `/express` and `/fastify`.
import { Gate } from "./handler/gate.js";
import { handleGroupCall, type GroupService } from "./handler/group-call.js";
import type { GroupHandlerOptions } from "./handler/options.js";
import { readWebBody } from "./handler/web-body.js";
import { errorResponse } from "./responses/error-response.js";
import type { HttpResponse } from "./responses/http-response.js";
import { DEFAULT_AUTH_FAILURE_LIMIT } from "./server/auth-failures.js";
import { webHeaders } from "./server/headers.js";
import { answerHeaders, plainError } from "./server/respond.js";
import { assertKind, type Kind } from "./validate.js";

export type { AcceptContext, Authenticate, CallRecord, GroupHandlerOptions, OnAccept } from "./handler/options.js";
export type { Limits } from "./limits.js";
export type { RateLimit } from "./server/rate-limit.js";
export type { Bodies, Kind } from "./validate.js";

/** Options of {@link createGroupHandler}: those of every group handler, and how to find a client's address. */
export type FetchHandlerOptions<K extends Kind> = GroupHandlerOptions<K, Request> & {
  /**
   * The client's address, for the failed-authentication limit (a `Request` does not carry one): for example
   * `(request) => request.headers.get("x-real-ip") ?? undefined` behind a proxy you trust. Without it, failed
   * authentications are not counted (one shared count would let anyone lock everyone out).
   */
  readonly remoteAddress?: (request: Request) => string | undefined;
};

/**
 * A `(request: Request) => Promise<Response>` that does the whole job of one group operation: credentials,
 * rate and size limits, gzip, `Content-Type`, `validateJson`, the dialect's status codes and envelopes, and
 * `onAccept(groups, context)` with the normalized body. Any method but `POST` gets 405. Never rejects.
 *
 * @example
 * // app/api/group/route.ts (Next.js)
 * export const POST = createGroupHandler({ kind: "thrivestack", apiKeys: [process.env.GROUP_KEY!], onAccept: (groups) => queue.push(groups) });
 */
export function createGroupHandler<K extends Kind>(options: FetchHandlerOptions<K>): (request: Request) => Promise<Response> {
  const { kind, remoteAddress } = options;
  assertKind(kind);
  const service: GroupService<Request> = {
    gate: new Gate<Request>(options, {
      rateLimit: options.rateLimit ?? { requests: 0 },
      authFailureLimit: remoteAddress === undefined ? { requests: 0 } : (options.authFailureLimit ?? DEFAULT_AUTH_FAILURE_LIMIT),
    }),
    limits: options.limits ?? {},
    onAccept: options.onAccept as GroupService<Request>["onAccept"],
    onCall: options.onCall,
    onError: options.onError,
  };
  return async (request) => {
    try {
      if (request.method !== "POST") return toResponse(plainError(405, "method_not_allowed", "This path answers POST only.", { allow: "POST" }));
      const call = {
        header: webHeaders(request.headers),
        remoteAddress: remoteAddress?.(request),
        request,
        body: { read: (maxBytes: number) => readWebBody(request, maxBytes) },
      };
      return toResponse((await handleGroupCall(kind, call, service)).response);
    } catch (error) {
      try {
        service.onError?.(error);
      } catch {
        // A failing error reporter must not keep the client from its answer.
      }
      return toResponse(errorResponse(kind, { status: 500 }));
    }
  };
}

function toResponse(response: HttpResponse<unknown>): Response {
  return new Response(JSON.stringify(response.body), { status: response.status, headers: answerHeaders(response) });
}
