import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { loadAssets } from "./assets.js";
import { Gate } from "../handler/gate.js";
import { DEFAULT_AUTH_FAILURE_LIMIT } from "./auth-failures.js";
import {
  DEFAULT_HOST,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_PORT,
  DEFAULT_RATE_LIMIT,
  DEFAULT_SHUTDOWN_GRACE_MS,
  DEFAULT_TIMEOUTS,
  type ServerOptions,
  type ServerTimeouts,
} from "./options.js";
import { storeCalls } from "./operations.js";
import { send } from "./respond.js";
import { route, serverError, type RouteContext } from "./routes.js";
import { Drain } from "./shutdown.js";
import { GroupStore } from "./store.js";
import { CallLog } from "../sink/call-log.js";
import type { CallRecord } from "../handler/options.js";

/** A listening server. */
export interface RunningServer {
  /** `http://host:port`, without a trailing slash. */
  readonly url: string;
  readonly store: GroupStore;
  /** Every group-operation call answered, accepted or refused (`GET /_calls`). */
  readonly calls: CallLog;
  /**
   * Stops accepting connections, lets requests in flight finish within the shutdown grace period, answers
   * any still unfinished then with 503, and resolves once every connection is closed.
   */
  close(): Promise<void>;
  /** How many requests are being answered now (their headers read, their answer not yet sent). */
  readonly inFlight: number;
}

/**
 * Starts the reference server: the docs page at `/`, `/openapi.json`, the four operations and
 * `GET /api/groups/:group_id`, on node:http. Every request is answered, unexpected errors with 500; the
 * process never crashes on a request.
 *
 * @example
 * const server = await startServer({ apiKeys: ["dev-key"], port: 0 });
 * await fetch(`${server.url}/api/group`, { method: "POST", headers: { "x-api-key": "dev-key", "content-type": "application/json" }, body });
 * await server.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = options.store ?? new GroupStore(options.maxStoreBytes === undefined ? {} : { bytes: positive(options.maxStoreBytes, "maxStoreBytes") });
  const onError = options.onError ?? (() => {});
  const calls = options.calls ?? new CallLog(options.maxCallBytes === undefined ? {} : callLimits(options.maxCallBytes));
  const onCall = (record: CallRecord) => {
    calls.record(record);
    options.onCall?.(record);
  };
  const credentials = options.authenticate === undefined ? { apiKeys: options.apiKeys! } : { authenticate: options.authenticate };
  const gate = new Gate<IncomingMessage>(
    credentials,
    { rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT, authFailureLimit: options.authFailureLimit ?? DEFAULT_AUTH_FAILURE_LIMIT },
  );
  const context: RouteContext = {
    // The same group-call handler as group-spec/fetch, /express and /fastify; accepted calls go to the store.
    service: { gate, limits: options.limits ?? {}, onAccept: storeCalls(store), onCall, onError },
    store,
    calls,
    assets: options.assets ?? (await loadAssets()),
  };
  const drain = new Drain();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    drain.track(res);
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
  const timeouts = timeoutsOf(options.timeouts);
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
    handle,
  );
  server.maxConnections = positive(options.maxConnections ?? DEFAULT_MAX_CONNECTIONS, "maxConnections");
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
  const graceMs = options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  return {
    url: `http://${host}:${address.port}`,
    store,
    calls,
    close: () => drain.close(server, graceMs),
    get inFlight() {
      return drain.inFlight;
    },
  };
}

function timeoutsOf(given: Partial<ServerTimeouts> = {}): ServerTimeouts {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...given };
  for (const [name, value] of Object.entries(timeouts)) positive(value, `timeouts.${name}`);
  // Node refuses a header timeout longer than the request timeout; the whole request includes the headers.
  if (timeouts.headersMs > timeouts.requestMs) throw new RangeError(`timeouts.headersMs (${timeouts.headersMs}) must not exceed timeouts.requestMs (${timeouts.requestMs}).`);
  return timeouts;
}

function callLimits(bytes: number) {
  if (!Number.isInteger(bytes) || bytes < 0) throw new RangeError(`maxCallBytes must be a whole number of at least 0; got ${bytes}.`);
  return bytes === 0 ? { calls: 0 } : { bytes };
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number of at least 1; got ${value}.`);
  return value;
}
