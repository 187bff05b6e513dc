import { formatName, got, label, oneOf, short, typeName, typeWord } from "./describe.js";

/**
 * The message of an issue a generated validator reports, from its code, where it is, the value there and the
 * keyword's parameter (a limit, a format, the allowed values, a member name). Bundled into every validator,
 * so that each issue leaves the generated code complete: `{ path, code, message }`.
 */
export function issueMessage(code: string, path: string, value: unknown, param: unknown): string {
  const at = label(path);
  switch (code) {
    case "required":
      return `Missing required field \`${short(String(param))}\`.`;
    case "unknown_property":
      return `\`${short(lastKey(path))}\` is not a field of this object; check its spelling.`;
    case "type":
      return `${at} must be ${oneOf((param as readonly string[]).map(typeWord))}, not ${typeName(value)}.`;
    case "format":
      return `${at} must be ${oneOf((param as readonly string[]).map(formatName))}${got(path, value)}.`;
    case "max_length":
      return `${at} must be at most ${param} characters long.`;
    case "min_length":
      return param === 1 ? `${at} must not be empty.` : `${at} must be at least ${param} characters long.`;
    case "pattern":
      return `${at} ${param === null ? nowhereRule(path) : patternRule(String(param))}${got(path, value)}.`;
    case "enum":
      return `${at} must be one of ${oneOf((param as readonly unknown[]).map((v) => JSON.stringify(v)))}${got(path, value)}.`;
    case "const":
      return `${at} must be ${JSON.stringify(param)}${got(path, value)}.`;
    case "minimum":
      return `${at} must be at least ${param}${got(path, value)}.`;
    case "min_items":
      return `${at} must have at least ${param} item${param === 1 ? "" : "s"}.`;
    case "max_items":
      return `${at} must have at most ${param} items.`;
    case "max_properties":
      return `${at} must have at most ${param} keys.`;
    case "identity":
      return `Either ${oneOf((param as readonly string[]).map((name) => `\`${name}\``))} is required.`;
    case "too_deep":
      return `${at} is nested too deeply: trait values may nest at most 3 levels.`;
    case "duplicate_trait": {
      const [key, first, name] = param as readonly [string, string, string];
      return `\`${short(key)}\` and \`${short(first)}\` both name the reserved trait \`${name}\`; send one of them.`;
    }
    case "trait_name_too_long":
      return "A trait name must be at most 255 characters long.";
    default:
      return `${at} is not allowed here.`;
  }
}

function lastKey(path: string): string {
  const last = path.slice(path.lastIndexOf("/") + 1);
  return last.replace(/~1/g, "/").replace(/~0/g, "~");
}

function patternRule(pattern: string): string {
  return `must match the pattern ${pattern}`;
}

/**
 * The rules written as `not: { pattern }` (`patternNowhere` in schemas/primitives.ts, portable to Python and
 * RE2) reach here without their pattern; each applies to one member, which names it.
 */
function nowhereRule(path: string): string {
  const key = lastKey(path);
  if (key === "groupId") return "must not contain whitespace or control characters";
  if (key === "employees") return "must be a string of digits";
  return "holds a character that is not allowed here";
}
