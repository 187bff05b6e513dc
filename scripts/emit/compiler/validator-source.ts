import { IssueCode, ISSUE_HELPERS } from "./issues.js";
import { CODE_POINTS, ModuleScope, type SpelledName } from "./module-scope.js";
import type { JsonObject } from "../plain.js";
import { Definitions, SHARED_HELPERS } from "./schema-model.js";
import { VerdictCode } from "./verdict.js";

/**
 * The source of one body kind's validator module, before bundling: `validate` (the verdict, which builds
 * nothing) and `issues` (the issues of a refused body, at most `max` of them, found in one bounded walk). It
 * imports the format checkers of schemas/formats/, the code-point counter and the issue messages of
 * schemas/issues/, which esbuild then inlines.
 *
 * @param document a self-contained schema document (`$defs` for the named schemas)
 * @param formatFunctions for each format name, the name its checker is exported under by schemas/formats/
 * @param spelled for named object schemas whose keys may spell a name several ways, those names: a body with two
 *   keys of one such object that spell one name is refused (`duplicate_trait`), in the same walk as every rule
 */
export function validatorSource(
  document: JsonObject,
  formatFunctions: Readonly<Record<string, string>>,
  spelled: Readonly<Record<string, readonly SpelledName[]>> = {},
): string {
  const { $defs = {}, ...root } = document;
  const scope = new ModuleScope(new Definitions($defs as JsonObject), formatFunctions, spelled);
  scope.declare(SHARED_HELPERS);
  const verdict = new VerdictCode(scope);
  const issueCode = new IssueCode(scope, verdict);
  const isBody = verdict.ofRoot(root);
  scope.declare(ISSUE_HELPERS);
  const issuesOfBody = issueCode.ofRoot(root);
  return `${scope.importLines(CODE_POINTS)}
import { issueMessage } from "./schemas/issues/messages.ts";

${scope.body()}

/** Whether a value is a valid body. Builds nothing; never throws for JSON data. */
function validate(data) {
  return ${isBody}(data);
}

/**
 * The issues of a body, at most \`max\` of them (at least one), in document order; none when it is valid (the
 * verdict runs first, so a valid body costs no more than \`validate\`).
 * A body that breaks a count limit (too many items or keys) is answered by that issue alone.
 */
function issues(data, max) {
  if (${isBody}(data)) return [];
  const o = collector(max >= 1 ? max : 1);
  ${issuesOfBody}(data, "", o);
  // The verdict and the walk state every rule alike; this stands in should they ever disagree.
  if (o.list.length === 0) o.list.push({ path: "", code: "invalid", message: "The body is invalid." });
  return o.list;
}

export { validate as default, validate, issues };
`;
}
