import type { HttpResponse } from "../responses/http-response.js";
import type { HeaderReader } from "./headers.js";

/**
 * The challenge a browser's request gets instead of `Basic`. Browsers show their own sign-in dialog for a
 * 401 with `Basic` (also `Digest`, `NTLM`, `Negotiate`) and hold the page's request until it is answered,
 * so the docs console would never show the JSON 401; for an unknown scheme they hand the 401 to the page.
 * The credentials are still Basic ones: the scheme name only tells a browser not to ask for them.
 */
export const BROWSER_BASIC_CHALLENGE = 'X-Basic realm="group-spec"';

/**
 * `response` as sent to the request with `headers`: a `Basic` challenge becomes
 * {@link BROWSER_BASIC_CHALLENGE} when a browser sent the request. A browser says so with `Origin` on
 * every `POST` (from a script or a form, to any origin) and with `Sec-Fetch-Site` on every request to a
 * secure context (https, or loopback as here); over plain http to another address it sends no
 * `Sec-Fetch-*` at all, and Node's fetch sends `Sec-Fetch-Mode` too, so neither of those is the test.
 * Other clients keep the `Basic` challenge that RFC 7617 describes. Keeping browsers from ever storing
 * Basic credentials for the server from a prompt also keeps a cross-site form from riding on them.
 */
export function challengeFor(header: HeaderReader, response: HttpResponse<unknown>): HttpResponse<unknown> {
  const challenge = response.headers["www-authenticate"];
  if (challenge === undefined || !/^basic\b/i.test(challenge) || !fromBrowser(header)) return response;
  return { ...response, headers: { ...response.headers, "www-authenticate": BROWSER_BASIC_CHALLENGE } };
}

function fromBrowser(header: HeaderReader): boolean {
  return header("origin") !== undefined || header("sec-fetch-site") !== undefined;
}
