import type { ValidatorError } from "../../generated/types/validator-error.js";
import type { Issue } from "../issue.js";
import { child } from "../json-pointer.js";
import { formatName, label, oneOf, typeName, typeWord } from "./describe.js";
import { isObject } from "../traits/locate.js";
import { issuesFromValidator, type Context } from "./from-validator.js";

/**
 * The issues of a failed `anyOf`, from its branches' errors: the branch that got furthest into the value is
 * the one the sender meant. Branches that failed on the value's own type, or on a message's `type` (which
 * only says what kind of message a branch is for), are set aside first.
 */
export function anyOfIssues(
  error: ValidatorError,
  branches: ValidatorError[][],
  special: "identity" | "too_deep" | undefined,
  context: Context,
): Issue[] {
  const path = error.instancePath;
  const value = context.valueAt(path);
  if (special === "identity" && isObject(value) && !("userId" in value) && !("anonymousId" in value)) {
    return [{ path, code: "identity", message: "Either `userId` or `anonymousId` is required." }];
  }
  if (special === "too_deep" && typeof value === "object" && value !== null) {
    return [{ path, code: "too_deep", message: `${label(path)} is nested too deeply: trait values may nest at most 3 levels.` }];
  }
  const tried = branches;
  const matching = tried.filter((errors) => !errors.some((e) => isMismatch(e, path)));
  if (matching.length === 0) return [typeIssue(path, value, tried.flat())];
  const formats = matching.flat();
  if (matching.length > 1 && formats.every((e) => e.keyword === "format" && e.instancePath === path)) {
    const names = formats.map((e) => formatName(String(e.params["format"])));
    return [{ path, code: "format", message: `${label(path)} must be ${oneOf(names)}.` }];
  }
  const best = matching.reduce((a, b) => (depth(b) > depth(a) ? b : a));
  return issuesFromValidator(best, context);
}

/** The branch was for another type of value, or another type of message. */
function isMismatch(error: ValidatorError, path: string): boolean {
  if (error.keyword === "type" && error.instancePath === path) return true;
  return (error.keyword === "const" || error.keyword === "not") && error.instancePath === child(path, "type");
}

function typeIssue(path: string, value: unknown, errors: readonly ValidatorError[]): Issue {
  const types = [
    ...new Set(errors.filter((e) => e.keyword === "type").flatMap((e) => String(e.params["type"]).split(","))),
  ];
  return { path, code: "type", message: `${label(path)} must be ${oneOf(types.map(typeWord))}, not ${typeName(value)}.` };
}

/** How far into the value a branch got: the longest path among its errors. */
function depth(errors: readonly ValidatorError[]): number {
  return Math.max(...errors.map((e) => e.instancePath.length));
}
