// `group-spec/sink`: the reference server as a test sink (Node.js only).
export { startSink } from "./sink/start-sink.js";
export type { Sink, SinkOptions } from "./sink/start-sink.js";
export { CallLog, DEFAULT_CALL_LOG_LIMITS } from "./sink/call-log.js";
export type { CallFilter, CallLogLimits, LoggedCall } from "./sink/call-log.js";
