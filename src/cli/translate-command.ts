import { parseArgs } from "node:util";
import { GroupSpecError } from "../group-spec-error.js";
import { DEFAULT_LIMITS } from "../limits.js";
import { translate, TranslationError, TRANSLATIONS } from "../translate/index.js";
import { isKind, KINDS } from "../validate.js";
import { checkBody, wholeBody } from "./bodies.js";
import type { Io } from "./io.js";
import { UsageError } from "./usage-error.js";

/**
 * `group-spec translate --from <kind> --to <kind> [FILE]`: prints the body translated to the other dialect
 * (exit 0), or the issues that stop it on standard error (exit 1).
 */
export async function translateCommand(args: string[], io: Io): Promise<number> {
  const { translation, file } = options(args);
  const { from } = translation;
  const input = await wholeBody(file, io.stdin, DEFAULT_LIMITS.bodyBytes);
  const parsed = checkBody(from, input);
  if (!parsed.ok) {
    for (const issue of parsed.issues) io.stderr.write(`${file}: ${issue.path || "/"}  ${issue.code}  ${issue.message}\n`);
    return 1;
  }
  try {
    io.stdout.write(`${JSON.stringify(translate(parsed.value, translation), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof TranslationError) && !(error instanceof GroupSpecError)) throw error;
    for (const issue of error.issues) io.stderr.write(`${file}: ${issue.path || "/"}  ${issue.code}  ${issue.message}\n`);
    return 1;
  }
}

function options(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { from: { type: "string" }, to: { type: "string" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message, "translate");
  }
  const { values, positionals } = parsed;
  for (const flag of ["from", "to"] as const) {
    const kind = values[flag];
    if (kind === undefined) throw new UsageError(`--${flag} is required.`, "translate");
    if (!isKind(kind)) throw new UsageError(`Unknown kind "${kind}"; expected one of ${KINDS.join(", ")}.`, "translate");
  }
  const translation = TRANSLATIONS.find((t) => t.from === values.from && t.to === values.to);
  if (translation === undefined) {
    const pairs = TRANSLATIONS.map((t) => `${t.from} → ${t.to}`).join(", ");
    throw new UsageError(`No translation from ${values.from} to ${values.to}; the package translates ${pairs}.`, "translate");
  }
  if (positionals.length > 1) throw new UsageError("translate takes one FILE (or standard input).", "translate");
  return { translation, file: positionals[0] ?? "-" };
}
