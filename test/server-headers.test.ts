import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KINDS } from "../src/index.js";
import type { RunningServer } from "../src/server/index.js";
import { BROWSER_BASIC_CHALLENGE } from "../src/server/challenge.js";
import { example, KEY, PATHS, post, startTestServer } from "./support/server.js";

// Issue 9: Referrer-Policy on every response, and a 401 a browser can show (no Basic prompt).

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("headers on every response", () => {
  it.each([
    ["GET", "/", undefined],
    ["GET", "/openapi.json", undefined],
    ["HEAD", "/docs/init.js", undefined],
    ["GET", "/api/groups/nobody", KEY],
    ["GET", "/api/groups/nobody", "wrong"],
    ["GET", "/nowhere", undefined],
    ["PUT", "/api/group", undefined],
  ])("%s %s (key %s) carries Referrer-Policy: no-referrer and nosniff", async (method, path, key) => {
    const response = await fetch(`${server.url}${path}`, { method, headers: key === undefined ? {} : { "x-api-key": key } });
    await response.arrayBuffer();
    expect([response.headers.get("referrer-policy"), response.headers.get("x-content-type-options")]).toEqual(["no-referrer", "nosniff"]);
  });

  it.each(KINDS)("so do the operations' answers (%s)", async (kind) => {
    for (const answer of [await post(server, kind, example(kind)), await post(server, kind, "{", { key: "wrong" })]) {
      expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });
});

describe("the 401 challenge", () => {
  // Headers seen from Chromium 156 and Node 20's fetch (scratch checks, issue 9): to loopback Chromium sends
  // Sec-Fetch-* and, on a POST, Origin; to a plain-http address elsewhere only Origin; Node's fetch sends
  // Sec-Fetch-Mode: cors and no Origin.
  const CHROMIUM_LOOPBACK = { origin: "http://127.0.0.1:4010", "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors", "sec-fetch-dest": "empty" };
  const CHROMIUM_FORM = { origin: "null", "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" };
  const CHROMIUM_PLAIN_HTTP = { origin: "http://192.0.2.2:4010" };
  const BASIC = 'Basic realm="group-spec"';
  it.each([
    ["segment", "Node's fetch", BASIC, {}],
    ["segment-batch", "Node's fetch", BASIC, {}],
    ["segment", "Chromium on loopback", BROWSER_BASIC_CHALLENGE, CHROMIUM_LOOPBACK],
    ["segment-batch", "a cross-site form in Chromium", BROWSER_BASIC_CHALLENGE, CHROMIUM_FORM],
    ["segment", "Chromium over plain http to another address", BROWSER_BASIC_CHALLENGE, CHROMIUM_PLAIN_HTTP],
    ["thrivestack", "Chromium on loopback", 'ApiKey header="x-api-key"', CHROMIUM_LOOPBACK],
    ["thrivestack-legacy", "Chromium on loopback", 'Bearer realm="group-spec"', CHROMIUM_LOOPBACK],
  ] as const)("%s from %s: %s", async (kind, _client, challenge, headers) => {
    const answer = await post(server, kind, example(kind), { key: "wrong", headers });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toBe(challenge);
  });

  it("names a scheme no browser prompts for: not Basic, Digest, NTLM or Negotiate", () => {
    expect(BROWSER_BASIC_CHALLENGE).not.toMatch(/^(basic|digest|ntlm|negotiate)\b/i);
  });
});
