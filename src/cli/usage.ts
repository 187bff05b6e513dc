import { KINDS } from "../../generated/validators/index.js";
import { SERVE_USAGE } from "./serve-command.js";

/** Help for `group-spec` and each command. */
export const USAGE: Record<string, string> = {
  main: `Usage: group-spec <command> [options]

Commands:
  validate    Validate Group call bodies: JSON files, NDJSON files or standard input
  translate   Translate a body between dialects (segment ↔ thrivestack, legacy → thrivestack)
  serve       Serve the docs page with its Try it console and the reference API
  check       Regenerate generated/ from schemas/ in a temporary place and fail on any difference

Kinds: ${KINDS.join(", ")}
Run \`group-spec <command> --help\` for a command's options.`,
  validate: `Usage: group-spec validate --kind <kind> [options] [FILE | GLOB ...]

Validates each FILE (or standard input when no FILE is given, or FILE is -) as one JSON body, or with
--ndjson as one body per line. A quoted GLOB ("data/*.json") expands to the files it matches.

Options:
  --kind <kind>        The body kind: ${KINDS.join(", ")}
  --ndjson             One body per line, streamed (a file of any size is never read whole)
  --jobs <n>           With --ndjson: check lines on n threads, the main one and n-1 workers (1: the main
                       thread alone); output in input order. Default auto: the main thread alone for the
                       first 4 MiB, then 2 threads if a core is free (load average <= cores - 1.5), else 1.
                       Memory: 3 pieces of ~1 MiB per worker, plus 4, and their verdicts.
  --format <format>    pretty (default), json (one JSON line per body: {"file","line"?,"valid","issues"})
                       or github (GitHub Actions error annotations)
  --json               The same as --format json
  --max-issues <n>     Report at most n issues per body (default 20)
  -h, --help           Show this help

Prints a summary line "N valid, M invalid" (on standard error with --format json).
Exit status: 0 when every body is valid, 1 when any is invalid, 2 on a usage or read error or when a
worker thread stops.`,
  translate: `Usage: group-spec translate --from <kind> --to <kind> [FILE]

Reads one JSON body of kind --from (FILE or standard input), validates it, and prints it translated to
kind --to. Translations: segment → thrivestack, thrivestack → segment, segment-batch → thrivestack,
thrivestack → segment-batch, thrivestack-legacy → thrivestack.

Exit status: 0 translated, 1 when the body is invalid or cannot be translated (issues on standard error),
2 on a usage or read error.`,
  serve: SERVE_USAGE,
  check: `Usage: group-spec check

Run in a group-spec checkout: regenerates generated/ from schemas/ into a temporary folder and fails,
naming the files, when anything differs from what is committed.

Exit status: 0 when generated/ is up to date, 1 when it differs, 2 outside a checkout.`,
};
