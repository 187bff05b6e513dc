import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/server/index.js";
import { launchChromium, type Browser } from "./support/chromium.js";
import { example, get, KEY, startTestServer } from "./support/server.js";

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

  it("made no request to any host but the server, and the page's CSP blocked no request", async () => {
    const { page } = chromium();
    const host = new URL(server.url).host;
    const elsewhere = requests.filter((url) => {
      const parsed = new URL(url);
      return parsed.protocol !== "data:" && parsed.protocol !== "blob:" && parsed.host !== host;
    });
    expect(elsewhere).toEqual([]);
    expect(requests.filter((url) => url.endsWith("/api/group"))).toHaveLength(2);
    // Scalar probes once whether `new Function` works and falls back when the CSP says no ("eval").
    const violations = (await page.evaluate("window.__violations")) as string[];
    expect(violations.filter((blocked) => blocked !== "eval")).toEqual([]);
  });
});
