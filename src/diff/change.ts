import type { Json } from "../json-schema/json.js";
import type { Side } from "./spec.js";
import type { Step } from "./step.js";

/**
 * Which way a change moves what the schema accepts, as read from the keywords: `narrowed` refuses bodies it
 * accepted, `widened` accepts bodies it refused, `changed` may do either, `none` changes no verdict.
 */
export type Direction = "narrowed" | "widened" | "changed" | "none";

/** A value to try at a change's place: set it, or delete the member, or values made from the one there. */
export type Probe =
  | { readonly kind: "set"; readonly value: Json }
  | { readonly kind: "delete" }
  | { readonly kind: "derive"; readonly make: (current: Json | undefined) => Json[] };

/** One difference between OLD's and NEW's schema of a body, before any witness is looked for. */
export interface Change {
  readonly slot: string;
  readonly side: Side;
  /** Where in the body it applies. */
  readonly steps: readonly Step[];
  readonly keyword: string;
  readonly direction: Direction;
  /** What changed, in a line: `maxLength 255 → 100`. */
  readonly summary: string;
  readonly probes: readonly Probe[];
  /** Whether the search also tries the general sample values and the strings of the seed bodies. */
  readonly broad: boolean;
}
