import { ANY_OF_ISSUES } from "../../generated/validators/any-of.js";
import type { Kind } from "../../generated/validators/index.js";
import type { ValidatorError } from "../../generated/types/validator-error.js";
import type { Issue } from "../issue.js";
import { anyOfIssues } from "./any-of.js";
import { leafIssue, type Lookup } from "./leaf.js";

/** What turning validator errors into issues needs to know. */
export interface Context {
  readonly kind: Kind;
  readonly valueAt: Lookup;
}

/**
 * Turns the errors of a generated validator into issues a person can act on. Ajv reports an `anyOf` failure
 * after the errors of every branch it tried, and (the validators being compiled with every `$ref` inlined)
 * a branch's errors carry the `anyOf`'s `schemaPath` followed by the branch's index. Each `anyOf` error and
 * the errors it owns become the issues of the one branch that matters (see `any-of.ts`). Works on a
 * first-error list and on an all-errors list alike.
 */
export function issuesFromValidator(errors: readonly ValidatorError[], context: Context): Issue[] {
  const out: Issue[][] = [];
  let end = errors.length;
  while (end > 0) {
    const last = errors[end - 1]!;
    if (last.keyword !== "anyOf") {
      out.push([leafIssue(last, context.valueAt)]);
      end--;
      continue;
    }
    const prefix = `${last.schemaPath}/`;
    let start = end - 1;
    while (start > 0 && errors[start - 1]!.schemaPath.startsWith(prefix)) start--;
    const special = ANY_OF_ISSUES[context.kind]?.[last.schemaPath];
    out.push(anyOfIssues(last, byBranch(prefix, errors.slice(start, end - 1)), special, context));
    end = start;
  }
  return out.reverse().flat();
}

/** The owned errors, grouped by the branch index that follows the `anyOf`'s path. */
function byBranch(prefix: string, errors: readonly ValidatorError[]): ValidatorError[][] {
  const branches = new Map<string, ValidatorError[]>();
  for (const error of errors) {
    const index = error.schemaPath.slice(prefix.length).split("/", 1)[0]!;
    branches.set(index, [...(branches.get(index) ?? []), error]);
  }
  return [...branches.values()];
}
