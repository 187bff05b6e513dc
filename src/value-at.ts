import { tokens } from "./json-pointer.js";

/** The value a JSON Pointer names in `root`, or `undefined`; reads own properties only. */
export function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const token of tokens(pointer)) {
    if (typeof value !== "object" || value === null || !Object.prototype.hasOwnProperty.call(value, token)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}
