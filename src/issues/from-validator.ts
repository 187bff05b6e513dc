import type { ValidatorError } from "../../generated/types/validator-error.js";
import type { Issue } from "../issue.js";
import { child } from "../json-pointer.js";
import { formatName, label, oneOf, typeName, typeWord } from "./describe.js";
import { leafIssue, type Lookup } from "./leaf.js";

/**
 * Turns the errors of a generated validator (which stops at the first failure) into the one issue a person
 * needs. Ajv reports an `anyOf` failure after the errors of every branch it tried; this walks back from the
 * `anyOf` to the branch that matters: the one that got past the type check at the failing path.
 */
export function issuesFromValidator(errors: readonly ValidatorError[], valueAt: Lookup): Issue[] {
  const last = errors.at(-1);
  if (last === undefined) return [];
  if (last.keyword !== "anyOf") return [leafIssue(last, valueAt)];
  return [anyOfIssue(last, errors.slice(0, -1), valueAt)];
}

function anyOfIssue(error: ValidatorError, tried: readonly ValidatorError[], valueAt: Lookup): Issue {
  const path = error.instancePath;
  const value = valueAt(path);
  if (error.schemaPath.includes("Identity/anyOf") && !hasIdentity(value)) {
    return { path, code: "identity", message: "Either `userId` or `anonymousId` is required." };
  }
  if (/TraitValueDepth0\/anyOf$/.test(error.schemaPath) && typeof value === "object" && value !== null) {
    return {
      path,
      code: "too_deep",
      message: `${label(path)} is nested too deeply: trait values may nest at most 3 levels.`,
    };
  }
  // A `type`/`const`/`not` failure at `<path>/type` only says which kind of message a branch was for.
  const relevant = tried.filter((e) => !(e.instancePath === child(path, "type") && isDiscriminator(e)));
  const index = findLastIndex(relevant, (e) => e.instancePath.startsWith(`${path}/`) || e.keyword === "anyOf");
  if (index >= 0) return issuesFromValidator(relevant.slice(0, index + 1), valueAt)[0]!;
  return sameLevelIssue(path, value, relevant, valueAt);
}

/** Every branch failed at the value itself: say what it could have been. */
function sameLevelIssue(path: string, value: unknown, errors: readonly ValidatorError[], valueAt: Lookup): Issue {
  const notType = errors.filter((e) => e.keyword !== "type");
  if (notType.length === 0) {
    const types = [...new Set(errors.flatMap((e) => String(e.params["type"]).split(",")))];
    return { path, code: "type", message: `${label(path)} must be ${oneOf(types.map(typeWord))}, not ${typeName(value)}.` };
  }
  if (notType.every((e) => e.keyword === "format")) {
    const formats = notType.map((e) => formatName(String(e.params["format"])));
    return { path, code: "format", message: `${label(path)} must be ${oneOf(formats)}.` };
  }
  return leafIssue(notType[0]!, valueAt);
}

function isDiscriminator(error: ValidatorError): boolean {
  return error.keyword === "const" || error.keyword === "not";
}

function hasIdentity(value: unknown): boolean {
  return typeof value === "object" && value !== null && ("userId" in value || "anonymousId" in value);
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
