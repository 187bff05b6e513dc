import fc from "fast-check";
import { preview } from "./properties.js";

/**
 * The failure of a property run, told in a few lines: the seed and path that replay it, the shrunk
 * counterexample cut to 2,000 characters (fast-check's own report prints bodies of megabytes whole), and the
 * invariant that broke.
 */
export function describeFailure<T>(details: fc.RunDetails<T>, reproduce: string): string | undefined {
  if (!details.failed) return undefined;
  if (details.counterexample === null) {
    return `The property stopped after ${details.numRuns} runs (${details.interrupted ? "interrupted" : "too many skips"}). ${reproduce}`;
  }
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return [
    `Property failed after ${details.numRuns} runs and ${details.numShrinks} shrinks.`,
    `Reproduce: ${reproduce} (fast-check seed ${details.seed}, path "${details.counterexamplePath}")`,
    `Counterexample: ${preview(details.counterexample)}`,
    `Failure: ${error.length > 4000 ? `${error.slice(0, 4000)}…` : error}`,
  ].join("\n");
}

/** Runs a property like `fc.assert`, failing with {@link describeFailure}'s short report. */
export function assertProperty<T>(property: fc.IProperty<T>, params: fc.Parameters<T>, reproduce: string): void {
  const failure = describeFailure(fc.check(property, params), reproduce);
  if (failure !== undefined) throw new Error(failure);
}
