import type { IncomingMessage, ServerResponse } from "node:http";
import { errorResponse } from "../responses/error-response.js";
import { DIALECTS } from "../../generated/dialects.js";
import { KINDS, type Kind } from "../validate.js";
import type { Assets } from "./assets.js";
import { DOCS_CSP, DOCS_HTML, DOCS_INIT_SCRIPT } from "./docs-page.js";
import { CALLS_PATH, callsRoute, type CallsContext } from "../sink/calls-route.js";
import { getGroup, postOperation, READ_KIND } from "./operations.js";
import { decodeSegment } from "./path-segment.js";
import { bodyUnread, plainError, send, sendFile } from "./respond.js";

/** The operation of each `POST` path, as `generated/openapi.json` documents them (generated/dialects.ts). */
export const OPERATIONS: ReadonlyMap<string, Kind> = new Map(KINDS.map((kind) => [DIALECTS[kind].path, kind]));


/** The path that reads a group back; the group id follows it, percent-encoded. */
export const GROUPS_PATH = "/api/groups/";

/** What {@link route} needs beyond the handlers' context: the files it serves. */
export interface RouteContext extends CallsContext {
  readonly assets: Assets;
}

/**
 * Sends each request to its handler: the four operations, `GET /api/groups/:group_id`, the call log
 * (`/_calls`, see `callsRoute`), the docs page
 * (`/`, `/docs/scalar.js`, `/docs/init.js`) and `/openapi.json`. A known path asked with another method
 * gets 405 with `Allow`; any other path 404, both as plain JSON.
 */
export async function route(req: IncomingMessage, res: ServerResponse, context: RouteContext): Promise<void> {
  const path = pathOf(req);
  const kind = OPERATIONS.get(path);
  if (kind !== undefined) {
    if (req.method === "POST") return postOperation(kind, req, res, context);
    return send(res, methodNotAllowed("POST"), bodyUnread(req));
  }
  if (path === CALLS_PATH || path.startsWith(`${CALLS_PATH}/`)) return callsRoute(path.slice(CALLS_PATH.length), req, res, context);
  const read = req.method === "GET" || req.method === "HEAD";
  if (path.startsWith(GROUPS_PATH)) {
    if (!read) return send(res, methodNotAllowed("GET, HEAD"), bodyUnread(req));
    return getGroup(decodeSegment(path.slice(GROUPS_PATH.length)), req, res, context);
  }
  const file = staticFile(path, context);
  if (file === undefined) return send(res, plainError(404, "not_found", `No such path: ${path.slice(0, 200)}`), bodyUnread(req));
  if (!read) return send(res, methodNotAllowed("GET, HEAD"), bodyUnread(req));
  sendFile(res, file.type, file.bytes, file.headers);
}

/** The dialect whose envelope answers an unexpected error on `req`'s path, if the path has one. */
export function kindOfPath(req: IncomingMessage): Kind | undefined {
  const path = pathOf(req);
  return OPERATIONS.get(path) ?? (path.startsWith(GROUPS_PATH) ? READ_KIND : undefined);
}

/** The 500 answer to an unexpected error, in the path's envelope. */
export function serverError(req: IncomingMessage) {
  const kind = kindOfPath(req);
  return kind === undefined ? plainError(500, "internal_error", "Server error; try again later.") : errorResponse(kind, { status: 500 });
}

interface StaticFile {
  readonly type: string;
  readonly bytes: Buffer;
  readonly headers: Record<string, string>;
}

const HTML = Buffer.from(DOCS_HTML);
const INIT_SCRIPT = Buffer.from(DOCS_INIT_SCRIPT);

function staticFile(path: string, context: RouteContext): StaticFile | undefined {
  const text = (type: string) => `${type}; charset=utf-8`;
  switch (path) {
    case "/":
      return { type: text("text/html"), bytes: HTML, headers: { "content-security-policy": DOCS_CSP, "cache-control": "no-cache" } };
    case "/docs/init.js":
      return { type: text("text/javascript"), bytes: INIT_SCRIPT, headers: { "cache-control": "no-cache" } };
    case "/docs/scalar.js":
      return { type: text("text/javascript"), bytes: context.assets.scalar, headers: { "cache-control": "public, max-age=3600" } };
    case "/openapi.json":
      return { type: text("application/json"), bytes: context.assets.openapi, headers: { "cache-control": "no-cache" } };
    default:
      return undefined;
  }
}

function methodNotAllowed(allow: string) {
  return plainError(405, "method_not_allowed", `This path answers ${allow} only.`, { allow });
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? "/";
  const query = url.search(/[?#]/);
  return query === -1 ? url : url.slice(0, query);
}
