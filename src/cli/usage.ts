import { KINDS } from "../../generated/validators/index.js";

/** Help for `group-spec` and each command. */
export const USAGE: Record<string, string> = {
  main: `Usage: group-spec <command> [options]

Commands:
  validate   Validate Group call bodies (JSON files or standard input)
  check      Regenerate generated/ from schemas/ in a temporary place and fail on any difference

Run \`group-spec <command> --help\` for a command's options.`,
  validate: `Usage: group-spec validate --kind <kind> [--json] [FILE ...]

Validates each FILE (or standard input when no FILE, or FILE is -) as one JSON body.

Options:
  --kind <kind>  The body kind: ${KINDS.join(", ")}
  --json         Print one JSON line per body: {"file","valid","issues"}
  -h, --help     Show this help

Exit status: 0 when every body is valid, 1 when any is invalid, 2 on a usage or read error.`,
  check: `Usage: group-spec check

Run in a group-spec checkout: regenerates generated/ from schemas/ into a temporary folder and fails,
naming the files, when anything differs from what is committed.

Exit status: 0 when generated/ is up to date, 1 when it differs, 2 outside a checkout.`,
};
