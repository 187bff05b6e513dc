// Walks over JSON values with explicit stacks, never recursion: the hostile-size tests build values 100,000
// levels deep, and the test code must not be the thing that overflows.

/** Freezes a value and everything in it. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== "object" || item === null || seen.has(item)) continue;
    seen.add(item);
    Object.freeze(item);
    for (const child of Object.values(item)) stack.push(child);
  }
  return value;
}

/** Nesting depth: 0 for a scalar, one more per array or object level. */
export function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== "object" || item === null) continue;
    max = Math.max(max, depth + 1);
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return max;
}

/** `levels` arrays around `inner`, built in a loop: `[[[inner]]]`. */
export function nestedArrays(levels: number, inner: unknown = 1): unknown {
  let value = inner;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

/** `levels` objects around `inner`, each holding the next under `key`. */
export function nestedObjects(levels: number, inner: unknown = 1, key = "a"): unknown {
  let value = inner;
  for (let i = 0; i < levels; i++) value = Object.fromEntries([[key, value]]);
  return value;
}

/** The value a JSON Pointer names in `root`, following own properties only; `found` is false when it names nothing. */
export function resolvePointer(root: unknown, pointer: string): { found: boolean; value: unknown } {
  if (pointer === "") return { found: true, value: root };
  let value = root;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, token)) return { found: false, value: undefined };
    value = (value as Record<string, unknown>)[token];
  }
  return { found: true, value };
}
