import { DEFAULT_CALL_LOG_LIMITS } from "../sink/call-log.js";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { parseArgs } from "node:util";
import {
  DEFAULT_AUTH_FAILURE_LIMIT,
  DEFAULT_HOST,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_PORT,
  DEFAULT_RATE_LIMIT,
  DEFAULT_SHUTDOWN_GRACE_MS,
  DEFAULT_STORE_LIMITS,
  startServer,
  type RunningServer,
} from "../server/index.js";
import { UsageError } from "./usage-error.js";
import type { Io } from "./io.js";

/** Help for `group-spec serve`, for the CLI's usage table. */
export const SERVE_USAGE = `Usage: group-spec serve [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}] [--api-key KEY]... [--rate-limit ${DEFAULT_RATE_LIMIT.requests}]
                         [--auth-failures ${DEFAULT_AUTH_FAILURE_LIMIT.requests}] [--max-store-bytes ${DEFAULT_STORE_LIMITS.bytes}]
                         [--max-call-bytes ${DEFAULT_CALL_LOG_LIMITS.bytes}]
                         [--max-connections ${DEFAULT_MAX_CONNECTIONS}] [--shutdown-grace-ms ${DEFAULT_SHUTDOWN_GRACE_MS}]

Serves the docs page (Scalar, fully offline) at /, the OpenAPI document at /openapi.json, the four
operations (POST /api/group, /legacy/api/group, /v1/group, /v1/batch), GET /api/groups/:group_id, and
the call log of each key: GET /_calls?valid=true|false&kind=KIND, GET /_calls/MESSAGE_ID, DELETE /_calls
(every call, accepted or refused, with its status, issues and body). Everything is kept in memory only
and is lost when the server stops.

Options:
  --port <n>        Port to listen on (0 picks a free one); default ${DEFAULT_PORT}
  --host <address>  Address to listen on; default ${DEFAULT_HOST} (this machine only)
  --api-key <key>   A key every operation accepts; repeat for more. Without one, a development key is
                    generated and printed
  --rate-limit <n>  Requests per key in any second, then 429 with Retry-After; 0 for no limit
  --auth-failures <n>
                    Failed authentications per client address in any minute, then 429 for that address
                    until the oldest is a minute old; 0 for no limit
  --max-store-bytes <n>
                    Estimated bytes of accepted calls kept, across all keys; past it the groups updated
                    longest ago are dropped (default 256 MiB)
  --max-call-bytes <n>
                    Estimated bytes of the call log, across all keys (at most ${DEFAULT_CALL_LOG_LIMITS.calls} calls); past it
                    the oldest calls are dropped (default 64 MiB); 0 keeps no calls
  --max-connections <n>
                    Open connections at most; past it new connections are closed at once
  --shutdown-grace-ms <n>
                    On SIGINT/SIGTERM, how long requests in flight may take to finish before they are
                    answered 503 and every connection is closed
  -h, --help        Show this help

On Ctrl-C (SIGINT) or SIGTERM it stops accepting connections, lets requests in flight finish (see
--shutdown-grace-ms) and exits with status 0; a second signal stops it at once. Exit status 1 when it
cannot start, 2 on a usage error.`;

/** `group-spec serve`: serves until SIGINT or SIGTERM, then returns 0. */
export async function serveCommand(args: string[], io: Io): Promise<number> {
  const stop = new AbortController();
  // Both listeners go at the first signal, so a second one (of either kind) ends the process at once.
  const onSignal = () => {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
    stop.abort();
  };
  process.on("SIGINT", onSignal).on("SIGTERM", onSignal);
  try {
    return await serve(args, io, stop.signal);
  } finally {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
  }
}

/** `serve` with the stop signal given: what {@link serveCommand} runs, and what tests drive. */
export async function serve(args: string[], io: Io, stop: AbortSignal): Promise<number> {
  const { values } = parse(args);
  const port = integer(values.port, "--port", 0, 65535) ?? DEFAULT_PORT;
  const requests = integer(values["rate-limit"], "--rate-limit", 0, 1_000_000) ?? DEFAULT_RATE_LIMIT.requests;
  const authFailures = integer(values["auth-failures"], "--auth-failures", 0, 1_000_000) ?? DEFAULT_AUTH_FAILURE_LIMIT.requests;
  // At least 1 MiB: one group at its per-group bounds is about that big, and the budget never drops the group being written.
  const maxStoreBytes = integer(values["max-store-bytes"], "--max-store-bytes", 1024 * 1024, Number.MAX_SAFE_INTEGER);
  const maxCallBytes = integer(values["max-call-bytes"], "--max-call-bytes", 0, Number.MAX_SAFE_INTEGER);
  const maxConnections = integer(values["max-connections"], "--max-connections", 1, 1_000_000);
  const shutdownGraceMs = integer(values["shutdown-grace-ms"], "--shutdown-grace-ms", 0, 600_000);
  const given = values["api-key"] ?? [];
  if (given.some((key) => key.trim() === "")) throw new UsageError("--api-key must not be empty.", "serve");
  const apiKeys = given.length > 0 ? given : [`gs_dev_${randomBytes(18).toString("base64url")}`];
  const host = values.host ?? DEFAULT_HOST;
  let server: RunningServer;
  try {
    server = await startServer({
      apiKeys,
      host,
      port,
      rateLimit: { requests },
      authFailureLimit: { ...DEFAULT_AUTH_FAILURE_LIMIT, requests: authFailures },
      ...(maxStoreBytes === undefined ? {} : { maxStoreBytes }),
      ...(maxCallBytes === undefined ? {} : { maxCallBytes }),
      ...(maxConnections === undefined ? {} : { maxConnections }),
      ...(shutdownGraceMs === undefined ? {} : { shutdownGraceMs }),
      onError: (error) => io.stderr.write(`group-spec serve: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === undefined ? (error as Error).message : `${code} on ${host}:${port}`;
    io.stderr.write(`group-spec serve: cannot start: ${reason}\n`);
    return 1;
  }
  io.stdout.write(banner(server.url, given.length > 0 ? undefined : apiKeys[0], host));
  if (!stop.aborted) await once(stop, "abort");
  io.stdout.write("group-spec serve: stopping; finishing the requests in flight.\n");
  await server.close();
  io.stdout.write("group-spec serve: stopped; the in-memory data is gone.\n");
  return 0;
}

function banner(url: string, generatedKey: string | undefined, host: string): string {
  const lines = [
    `group-spec serve: listening on ${url}/`,
    `  docs and console  ${url}/`,
    `  OpenAPI document  ${url}/openapi.json`,
    `  call log          ${url}/_calls  (every call, accepted or refused, with the same key)`,
    generatedKey === undefined
      ? "  API keys          as given with --api-key"
      : `  API key           ${generatedKey}  (generated for this run; choose one with --api-key)`,
    "  Accepted group calls and the call log are kept in memory only and are lost when the server stops.",
  ];
  if (host !== DEFAULT_HOST && host !== "localhost" && host !== "::1") {
    lines.push(`  Warning: listening on ${host}, so other machines may reach this development server.`);
  }
  return `${lines.join("\n")}\nPress Ctrl-C to stop.\n`;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "api-key": { type: "string", multiple: true },
        "rate-limit": { type: "string" },
        "auth-failures": { type: "string" },
        "max-store-bytes": { type: "string" },
        "max-call-bytes": { type: "string" },
        "max-connections": { type: "string" },
        "shutdown-grace-ms": { type: "string" },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message, "serve");
  }
}

function integer(text: string | undefined, name: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}; got "${text}".`, "serve");
  }
  return value;
}
