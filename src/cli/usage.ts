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
  diff        Compare two versions of the schemas; confirm each breaking change with a witness body
  conform     Send the conformance corpus to a running implementation and check its answers

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
  diff: `Usage: group-spec diff OLD NEW [--format pretty|json|github] [--corpus DIR]

Compares two versions of the Group API's schemas, body by body, and confirms each change with a witness: a
body one version's validator accepts and the other's refuses. OLD and NEW are each an OpenAPI document, a JSON
Schema file or folder, or a git ref of the checkout here (REF reads REF:generated/openapi.json; REF:path that
file). A request that accepts less is breaking for senders; a response that may hold more is breaking for
receivers; a change no witness confirms is reported as "could not confirm".

Options:
  --format <format>  pretty (default), json (one JSON document) or github (GitHub Actions annotations)
  --corpus <dir>     Seed bodies from this conformance corpus (default: the one the package ships)
  -h, --help         Show this help

Exit status: 0 when nothing breaks (or NEW's major version, before 1.0 its minor, went up), 1 on a confirmed
breaking change, 2 on a usage or read error.`,
  conform: `Usage: group-spec conform --url BASE --kind <kind> --key KEY [options]

Sends every conformance corpus case of one kind to a running implementation of the Group API, at BASE plus
the kind's path (nothing else is ever asked), with the kind's credentials, and checks each answer: the status
(200 valid, 400 invalid, 413 too large, 401 without a key and with a wrong one), that the body matches the
operation's response schema for that status in the OpenAPI document, and (as a warning only) whether the issue
paths it names are the corpus's. A 429 is waited out (Retry-After, at most 5 s) and retried up to 3 times.

Options:
  --url <base>          The implementation's base URL (http or https)
  --kind <kind>         ${KINDS.join(", ")}
  --key <key>           A key the implementation accepts
  --format <format>     pretty (default: the failing cases and warnings) or json (one JSON document)
  --junit <file>        Also write JUnit XML, one testcase per case, for CI systems
  --concurrency <n>     Requests in flight at once, 1 to 64 (default 4)
  --timeout <ms>        The longest wait for one answer (default 10000)
  --corpus <dir>        Another corpus folder (default: the one the package ships, test/conformance/)
  -h, --help            Show this help

Exit status: 0 when every case conforms, 1 when any does not, 2 on a usage or read error.`,
};
