import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/server/index.js";
import type { Locator, Page } from "playwright-core";
import { launchChromium, type Browser } from "./support/chromium.js";
import { BROWSER_BASIC_CHALLENGE } from "../src/server/challenge.js";
import { ERROR_CODES } from "../generated/error-codes.js";
import type { Kind } from "../src/index.js";
import { example, get, KEY, PATHS, startTestServer } from "./support/server.js";

// Screenshots are test artifacts: test-results/ is git-ignored.
const SHOTS = join(import.meta.dirname, "..", "test-results", "browser");
// Collects what the page's Content-Security-Policy blocked: the policy is a guard the page must not need.
const RECORD_VIOLATIONS = `window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.blockedURI));`;

let server: RunningServer;
let launched: Browser | Error;
const requests: string[] = [];

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await startTestServer();
  // A missing Chromium fails each test with the launch error (a failed hook would only mark them skipped).
  launched = await launchChromium().catch((error: Error) => error);
  if (launched instanceof Error) return;
  launched.context.on("request", (request) => requests.push(request.url()));
  await launched.context.addInitScript({ content: RECORD_VIOLATIONS });
});

/** Scalar's API client with its sidebar shown, opened from the first operation if it is not open yet. */
async function openClient(page: Page): Promise<Locator> {
  const client = page.getByRole("dialog", { name: "API Client" });
  if (!(await client.isVisible())) {
    if (!page.url().startsWith(server.url)) await page.goto(`${server.url}/`);
    await page.getByRole("button", { name: /Test Request.*post \/api\/group/ }).click();
  }
  const show = client.getByRole("button", { name: "Show sidebar" });
  if (await show.isVisible()) await show.click();
  return client;
}

function chromium(): Browser {
  if (launched instanceof Error) throw launched;
  return launched;
}

afterAll(async () => {
  if (launched !== undefined && !(launched instanceof Error)) await launched.close();
  await server?.close();
});

describe("the docs page in Chromium", () => {
  it("sends the example through Scalar's console, then a body without group_id, and shows each answer", async () => {
    const { page } = chromium();
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.getByText("kept in memory only", { exact: false }).count()).toBe(1);
    await page.getByText("Associate users with accounts").first().click();
    await page.screenshot({ path: join(SHOTS, "1-operation.png") });

    await page.getByRole("button", { name: /Test Request.*post \/api\/group/ }).click();
    const client = page.getByRole("dialog", { name: "API Client" });
    await client.getByLabel("Value", { exact: true }).fill(KEY);
    const send = client.getByRole("button", { name: /Send post request/ });
    const response = client.getByRole("region", { name: "Response", exact: true });

    await send.click();
    await expect.poll(() => response.innerText(), { timeout: 15_000 }).toContain("200 OK");
    const eventId = /evt_[0-9a-f-]{36}/.exec(await response.innerText())?.[0];
    await page.screenshot({ path: join(SHOTS, "2-accepted-200.png") });
    expect(eventId).toBeDefined();
    // The server recorded the very call the browser sent.
    const groupId = (example("thrivestack") as { group_id: string }[])[0]!.group_id;
    const group = await get(server, `/api/groups/${groupId}`);
    expect(group.body.events.map((e: { event_id: string }) => e.event_id)).toEqual([eventId]);

    const editor = client.getByRole("region", { name: "Request Body", exact: true }).locator(".cm-content");
    await editor.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    // insertText types the whole text at once, so the editor's bracket auto-closing adds nothing.
    await page.keyboard.insertText('[{ "user_id": "18f716ac-37a4-464f-adb7-3cc30032308c" }]');
    expect(JSON.parse(await editor.innerText())).toEqual([{ user_id: "18f716ac-37a4-464f-adb7-3cc30032308c" }]);
    // Scalar stores an edit after a 328 ms debounce; once stored, the page's code example shows the new body,
    // so the example's group_id is gone from the page. Sending before then would send the old body.
    await expect.poll(async () => (await page.content()).includes(groupId), { timeout: 10_000 }).toBe(false);

    await send.click();
    await expect.poll(() => response.innerText(), { timeout: 15_000 }).toContain("400 Bad Request");
    await page.screenshot({ path: join(SHOTS, "3-refused-400.png") });
    const text = await response.innerText();
    expect(text).toContain('"/0/group_id"');
    expect(text).toContain('"required"');
  });

  // Issue 9: Chromium held a 401 with `WWW-Authenticate: Basic` for its own sign-in prompt, so the console
  // never showed the answer of the two Basic-auth operations. Each operation is picked in the console's own
  // sidebar, so the console opens once for all four.
  it.each([
    ["thrivestack", "ThriveStack", "Associate users with accounts"],
    ["thrivestack-legacy", "ThriveStack \\(legacy\\)", "Associate a user with a group \\(legacy form\\)"],
    ["segment", "Segment", "Associate a user with a group"],
    ["segment-batch", "Segment", "Send a batch of messages"],
  ] as [Kind, string, string][])("shows the JSON 401 for a wrong key (%s)", async (kind, tag, summary) => {
    const client = await openClient(chromium().page);
    const sidebar = client.getByRole("complementary");
    const group = sidebar.getByRole("button", { name: new RegExp(`^${tag} (Open|Close) Group`) });
    if ((await group.getAttribute("aria-expanded")) !== "true") await group.click();
    await sidebar.getByRole("button", { name: new RegExp(`^${summary} HTTP Method`) }).click();
    const send = client.getByRole("button", { name: new RegExp(`^Send post request to .*${PATHS[kind]}$`) });
    await send.waitFor();
    // The key's field is the first of the operation's scheme: Value, Bearer Token, or Username.
    await client.getByRole("region", { name: "Authentication Required" }).getByRole("textbox").first().fill("wrong-key");
    // The answer of this very request: the console may still show the previous operation's 401.
    const answered = chromium().page.waitForResponse((r) => new URL(r.url()).pathname === PATHS[kind] && r.request().method() === "POST");
    await send.click();
    const answer = await answered;
    expect(answer.status()).toBe(401);
    expect(answer.headers()["www-authenticate"]).toEqual(kind.startsWith("segment") ? BROWSER_BASIC_CHALLENGE : expect.stringMatching(/^(ApiKey|Bearer) /));
    const response = client.getByRole("region", { name: "Response", exact: true });
    await expect.poll(() => response.innerText(), { timeout: 10_000 }).toContain("401 Unauthorized");
    await expect.poll(() => response.innerText(), { timeout: 5_000 }).toContain(ERROR_CODES[kind][401]);
    await chromium().page.screenshot({ path: join(SHOTS, `4-wrong-key-401-${kind}.png`) });
  });

  it("made no request to any host but the server, and the page's CSP blocked no request", async () => {
    const { page } = chromium();
    const host = new URL(server.url).host;
    const elsewhere = requests.filter((url) => {
      const parsed = new URL(url);
      return parsed.protocol !== "data:" && parsed.protocol !== "blob:" && parsed.host !== host;
    });
    expect(elsewhere).toEqual([]);
    const posts = (path: string) => requests.filter((url) => new URL(url).pathname === path).length;
    expect(Object.values(PATHS).map(posts)).toEqual([3, 1, 1, 1]);
    // Scalar probes once whether `new Function` works and falls back when the CSP says no ("eval").
    const violations = (await page.evaluate("window.__violations")) as string[];
    expect(violations.filter((blocked) => blocked !== "eval")).toEqual([]);
  });
});
