import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Limits } from "../limits.js";
import { loadAssets, type Assets } from "./assets.js";
import { Keyring } from "./auth.js";
import { RateLimiter, type RateLimit } from "./rate-limit.js";
import { send } from "./respond.js";
import { route, serverError, type RouteContext } from "./routes.js";
import { GroupStore } from "./store.js";

/** Where and how {@link startServer} serves. */
export interface ServerOptions {
  /** The keys accepted by every operation (x-api-key, Bearer token, Basic user name). At least one. */
  readonly apiKeys: readonly string[];
  /** Default {@link DEFAULT_HOST}: loopback only. */
  readonly host?: string;
  /** Default {@link DEFAULT_PORT}; `0` picks a free port. */
  readonly port?: number;
  /** Default {@link DEFAULT_RATE_LIMIT} requests per second per key. */
  readonly rateLimit?: RateLimit;
  /** Body limits for `validateJson`; `bodyBytes` is also the cap on reading (after gzip inflating). */
  readonly limits?: Partial<Limits>;
  /** The store of accepted calls; a new, empty {@link GroupStore} by default. */
  readonly store?: GroupStore;
  /** Told of each unexpected error (answered with 500); by default they are dropped. */
  readonly onError?: (error: unknown) => void;
  /** The files to serve; by default read once from this package at start-up (see `loadAssets`). */
  readonly assets?: Assets;
}

/** A listening server. */
export interface RunningServer {
  /** `http://host:port`, without a trailing slash. */
  readonly url: string;
  readonly store: GroupStore;
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

/** The default address: loopback, so nothing outside this machine reaches the server unless asked. */
export const DEFAULT_HOST = "127.0.0.1";
/** The default port. */
export const DEFAULT_PORT = 4010;
/** The default rate limit: 100 requests per second per key. */
export const DEFAULT_RATE_LIMIT: RateLimit = Object.freeze({ requests: 100, windowMs: 1000 });

/**
 * Starts the reference server: the docs page at `/`, `/openapi.json`, the four operations and
 * `GET /api/groups/:group_id`, on node:http. Every request is answered, unexpected errors with 500; the
 * process never crashes on a request.
 *
 * @example
 * const server = await startServer({ apiKeys: ["dev-key"], port: 0 });
 * await fetch(`${server.url}/api/group`, { method: "POST", headers: { "x-api-key": "dev-key" }, body });
 * await server.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = options.store ?? new GroupStore();
  const onError = options.onError ?? (() => {});
  const context: RouteContext = {
    keyring: new Keyring(options.apiKeys),
    limiter: new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT),
    store,
    limits: options.limits ?? {},
    assets: options.assets ?? (await loadAssets()),
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res, context).catch((error: unknown) => {
      try {
        onError(error);
      } catch {
        // A failing error reporter must not take the server down with it.
      }
      if (res.headersSent) res.destroy();
      else send(res, serverError(req), true);
    });
  };
  const server = createServer({ requestTimeout: 60_000, headersTimeout: 20_000 }, handle);
  // With a listener, Node leaves `Expect: 100-continue` to the handler, which can refuse before the body.
  server.on("checkContinue", handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, options.host ?? DEFAULT_HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
