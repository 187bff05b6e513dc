import { CONTAINER_HEADER, HEAP_NUMBER, PROPERTY, SLOT, stringHeap } from "../server/value-size.js";

/** What {@link measure} finds of a parsed JSON value. */
export interface Measure {
  /** Estimated heap bytes, as `JSON.parse` built it (64-bit V8); at least `limit` when the walk stopped there. */
  readonly heap: number;
  /** Whether the value nests no deeper than `maxDepth` and was walked whole within `limit`. */
  readonly keepable: boolean;
}

/**
 * Estimates the heap bytes of a JSON value, as `sizeOf` counts them, but without recursion, so a body nested 100,000 deep (which
 * `JSON.parse` accepts, and validation then refuses) costs a bounded walk and no stack: the walk stops once
 * the estimate reaches `limit` or the nesting passes `maxDepth`, and the value is then not `keepable`.
 */
export function measure(value: unknown, limit: number, maxDepth: number): Measure {
  const stack: [unknown, number][] = [[value, 1]];
  let heap = 0;
  while (stack.length > 0) {
    const [x, depth] = stack.pop()!;
    if (typeof x === "string") heap += stringHeap(x);
    else if (typeof x !== "object" || x === null) heap += HEAP_NUMBER;
    else {
      if (depth > maxDepth) return { heap: Math.max(heap, limit), keepable: false };
      heap += CONTAINER_HEADER;
      if (Array.isArray(x)) {
        heap += SLOT * x.length;
        for (const item of x) stack.push([item, depth + 1]);
      } else {
        for (const key of Object.keys(x)) {
          heap += PROPERTY + stringHeap(key);
          stack.push([(x as Record<string, unknown>)[key], depth + 1]);
        }
      }
    }
    if (heap >= limit) return { heap, keepable: false };
  }
  return { heap, keepable: true };
}
