import type { IncomingMessage } from "node:http";
import type { Authenticate, CallRecord } from "../handler/options.js";
import type { CallLog } from "../sink/call-log.js";
import type { Limits } from "../limits.js";
import type { Assets } from "./assets.js";
import type { RateLimit } from "./rate-limit.js";
import type { GroupStore } from "./store.js";

/** How long the server waits on a client, each in milliseconds. */
export interface ServerTimeouts {
  /** Until a request's headers are all in (then 408 and the connection is closed). */
  readonly headersMs: number;
  /** Until a request, headers and body, is all in; at least `headersMs`. */
  readonly requestMs: number;
  /** How long an idle keep-alive connection stays open. */
  readonly keepAliveMs: number;
  /**
   * How often Node checks the two timeouts above: a slow client is dropped at most this much after its
   * timeout. Node's own default is 30 s, which made a 20 s header timeout act at up to 50 s.
   */
  readonly checkIntervalMs: number;
}

/** Where and how `startServer` serves. */
export interface ServerOptions {
  /** The keys accepted by every operation (x-api-key, Bearer token, Basic user name). At least one. */
  readonly apiKeys?: readonly string[];
  /**
   * Instead of `apiKeys`: who makes a call, from its credential (the test sink accepts any key this way).
   * Exactly one of the two.
   */
  readonly authenticate?: Authenticate<IncomingMessage>;
  /** Default {@link DEFAULT_HOST}: loopback only. */
  readonly host?: string;
  /** Default {@link DEFAULT_PORT}; `0` picks a free port. */
  readonly port?: number;
  /** Default {@link DEFAULT_RATE_LIMIT} requests per second per key. */
  readonly rateLimit?: RateLimit;
  /** Failed authentications per remote address in any window, then 429; default 20 per minute. */
  readonly authFailureLimit?: RateLimit;
  /** Body limits for `validateJson`; `bodyBytes` is also the cap on reading (after gzip inflating). */
  readonly limits?: Partial<Limits>;
  /** Estimated bytes the default store may keep across all keys; default 256 MiB (ignored with `store`). */
  readonly maxStoreBytes?: number;
  /** The store of accepted calls; a new, empty `GroupStore` by default. */
  readonly store?: GroupStore;
  /**
   * Every group-operation call, accepted or refused, for `GET /_calls` (the test sink); a new `CallLog` by
   * default (10,000 calls, 64 MiB estimated, oldest dropped first).
   */
  readonly calls?: CallLog;
  /** Estimated bytes the default call log may keep; default 64 MiB, `0` keeps no calls (ignored with `calls`). */
  readonly maxCallBytes?: number;
  /** Open connections at most; past it a new connection is closed at once. Default {@link DEFAULT_MAX_CONNECTIONS}. */
  readonly maxConnections?: number;
  /** Defaults in {@link DEFAULT_TIMEOUTS}. */
  readonly timeouts?: Partial<ServerTimeouts>;
  /** How long `close()` lets requests in flight finish before answering 503 and closing; default 5 s. */
  readonly shutdownGraceMs?: number;
  /** Told of every group-operation request, accepted or refused (see `CallRecord`); what it throws is ignored. */
  readonly onCall?: (record: CallRecord) => void;
  /** Told of each unexpected error (answered with 500); by default they are dropped. */
  readonly onError?: (error: unknown) => void;
  /** The files to serve; by default read once from this package at start-up (see `loadAssets`). */
  readonly assets?: Assets;
}

/** The default address: loopback, so nothing outside this machine reaches the server unless asked. */
export const DEFAULT_HOST = "127.0.0.1";
/** The default port. */
export const DEFAULT_PORT = 4010;
/** The default rate limit: 100 requests per key in any second. */
export const DEFAULT_RATE_LIMIT: RateLimit = Object.freeze({ requests: 100, windowMs: 1000 });
/**
 * The default connection cap: plenty for a docs page and trials, and with 512 KB per body at most
 * ~128 MiB of bodies in flight.
 */
export const DEFAULT_MAX_CONNECTIONS = 256;
/** The default grace period of a shutdown. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 5000;
/** The default timeouts: 10 s for headers, 30 s for a whole request (512 KB at ~20 KB/s), 5 s idle, checked every second. */
export const DEFAULT_TIMEOUTS: ServerTimeouts = Object.freeze({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5000, checkIntervalMs: 1000 });
