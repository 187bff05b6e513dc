import type { Limits } from "../limits.js";
import { keyId } from "../server/auth.js";
import { startServer } from "../server/server.js";
import type { CallFilter, LoggedCall } from "./call-log.js";

/** Where and how {@link startSink} listens. */
export interface SinkOptions {
  /** Default `0`: a free port. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** The keys accepted; by default any non-empty key (the key your app under test already sends). */
  readonly apiKeys?: readonly string[];
  /** Body limits, as `group-spec serve` takes them. */
  readonly limits?: Partial<Limits>;
  /** Estimated bytes of calls kept; default 64 MiB (oldest dropped first). */
  readonly maxCallBytes?: number;
}

/** A running test sink. */
export interface Sink {
  /** `http://127.0.0.1:port`: point a client's host here (its paths are the dialects' own: `/v1/batch`, ...). */
  readonly url: string;
  /**
   * The calls received, oldest first: every key's, or one key's with `key`; only accepted (`valid: true`) or
   * refused (`valid: false`) ones, one kind's, or those that carried a `messageId`.
   */
  calls(filter?: CallFilter & { readonly key?: string }): LoggedCall[];
  /** Forgets every call and every stored group. */
  reset(): void;
  /** Stops the server (requests in flight finish first). */
  close(): Promise<void>;
}

/**
 * Starts the reference server as a test sink on 127.0.0.1: every group call an app sends is validated and
 * recorded, accepted or refused, for a test to read back (`sink.calls()`, or `GET /_calls` over HTTP), as
 * Snowplow Micro does for Snowplow events, without Docker or a JVM. No rate limit applies.
 *
 * @example
 * const sink = await startSink();
 * const analytics = new Analytics({ writeKey: "test", host: sink.url, flushAt: 1 });
 * analytics.group({ userId: "u1", groupId: "acme", traits: { plan: "pro" } });
 * await analytics.closeAndFlush();
 * expect(sink.calls({ valid: false })).toEqual([]);
 * await sink.close();
 */
export async function startSink(options: SinkOptions = {}): Promise<Sink> {
  const credentials =
    options.apiKeys === undefined
      ? { authenticate: (credential: string | undefined) => (credential ? keyId(credential) : undefined) }
      : { apiKeys: options.apiKeys };
  const server = await startServer({
    ...credentials,
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    rateLimit: { requests: 0 },
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.maxCallBytes === undefined ? {} : { maxCallBytes: options.maxCallBytes }),
  });
  return {
    url: server.url,
    calls: ({ key, ...filter } = {}) => server.calls.list(key === undefined ? undefined : keyId(key), filter),
    reset: () => {
      server.calls.clear();
      server.store.clear();
    },
    close: () => server.close(),
  };
}
