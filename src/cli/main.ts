import { checkCommand } from "./check-command.js";
import { serveCommand } from "./serve-command.js";
import { translateCommand } from "./translate-command.js";
import { USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";
import type { Io } from "./io.js";
import { ReadError } from "./read-error.js";
import { validateCommand } from "./validate-command.js";

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  validate: validateCommand,
  translate: translateCommand,
  serve: serveCommand,
  check: checkCommand,
  // Loaded when run: they compile schemas with Ajv, which no other command needs at start-up.
  diff: async (args, io) => (await import("./diff-command.js")).diffCommand(args, io),
  conform: async (args, io) => (await import("./conform-command.js")).conformCommand(args, io),
};

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit status. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout.write(`${USAGE["main"]}\n`);
    return command === undefined ? 2 : 0;
  }
  // Own keys only: `constructor` or `toString` is not a command.
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (run === undefined) return usageError(new UsageError(`Unknown command "${command}".`), io);
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(`${USAGE[command as keyof typeof USAGE]}\n`);
    return 0;
  }
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error, io);
    if (error instanceof ReadError) {
      io.stderr.write(`group-spec: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function usageError(error: UsageError, io: Io): number {
  const hint = error.command === "main" ? "group-spec --help" : `group-spec ${error.command} --help`;
  io.stderr.write(`group-spec: ${error.message}\nSee \`${hint}\`.\n`);
  return 2;
}
