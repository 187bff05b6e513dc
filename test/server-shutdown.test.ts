import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { rawConnection, requestHead, trickle, type Seen } from "./support/load.js";
import { authHeaders, example, KEY } from "./support/server.js";

// Issue 9: SIGTERM during load used to reset every request in flight. `group-spec serve` runs here as a
// child process (from source, through tsx), as a user or a process manager starts it.

const ROOT = join(import.meta.dirname, "..");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** A running `group-spec serve`: its URL, what it has printed, and its exit. */
interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

async function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "serve", "--port", "0", "--api-key", KEY, ...args], { cwd: ROOT });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner after 20 s: ${output}`)), 20_000);
    child.stdout!.on("data", () => {
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (found === undefined) return;
      clearTimeout(timer);
      resolve(found);
    });
    void exited.then((code) => reject(new Error(`exited ${code} before listening: ${output}`)));
  });
  return { child, url, output: () => output, exited };
}

const BODY = JSON.stringify(example("thrivestack"));
const HEADERS = { ...authHeaders("thrivestack"), "content-type": "application/json" };
const status = (seen: Seen) => /^HTTP\/1\.1 (\d{3}) /.exec(seen.text)?.[1];

describe("group-spec serve on SIGTERM", () => {
  it("stops accepting, answers every request in flight, then exits 0", async () => {
    const served = await serve(["--shutdown-grace-ms", "2000"]);
    const url = `${served.url}/api/group`;
    // Six requests whose bodies trickle in over ~1.6 s, and one that would take 10 s.
    const slow = Array.from({ length: 6 }, () => rawConnection(url, requestHead(url, HEADERS, BODY.length), 10_000));
    const stuck = rawConnection(url, requestHead(url, HEADERS, BODY.length), 10_000);
    const sending = Promise.all(slow.map(({ socket }) => trickle(socket, BODY, 8, 200)));
    void trickle(stuck.socket, BODY, 50, 200).catch(() => {});
    // Time for the child to read every request's headers, on a loaded machine too.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const signalled = performance.now();
    served.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const late = await fetch(`${served.url}/openapi.json`).then(
      (response) => response.status,
      (error: Error & { cause?: { code?: string } }) => error.cause?.code,
    );
    await sending;
    const answers = await Promise.all(slow.map(({ seen }) => seen));
    expect(answers.map(status)).toEqual(["200", "200", "200", "200", "200", "200"]);
    for (const answer of answers) expect(JSON.parse(answer.text.slice(answer.text.indexOf("\r\n\r\n") + 4)).success).toBe(true);
    // The one that could not finish in the grace period still got an answer: 503, not a reset.
    expect(status(await stuck.seen)).toBe("503");
    stuck.socket.destroy();
    expect(late).toBe("ECONNREFUSED");
    expect(await served.exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(6000);
    expect(served.output()).toMatch(/stopping; finishing the requests in flight\.\n[^]*stopped; the in-memory data is gone\./);
  }, 30_000);
});
