import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { UsageError } from "./usage-error.js";
import type { Io } from "./io.js";

/**
 * `group-spec check`: the drift check needs the schemas and the generator, which only a checkout has, so it
 * runs `scripts/check.ts` of the checkout that holds the current directory.
 */
export async function checkCommand(args: string[], io: Io): Promise<number> {
  if (args.length > 0) throw new UsageError(`check takes no arguments; got ${args.join(" ")}.`, "check");
  const root = findCheckout(process.cwd());
  if (root === undefined) {
    io.stderr.write("group-spec check: not in a group-spec checkout (no scripts/check.ts above this folder).\n");
    return 2;
  }
  const tsx = join(root, "node_modules", ".bin", "tsx");
  const result = spawnSync(tsx, [join(root, "scripts", "check.ts")], { cwd: root, encoding: "utf8" });
  io.stdout.write(result.stdout ?? "");
  io.stderr.write(result.stderr ?? "");
  return result.status ?? 2;
}

function findCheckout(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "scripts", "check.ts")) && existsSync(join(dir, "schemas"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
