// `group-spec/fastify`: the group-call handler as a Fastify 5 plugin, and the package's validators for routes
// of your own. The plugin runs the same handler as `group-spec serve`, `/fetch` and `/express`.
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest, FastifySchemaCompiler } from "fastify";
import { DIALECTS } from "../generated/dialects.js";
import { checkJson } from "./check-json.js";
import { check } from "./check.js";
import { GroupSpecError } from "./group-spec-error.js";
import { Gate } from "./handler/gate.js";
import { handleGroupCall, type GroupService } from "./handler/group-call.js";
import { nodeCall } from "./handler/node-call.js";
import type { GroupHandlerOptions } from "./handler/options.js";
import { DEFAULT_LIMITS } from "./limits.js";
import { errorResponse } from "./responses/error-response.js";
import type { HttpResponse } from "./responses/http-response.js";
import { DEFAULT_AUTH_FAILURE_LIMIT } from "./server/auth-failures.js";
import { answerHeaders, bodyUnread } from "./server/respond.js";
import { assertKind, GENERATED, isKind, KINDS, type Kind } from "./validate.js";

export type { AcceptContext, Authenticate, CallRecord, GroupHandlerOptions, OnAccept } from "./handler/options.js";
export type { Limits } from "./limits.js";
export type { RateLimit } from "./server/rate-limit.js";
export type { Bodies, Kind } from "./validate.js";

/** Options of {@link createGroupPlugin}: those of every group handler, and the path (default: the dialect's own). */
export type GroupPluginOptions<K extends Kind> = GroupHandlerOptions<K, FastifyRequest> & {
  /** Where the operation is served, under the plugin's prefix; default the dialect's path (`/api/group`, ...). */
  readonly path?: string;
};

/**
 * A Fastify plugin that serves one group operation, `POST` at the dialect's path: the whole job (credentials,
 * rate and size limits, gzip, `Content-Type`, `validateJson`, the dialect's statuses and envelopes, `onAccept`
 * with the normalized body, typed). The body is read by the handler, not by Fastify's parsers, and only inside
 * the plugin: the application's own routes keep theirs.
 *
 * @example await app.register(createGroupPlugin({ kind: "segment", apiKeys: ["key"], onAccept: save }));
 */
export function createGroupPlugin<K extends Kind>(options: GroupPluginOptions<K>): FastifyPluginAsync {
  const { kind } = options;
  assertKind(kind);
  const service: GroupService<FastifyRequest> = {
    gate: new Gate<FastifyRequest>(options, {
      rateLimit: options.rateLimit ?? { requests: 0 },
      authFailureLimit: options.authFailureLimit ?? DEFAULT_AUTH_FAILURE_LIMIT,
    }),
    limits: options.limits ?? {},
    onAccept: options.onAccept as GroupService<FastifyRequest>["onAccept"],
    onCall: options.onCall,
    onError: options.onError,
  };
  return async (fastify) => {
    // The handler reads the raw body (size cap, gzip, JSON); Fastify's parsers stay out of this plugin's routes.
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser("*", (_request, _payload, done) => done(null, undefined));
    // What Fastify refuses before the handler runs (a malformed Content-Type) still gets the dialect's envelope.
    fastify.setErrorHandler((error: FastifyError, _request, reply) => {
      try {
        service.onError?.(error);
      } catch {
        // A failing error reporter must not keep the client from its answer.
      }
      reply.header("connection", "close");
      return sendAnswer(reply, errorResponse(kind, { status: error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ? 415 : 500 }));
    });
    fastify.post(options.path ?? DIALECTS[kind].path, async (request, reply) => {
      const outcome = await handleGroupCall(kind, nodeCall(request.raw, reply.raw, request, request.ip), service);
      if (outcome.after === "close" || (outcome.after === "unread" && bodyUnread(request.raw))) reply.header("connection", "close");
      return sendAnswer(reply, outcome.response);
    });
  };
}

function sendAnswer(reply: FastifyReply, response: HttpResponse<unknown>): FastifyReply {
  return reply.code(response.status).headers(answerHeaders(response)).send(JSON.stringify(response.body));
}

/** The kind of each request body's JSON Schema `$id`, as `group-spec/typebox` and `generated/json-schema/` give it. */
const BODY_IDS: ReadonlyMap<string, Kind> = new Map(KINDS.map((kind) => [DIALECTS[kind].bodySchemaId, kind]));

/**
 * A Fastify `validatorCompiler` for routes of your own whose body schema is one of `group-spec/typebox`'s
 * request bodies (known by `$id`): the package's own validator decides (Fastify's Ajv would coerce types and
 * strip unknown keys), and a refusal is a `GroupSpecError` that {@link groupErrorHandler} answers in the
 * dialect's envelope. Any other schema is refused at start-up: give those routes Fastify's own compiler.
 *
 * @example app.post("/groups", { schema: { body: ThriveStackGroupRequest }, validatorCompiler }, (request) => request.body[0].group_id);
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const id = (schema as { $id?: unknown }).$id;
  const kind = typeof id === "string" ? BODY_IDS.get(id) : undefined;
  if (httpPart !== "body" || kind === undefined || !isKind(kind)) {
    throw new TypeError(`group-spec/fastify: validatorCompiler validates request bodies of group-spec/typebox only; got ${JSON.stringify(id)} for ${httpPart}.`);
  }
  const limits = { maxDepth: DEFAULT_LIMITS.depth };
  return (data: unknown) => {
    // Fastify's JSON parser ran already: a Buffer or string here means a raw parser; read it as validateJson would.
    const result = typeof data === "string" || data instanceof Uint8Array ? checkJson(kind, GENERATED[kind], data) : check(kind, GENERATED[kind], data, limits);
    return result.ok ? { value: result.value } : { error: Object.assign(new GroupSpecError(kind, result.issues), { statusCode: errorResponse(kind, result.issues).status }) };
  };
};

/**
 * A Fastify error handler that answers a {@link validatorCompiler} refusal in the dialect's envelope (400 or
 * 413, with the issues); any other error goes on to the parent error handler.
 */
export function groupErrorHandler(error: FastifyError | GroupSpecError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof GroupSpecError && isKind(error.kind)) return sendAnswer(reply, errorResponse(error.kind, error.issues));
  return reply.send(error);
}
