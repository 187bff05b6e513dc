import type { Issue } from "../issue.js";
import type { Limits } from "../limits.js";
import type { RateLimit } from "../server/rate-limit.js";
import type { Bodies, Kind } from "../validate.js";

/** What `onAccept` is told besides the groups: which call it is, who made it, and the framework's request. */
export interface AcceptContext<K extends Kind, R> {
  readonly kind: K;
  /** Who made the call: the hex SHA-256 of the API key that matched, or what `authenticate` returned. */
  readonly caller: string;
  /** The id of this request: the `eventId` a thrivestack caller is answered with. */
  readonly eventId: string;
  /** The request as the framework gave it (a `Request`, Express's `req`, Fastify's `request`). */
  readonly request: R;
}

/**
 * Receives an accepted body, normalized (`normalize`: reserved trait names in their one spelling, missing
 * `timestamp` and `messageId` filled in). May be async; when it throws or rejects, the caller gets the
 * dialect's 500 envelope and `onCall` reports status 500.
 */
export type OnAccept<K extends Kind, R> = (groups: Bodies[K], context: AcceptContext<K, R>) => void | Promise<void>;

/**
 * Finds who makes a call from its credential (read as the dialect's security scheme says; `undefined` when the
 * request has none): a non-empty id, or `undefined` to refuse with 401.
 */
export type Authenticate<R> = (credential: string | undefined, request: R) => string | undefined | Promise<string | undefined>;

/** What `onCall` is told of each group-operation request, accepted or refused. */
export interface CallRecord {
  readonly kind: Kind;
  /** Who made the call (as `AcceptContext.caller`), once authenticated; absent for a call refused before. */
  readonly caller?: string;
  /** The status answered: 200, or the error status (400, 401, 413, 415, 429, 500). */
  readonly status: number;
  /** The issues of a refused body (400, 413). */
  readonly issues?: readonly Issue[];
  /** The body's JSON value as parsed (before normalizing), whenever the body was read and was JSON. */
  readonly body?: unknown;
  /** The accepted call's event id (also given to `onAccept`). */
  readonly eventId?: string;
  /** The `messageId` of each message of an accepted body, filled in where it had none (segment dialects only). */
  readonly messageIds?: readonly string[];
}

/** Who may call: a list of API keys, or a function (exactly one of the two). */
export type Credentials<R> =
  | { readonly apiKeys: readonly string[]; readonly authenticate?: undefined }
  | { readonly authenticate: Authenticate<R>; readonly apiKeys?: undefined };

/** The options of every framework's group handler (`group-spec/fetch`, `/express`, `/fastify`). */
export type GroupHandlerOptions<K extends Kind, R> = Credentials<R> & {
  /** The body kind this handler takes. */
  readonly kind: K;
  /** Receives each accepted body; without it the handler validates and answers only. */
  readonly onAccept?: OnAccept<K, R>;
  /** Told of every call, accepted or refused, once its answer is decided; what it throws is ignored. */
  readonly onCall?: (record: CallRecord) => void;
  /** Body limits for `validateJson`; `bodyBytes` also caps reading (after gzip inflating). */
  readonly limits?: Partial<Limits>;
  /** Requests per caller in any window, then 429; off unless given. */
  readonly rateLimit?: RateLimit;
  /**
   * Failed authentications per remote address in any window, then 429 (default 20 per minute). Counted only
   * where the remote address is known: the socket's (Express's `req.ip`, Fastify's `request.ip`), or what
   * the fetch handler's `remoteAddress` returns.
   */
  readonly authFailureLimit?: RateLimit;
  /** Told of what `onAccept` (or `authenticate`) threw; the caller got a 500. */
  readonly onError?: (error: unknown) => void;
};
