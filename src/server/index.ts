export { startServer, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_RATE_LIMIT } from "./server.js";
export type { ServerOptions, RunningServer } from "./server.js";
export { GroupStore, DEFAULT_STORE_LIMITS } from "./store.js";
export type { StoreLimits, StoredEvent, GroupView } from "./store.js";
export type { RateLimit } from "./rate-limit.js";
