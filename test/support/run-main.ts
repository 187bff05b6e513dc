import { PassThrough } from "node:stream";
import { main } from "../../src/cli/main.js";

/** What one in-process run of the CLI printed, and its exit status. */
export interface MainRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `group-spec ARGS` in this process (the CLI's `main`), with empty stdin, collecting what it printed. */
export async function runMain(args: string[]): Promise<MainRun> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  let stdout = "";
  let stderr = "";
  io.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  io.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await main(args, io);
  return { code, stdout, stderr };
}
