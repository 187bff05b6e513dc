import type { Issue } from "../issue.js";

/** Most issues a translation reports, as `validate` does by default. */
const MAX_ISSUES = 20;

/**
 * What a translation records while it builds the target body: where each output value came from in the input,
 * so that a target's verdict on the output can point into the input, and the parts the mapping does not cover.
 */
export class Trace {
  readonly #sources = new Map<string, string>();
  readonly #issues: Issue[] = [];

  /** Records that the output at pointer `output` holds the input at pointer `input` (and so do their children). */
  link(output: string, input: string): void {
    this.#sources.set(output, input);
  }

  /** The input pointer an output pointer came from: the longest linked prefix, with the rest appended. */
  inputPath(output: string): string {
    for (let end = output.length; end >= 0; end = output.lastIndexOf("/", end - 1)) {
      const source = this.#sources.get(output.slice(0, end));
      if (source !== undefined) return source + output.slice(end);
      if (end === 0) break;
    }
    return output;
  }

  /** Records a part of the input the mapping does not cover, once (a batch envelope is read for every message). */
  notCovered(input: string, message: string): void {
    if (this.#issues.length >= MAX_ISSUES || this.#issues.some((issue) => issue.path === input)) return;
    this.#issues.push({ path: input, code: "invalid", message });
  }

  /** The parts not covered, in the order found. */
  get issues(): readonly Issue[] {
    return this.#issues;
  }
}

/** A key as quoted in a message: long keys are cut, so that a message never echoes much of the input. */
export function quote(key: string): string {
  return `\`${key.length > 64 ? `${key.slice(0, 64)}…` : key}\``;
}
