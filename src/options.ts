/** How many issues `validate` reports by default. */
export const MAX_ISSUES = 20;

/** The options of `validate` as numbers it can use, whatever the caller passed. */
export interface ReadOptions {
  readonly maxIssues: number;
  readonly maxDepth: number | undefined;
}

/**
 * Reads `maxIssues` and `maxDepth` from whatever a caller passed: `undefined`, `null` or a non-object mean the
 * defaults, and a value that is not a number, or is `NaN`, means the default for that option. Reads each
 * option once (a getter runs once). `maxIssues` is at least 1; `maxDepth` at least 0; both integers.
 */
export function readOptions(options: unknown): ReadOptions {
  if (typeof options !== "object" || options === null) return { maxIssues: MAX_ISSUES, maxDepth: undefined };
  const { maxIssues, maxDepth } = options as { maxIssues?: unknown; maxDepth?: unknown };
  return {
    maxIssues: typeof maxIssues === "number" && !Number.isNaN(maxIssues) ? Math.max(1, Math.floor(maxIssues)) : MAX_ISSUES,
    maxDepth: typeof maxDepth === "number" && !Number.isNaN(maxDepth) ? Math.max(0, Math.floor(maxDepth)) : undefined,
  };
}
