import type { Issue } from "./issue.js";
import { child } from "./json-pointer.js";

/**
 * A `too_deep` issue for the first array or object nested deeper than `maxDepth` levels (the body itself is
 * level 1), or `undefined`. Walks with an explicit stack, so no depth can overflow it, and stops at the first
 * container past the limit. The schemas bound the depth of segment traits only; this bounds the rest (custom
 * ThriveStack traits and contexts may hold any JSON value), as `validateJson` does while parsing.
 */
export function depthIssue(body: unknown, maxDepth: number): Issue | undefined {
  // The common case costs one walk with no strings built; the path is found only for a body that fails.
  if (!exceeds(body, maxDepth)) return undefined;
  const stack: [value: unknown, depth: number, path: string][] = [[body, 1, ""]];
  while (stack.length > 0) {
    const [value, depth, path] = stack.pop()!;
    if (typeof value !== "object" || value === null) continue;
    if (depth > maxDepth) return { path, code: "too_deep", message: `The body is nested more than ${maxDepth} levels deep.` };
    const entries = Array.isArray(value) ? value.map((item, i) => [i, item] as const) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], depth + 1, child(path, entries[i]![0])]);
  }
  return undefined;
}

/**
 * Whether any container sits deeper than `levelsLeft` more levels. Recursive, but never more than
 * `maxDepth` + 1 calls deep: it answers `true` as soon as the levels run out.
 */
function exceeds(value: unknown, levelsLeft: number): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (levelsLeft === 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (exceeds(value[i], levelsLeft - 1)) return true;
    return false;
  }
  for (const key of Object.keys(value)) {
    if (exceeds((value as Record<string, unknown>)[key], levelsLeft - 1)) return true;
  }
  return false;
}
