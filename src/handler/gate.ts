import type { HttpResponse } from "../responses/http-response.js";
import { errorResponse } from "../responses/error-response.js";
import { AuthFailures } from "../server/auth-failures.js";
import { credentialOf, Keyring } from "../server/auth.js";
import { challengeFor } from "../server/challenge.js";
import { RateLimiter, type RateLimit } from "../server/rate-limit.js";
import type { Kind } from "../validate.js";
import type { CallInput } from "./call-input.js";
import type { Authenticate, Credentials } from "./options.js";

/** The outcome of {@link Gate.admit}: the caller's id, or the 401/429 to answer. */
export type Admission = { readonly ok: true; readonly caller: string } | { readonly ok: false; readonly response: HttpResponse<unknown> };

const TOO_MANY_FAILURES = "Too many failed authentications from this address; retry after the number of seconds in Retry-After.";

/** The limits of a {@link Gate}: requests per caller, failed authentications per address (each off at 0 requests). */
export interface GateLimits {
  readonly rateLimit: RateLimit;
  readonly authFailureLimit: RateLimit;
}

/**
 * Who may call, and how often: credentials, the failed-authentication limit per address and the rate limit
 * per caller. Kind-free, so the reference server's four operations and its read share one.
 */
export class Gate<R> {
  readonly #authenticate: Authenticate<R>;
  readonly #limiter: RateLimiter;
  readonly #authFailures: AuthFailures;

  /** Throws a `TypeError` unless exactly one of `apiKeys` and `authenticate` is given (and a `RangeError` for an empty key). */
  constructor(credentials: Credentials<R>, limits: GateLimits) {
    this.#authenticate = authenticator(credentials);
    this.#limiter = new RateLimiter(limits.rateLimit);
    this.#authFailures = new AuthFailures(limits.authFailureLimit);
  }

  /**
   * The caller's id, or the answer that refuses the call. An address that has failed too often is refused
   * before its credential is checked, so a right guess then looks like a wrong one. The credential is read
   * from the headers, as the kind's security scheme says, unless given (one found in the body).
   */
  async admit(kind: Kind, call: CallInput<R>, credential: string | undefined = credentialOf(kind, call.header)): Promise<Admission> {
    const blocked = this.blocked(kind, call);
    if (blocked !== undefined) return { ok: false, response: blocked };
    const caller = await this.#authenticate(credential, call.request);
    if (typeof caller !== "string" || caller === "") {
      this.#authFailures.fail(call.remoteAddress);
      return { ok: false, response: challengeFor(call.header, errorResponse(kind, { status: 401 })) };
    }
    const verdict = this.#limiter.take(caller);
    if (!verdict.ok) return { ok: false, response: errorResponse(kind, { status: 429, retryAfter: verdict.retryAfter }) };
    return { ok: true, caller };
  }
  /**
   * The 429 for an address that has failed to authenticate too often, or `undefined`: asked before a body
   * that may carry the credential is read, so a blocked address costs no read.
   */
  blocked(kind: Kind, call: CallInput<R>): HttpResponse<unknown> | undefined {
    const wait = this.#authFailures.retryAfter(call.remoteAddress);
    return wait > 0 ? errorResponse(kind, { status: 429, retryAfter: wait, message: TOO_MANY_FAILURES }) : undefined;
  }

}

function authenticator<R>(credentials: Credentials<R>): Authenticate<R> {
  const given = (credentials ?? {}) as { apiKeys?: unknown; authenticate?: unknown };
  if ((given.apiKeys === undefined) === (given.authenticate === undefined)) {
    throw new TypeError("group-spec: give exactly one of `apiKeys` (a list of keys) and `authenticate` (a function).");
  }
  if (typeof given.authenticate === "function") return given.authenticate as Authenticate<R>;
  if (!Array.isArray(given.apiKeys)) throw new TypeError("group-spec: `apiKeys` must be an array of strings.");
  const keyring = new Keyring(given.apiKeys as string[]);
  return (credential) => keyring.match(credential);
}
