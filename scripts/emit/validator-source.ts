import { ErrorCode, ERROR_HELPERS } from "./error-code.js";
import { CODE_POINTS, ModuleScope } from "./module-scope.js";
import type { JsonObject } from "./plain.js";
import { Definitions } from "./schema-model.js";
import { VerdictCode } from "./verdict-code.js";

/**
 * The source of one body kind's validator module, before bundling: `validate` (the verdict, and on `false` the
 * first error as Ajv reports it with `allErrors: false`) and `details` (every error, as with `allErrors: true`).
 * It imports the format checkers of schemas/formats/ and the code-point counter, which esbuild then inlines.
 *
 * @param document a self-contained schema document (`$defs` for the named schemas)
 * @param formatFunctions for each format name, the name its checker is exported under by schemas/formats/
 */
export function validatorSource(document: JsonObject, formatFunctions: Readonly<Record<string, string>>): string {
  const { $defs = {}, ...root } = document;
  const scope = new ModuleScope(new Definitions($defs as JsonObject), formatFunctions);
  const verdict = new VerdictCode(scope);
  const errors = new ErrorCode(scope, verdict);
  const isBody = verdict.ofRoot(root);
  scope.declare(ERROR_HELPERS);
  const checkBody = errors.ofRoot(root);
  return `${scope.importLines(CODE_POINTS)}

${scope.body()}

/** The errors of a body the verdict refused: the first (and its anyOf's branches), or all. */
function errorsOf(data, allErrors) {
  const e = [];
  stopped = null;
  ${checkBody}(data, "", "#", e, allErrors, false);
  const first = stopped;
  stopped = null;
  return first === null ? e : [first];
}

/** Checks a body; on \`false\`, \`validate.errors\` holds the first error found. */
function validate(data) {
  if (${isBody}(data)) {
    validate.errors = null;
    return true;
  }
  validate.errors = errorsOf(data, false);
  return false;
}
validate.errors = null;

/** Checks a body and lists every error in \`details.errors\`; meant for a body \`validate\` refused. */
function details(data) {
  const errors = ${isBody}(data) ? [] : errorsOf(data, true);
  details.errors = errors.length === 0 ? null : errors;
  return errors.length === 0;
}
details.errors = null;

export { validate as default, validate, details };
`;
}
