import { DIALECTS, type ErrorBodies, type Security } from "../../generated/dialects.js";
import type { Kind } from "../../generated/validators/index.js";
import type { Issue } from "../issue.js";
import { ERROR_CODES, type ErrorStatus } from "../../generated/error-codes.js";
import { fillEnvelope } from "./envelope.js";
import { JSON_TYPE, type HttpResponse } from "./http-response.js";

export type { ErrorBodies };

/** An error that is not about the body's content: credentials, rate limits, the server itself. */
export interface ErrorInfo {
  readonly status: ErrorStatus;
  /** What went wrong, in plain words; each status has a default. */
  readonly message?: string;
  /** Seconds to wait before retrying (429): sent as `Retry-After`. */
  readonly retryAfter?: number;
}

const MESSAGES: Record<ErrorStatus, string> = {
  400: "The request body is invalid.",
  401: "Invalid or missing credentials.",
  413: "The request body is too large.",
  415: "Send the body as application/json.",
  429: "Rate limit exceeded; retry after the number of seconds in Retry-After.",
  500: "Server error; try again later.",
};

// How a dialect asks for credentials on a 401 (RFC 9110 requires WWW-Authenticate there), by its scheme.
function challenge(security: Security): string {
  if (security.type === "apiKey") return `ApiKey header="${security.name}"`;
  return `${security.scheme === "bearer" ? "Bearer" : "Basic"} realm="group-spec"`;
}

/**
 * The error response of a kind, in its dialect's own envelope: `{"success":false,"error":{...}}` for
 * thrivestack, `{"status":"error","message","error_code",...}` for the legacy form (documented fields first),
 * `{"error":{"type","message",...}}` for segment. Given the issues of a refused body, the status is 413 when
 * one of them is `too_large` and 400 otherwise.
 *
 * @example
 * const result = validateJson("segment", bytes);
 * if (!result.ok) { const { status, headers, body } = errorResponse("segment", result.issues); }
 * errorResponse("thrivestack", { status: 429, retryAfter: 30 });
 */
export function errorResponse<K extends Kind>(kind: K, problem: readonly Issue[] | ErrorInfo): HttpResponse<ErrorBodies[K]> {
  const info: ErrorInfo = isIssues(problem) ? fromIssues(problem) : problem;
  const issues = isIssues(problem) ? [...problem] : [];
  const message = info.message ?? MESSAGES[info.status];
  const headers: Record<string, string> = { ...JSON_TYPE };
  if (info.status === 429) headers["retry-after"] = String(Math.max(1, Math.ceil(info.retryAfter ?? 1)));
  if (info.status === 401) headers["www-authenticate"] = challenge(DIALECTS[kind].security);
  return { status: info.status, headers, body: envelope(kind, info.status, message, issues) as ErrorBodies[K] };
}

function envelope(kind: Kind, status: ErrorStatus, message: string, issues: Issue[]) {
  return fillEnvelope(DIALECTS[kind].envelopes.error, { code: ERROR_CODES[kind][status], message, issues });
}

function isIssues(problem: readonly Issue[] | ErrorInfo): problem is readonly Issue[] {
  return Array.isArray(problem);
}

function fromIssues(issues: readonly Issue[]): ErrorInfo {
  if (issues.some((issue) => issue.code === "too_large")) return { status: 413, message: issues[0]!.message };
  if (issues.some((issue) => issue.code === "invalid_json")) return { status: 400, message: "The request body is not valid JSON." };
  const first = issues[0];
  const more = issues.length > 1 ? ` (${issues.length} issues)` : "";
  return { status: 400, message: first ? `${first.message}${more}` : MESSAGES[400] };
}
