export { startServer } from "./server.js";
export type { RunningServer } from "./server.js";
export { DEFAULT_HOST, DEFAULT_PORT, DEFAULT_RATE_LIMIT, DEFAULT_MAX_CONNECTIONS, DEFAULT_SHUTDOWN_GRACE_MS, DEFAULT_TIMEOUTS } from "./options.js";
export type { ServerOptions, ServerTimeouts } from "./options.js";
export { DEFAULT_AUTH_FAILURE_LIMIT } from "./auth-failures.js";
export { GroupStore, DEFAULT_STORE_LIMITS } from "./store.js";
export type { StoreLimits, StoredEvent, GroupView } from "./store.js";
export type { RateLimit } from "./rate-limit.js";
