import { randomUUID } from "node:crypto";
import { DIALECTS } from "../../generated/dialects.js";
import { checkJsonKeeping, type Parsed } from "../check-json.js";
import { check, type Result } from "../check.js";
import { DEFAULT_LIMITS, type Limits } from "../limits.js";
import { normalizeValid } from "../normalize.js";
import { errorResponse } from "../responses/error-response.js";
import type { HttpResponse } from "../responses/http-response.js";
import { successResponse } from "../responses/success-response.js";
import type { BodyResult } from "../server/body-result.js";
import { declaresJson } from "../server/content-type.js";
import { eachMessage } from "../traits/locate.js";
import { GENERATED, type Bodies, type Kind } from "../validate.js";
import type { AfterAnswer, CallInput } from "./call-input.js";
import type { Admission, Gate } from "./gate.js";
import { credentialOf } from "../server/auth.js";
import { challengeFor } from "../server/challenge.js";
import type { CallRecord, OnAccept } from "./options.js";

/** What {@link handleGroupCall} needs beyond the request: the gate, the limits and the hooks. */
export interface GroupService<R> {
  readonly gate: Gate<R>;
  readonly limits: Partial<Limits>;
  readonly onAccept?: OnAccept<Kind, R> | undefined;
  readonly onCall?: ((record: CallRecord) => void) | undefined;
  readonly onError?: ((error: unknown) => void) | undefined;
}

/** The answer to a call, as data, and what the transport does with the connection after it. */
export interface CallOutcome {
  readonly response: HttpResponse<unknown>;
  readonly after: AfterAnswer;
}

/**
 * One group-operation request, start to end, for every transport (`group-spec serve`, the fetch, Express and
 * Fastify handlers): credentials (401, or 429 for an address that failed too often), the rate limit (429),
 * `Content-Type: application/json` (415), the body read with its byte cap (413, or 400 for an encoding other
 * than gzip, or broken gzip), `validateJson` (400/413), then `onAccept` with the normalized body (500 if it
 * throws) and the dialect's 200. The body is validated once. Never rejects; `onCall` hears every outcome. A
 * dialect whose body may carry the credential (`shape.credentialMember`) is authenticated after the body is
 * read when the headers carry none.
 */
export async function handleGroupCall<K extends Kind, R>(kind: K, call: CallInput<R>, service: GroupService<R>): Promise<CallOutcome> {
  const done = (response: HttpResponse<unknown>, after: AfterAnswer, record: Omit<CallRecord, "kind" | "status"> = {}): CallOutcome => {
    tell(service, { kind, status: response.status, ...record });
    return { response, after };
  };
  // A dialect may carry the credential in the body when the headers have none (Segment's batch `writeKey`):
  // then the body is read, within its limits, before the caller is known.
  const member = DIALECTS[kind].shape.credentialMember;
  const credential = credentialOf(kind, call.header);
  const inBody = member !== undefined && credential === undefined;
  let caller: string | undefined;
  if (!inBody) {
    const admission = await admit(service, kind, call, credential);
    if (!admission.ok) return done(admission.response, "unread");
    caller = admission.caller;
  } else {
    const blocked = service.gate.blocked(kind, call);
    if (blocked !== undefined) return done(blocked, "unread");
  }
  if (!declaresJson(call.header)) return done(errorResponse(kind, { status: 415 }), "unread", caller === undefined ? {} : { caller });

  const parsed: Parsed = {};
  let result: Result<K>;
  const source = call.body;
  if ("parsed" in source) {
    parsed.body = source.parsed;
    // Nesting of a value parsed elsewhere was not bounded while parsing: bound it now.
    result = check(kind, GENERATED[kind], source.parsed, { maxDepth: service.limits.depth ?? DEFAULT_LIMITS.depth });
  } else {
    const limits = service.limits;
    let input: string | Uint8Array;
    if ("bytes" in source) input = source.bytes;
    else {
      const body = await source.read(limits.bodyBytes ?? DEFAULT_LIMITS.bodyBytes);
      if (!body.ok) {
        if (caller === undefined) return done(unauthenticated(kind, call), "close");
        return done(bodyError(kind, body), "close", { caller });
      }
      input = body.bytes;
    }
    result = checkJsonKeeping(kind, GENERATED[kind], input, { limits }, parsed);
  }
  if (caller === undefined) {
    const admission = await admit(service, kind, call, credentialIn(parsed, member!));
    if (!admission.ok) return done(admission.response, "keep");
    caller = admission.caller;
  }
  const body = Object.hasOwn(parsed, "body") ? { caller, body: parsed.body } : { caller };
  if (!result.ok) return done(errorResponse(kind, result.issues), "keep", { issues: result.issues, ...body });

  const eventId = `evt_${randomUUID()}`;
  let groups: Bodies[K];
  try {
    groups = normalizeValid(kind, result.value);
    await service.onAccept?.(groups, { kind, caller, eventId, request: call.request });
  } catch (error) {
    report(service, error);
    return done(errorResponse(kind, { status: 500 }), "keep", body);
  }
  const ids = messageIds(kind, groups);
  return done(successResponse(kind, result.value, { eventId }), "keep", { ...body, eventId, ...(ids ? { messageIds: ids } : {}) });
}

/**
 * The gate's verdict on a call with this credential (from the headers, or the body); an `authenticate` that
 * throws is the service's failure, not the caller's: 500.
 */
async function admit<R>(service: GroupService<R>, kind: Kind, call: CallInput<R>, credential: string | undefined): Promise<Admission> {
  try {
    return await service.gate.admit(kind, call, credential);
  } catch (error) {
    report(service, error);
    return { ok: false, response: errorResponse(kind, { status: 500 }) };
  }
}

/** The credential a parsed body carries in `member`, if it is a non-empty string. */
function credentialIn(parsed: Parsed, member: string): string | undefined {
  const body = parsed.body;
  if (typeof body !== "object" || body === null || Array.isArray(body) || !Object.hasOwn(body, member)) return undefined;
  const value = (body as Record<string, unknown>)[member];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The 401 of a call whose body could not be read for its credential. */
function unauthenticated<R>(kind: Kind, call: CallInput<R>): HttpResponse<unknown> {
  return challengeFor(call.header, errorResponse(kind, { status: 401 }));
}

/** The 413 or 400 of a body that could not be read. */
export function bodyError(kind: Kind, body: Extract<BodyResult, { ok: false }>): HttpResponse<unknown> {
  if (body.problem === "too_large") return errorResponse(kind, [{ path: "", code: "too_large", message: body.message }]);
  return errorResponse(kind, { status: 400, message: body.message });
}

/** The message ids of a normalized body, where its dialect has them. */
function messageIds(kind: Kind, groups: unknown): string[] | undefined {
  const field = DIALECTS[kind].shape.fields.messageId;
  if (field === undefined) return undefined;
  const ids: string[] = [];
  eachMessage(kind, groups, (message) => {
    if (typeof message[field] === "string") ids.push(message[field] as string);
  });
  return ids;
}

type Hooks = Pick<GroupService<never>, "onCall" | "onError">;

function tell(service: Hooks, record: CallRecord): void {
  try {
    service.onCall?.(record);
  } catch (error) {
    // An observer's failure changes no answer.
    report(service, error);
  }
}

function report(service: Hooks, error: unknown): void {
  try {
    service.onError?.(error);
  } catch {
    // A failing error reporter must not take the handler down with it.
  }
}
