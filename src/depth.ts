import type { Issue } from "./issue.js";
import { child } from "./json-pointer.js";

/** One container on the walk's stack: its value, its depth, and the entry it sits in (for its path). */
interface Entry {
  readonly value: object;
  readonly depth: number;
  readonly up: Entry | undefined;
  readonly token: string;
}

/**
 * A `too_deep` issue for the first array or object nested deeper than `maxDepth` levels (the body itself is
 * level 1), or `undefined`. Walks with an explicit stack, so no depth can overflow it; a container met again
 * (shared) is walked again only when met deeper than before, so a cycle ends as too deep; builds the path of the
 * container it reports only. Own properties only.
 */
export function depthIssue(body: unknown, maxDepth: number): Issue | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const stack: Entry[] = [{ value: body, depth: 1, up: undefined, token: "" }];
  const deepest = new Map<object, number>();
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (entry.depth > maxDepth) {
      return { path: pathOf(entry), code: "too_deep", message: `The body is nested more than ${maxDepth} levels deep.` };
    }
    if ((deepest.get(entry.value) ?? 0) >= entry.depth) continue;
    deepest.set(entry.value, entry.depth);
    const children: [string, unknown][] = Array.isArray(entry.value)
      ? entry.value.map((item, i) => [String(i), item])
      : Object.entries(entry.value);
    for (let i = children.length - 1; i >= 0; i--) {
      const [token, value] = children[i]!;
      if (typeof value === "object" && value !== null) stack.push({ value, depth: entry.depth + 1, up: entry, token });
    }
  }
  return undefined;
}

function pathOf(entry: Entry): string {
  const tokens: string[] = [];
  for (let e: Entry | undefined = entry; e?.up !== undefined; e = e.up) tokens.push(e.token);
  return tokens.reverse().reduce((path, token) => child(path, token), "");
}
