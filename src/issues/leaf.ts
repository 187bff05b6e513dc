import type { ValidatorError } from "../../generated/types/validator-error.js";
import type { Issue } from "../issue.js";
import { child } from "../json-pointer.js";
import { formatName, got, label, oneOf, short, typeName, typeWord } from "./describe.js";

/** What the issue model needs of the body: the value at a JSON Pointer. */
export type Lookup = (path: string) => unknown;

/** Maps one validator error (not an `anyOf`) to an issue. */
export function leafIssue(error: ValidatorError, valueAt: Lookup): Issue {
  const path = error.instancePath;
  const p = error.params;
  const value = valueAt(path);
  const at = label(path);
  switch (error.keyword) {
    case "required": {
      const missing = String(p["missingProperty"]);
      return { path: child(path, missing), code: "required", message: `Missing required field \`${short(missing)}\`.` };
    }
    case "additionalProperties": {
      const extra = String(p["additionalProperty"]);
      return {
        path: child(path, extra),
        code: "unknown_property",
        message: `\`${short(extra)}\` is not a field of this object; check its spelling.`,
      };
    }
    case "type":
      return {
        path,
        code: "type",
        message: `${at} must be ${oneOf(String(p["type"]).split(",").map(typeWord))}, not ${typeName(value)}.`,
      };
    case "format":
      return { path, code: "format", message: `${at} must be ${formatName(String(p["format"]))}${got(path, value)}.` };
    case "maxLength":
      return { path, code: "max_length", message: `${at} must be at most ${p["limit"]} characters long.` };
    case "minLength":
      return {
        path,
        code: "min_length",
        message: p["limit"] === 1 ? `${at} must not be empty.` : `${at} must be at least ${p["limit"]} characters long.`,
      };
    case "pattern":
      return { path, code: "pattern", message: `${at} ${patternRule(String(p["pattern"]))}${got(path, value)}.` };
    case "enum":
      return {
        path,
        code: "enum",
        message: `${at} must be one of ${oneOf((p["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)))}${got(path, value)}.`,
      };
    case "const":
      return { path, code: "const", message: `${at} must be ${JSON.stringify(p["allowedValue"])}${got(path, value)}.` };
    case "minimum":
      return { path, code: "minimum", message: `${at} must be at least ${p["limit"]}${got(path, value)}.` };
    case "minItems":
      return { path, code: "min_items", message: `${at} must have at least ${p["limit"]} item${p["limit"] === 1 ? "" : "s"}.` };
    case "maxItems":
      return { path, code: "max_items", message: `${at} must have at most ${p["limit"]} items.` };
    case "maxProperties":
      return { path, code: "max_properties", message: `${at} must have at most ${p["limit"]} keys.` };
    case "not":
      if (error.schemaPath.includes("/patternProperties/")) {
        return { path, code: "trait_name_too_long", message: "A trait name must be at most 255 characters long." };
      }
      return { path, code: "invalid", message: `${at} is not allowed here.` };
    default:
      return { path, code: "invalid", message: `${at} is invalid (${error.keyword}).` };
  }
}

// The patterns the schemas use, as a person would state them.
function patternRule(pattern: string): string {
  if (pattern.startsWith("^[^\\s")) return "must not contain whitespace or control characters";
  if (pattern === "^[0-9]+$") return "must be a string of digits";
  return `must match the pattern ${pattern}`;
}
