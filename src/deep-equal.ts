/**
 * Whether two JSON values are equal: scalars by `===` (so `0` equals `-0`), arrays item by item in order,
 * objects by their own enumerable keys regardless of key order. An array never equals an object.
 *
 * The walk keeps its own stack instead of recursing, so a value nested 100,000 levels deep cannot overflow
 * the call stack; a pair of objects already under comparison counts as equal, so cycles end too.
 *
 * @example
 * deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }) // true
 * deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 })             // true: key order does not count
 * deepEqual([1, 2], [2, 1])                             // false: item order does
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  // Pairs already pushed: a value reached twice (shared or cyclic) is compared once.
  const seen = new WeakMap<object, WeakSet<object>>();
  let pair: [unknown, unknown] | undefined;
  while ((pair = stack.pop()) !== undefined) {
    const [x, y] = pair;
    if (x === y) continue;
    if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
    const pairs = seen.get(x) ?? new WeakSet<object>();
    if (pairs.has(y)) continue;
    pairs.add(y);
    seen.set(x, pairs);
    if (Array.isArray(x) || Array.isArray(y)) {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) stack.push([x[i], y[i]]);
      continue;
    }
    const xs = x as Record<string, unknown>;
    const ys = y as Record<string, unknown>;
    const keys = Object.keys(xs);
    if (keys.length !== Object.keys(ys).length) return false;
    for (const key of keys) {
      if (!Object.prototype.propertyIsEnumerable.call(ys, key)) return false;
      stack.push([xs[key], ys[key]]);
    }
  }
  return true;
}
