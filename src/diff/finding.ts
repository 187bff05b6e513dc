import type { Direction } from "./change.js";
import type { Side } from "./spec.js";
import type { Witness } from "./witness.js";

/**
 * A change's class, in the direction that matters for its side: a request that accepts less, or a response
 * that may hold more, is `breaking`; the other way is `compatible`; a change no witness confirmed is
 * `unconfirmed`; a change of no verdict (a property named, a schema added) is `info`.
 */
export type ChangeClass = "breaking" | "compatible" | "unconfirmed" | "info";

/** One reported change: where, what, its class, and the witness that confirms it. */
export interface Finding {
  readonly slot: string;
  readonly side: Side;
  /** Where in the body: a JSON Pointer with `*` for any item, `{other}` for an unlisted member. */
  readonly at: string;
  readonly keyword: string;
  readonly direction: Direction;
  readonly summary: string;
  readonly class: ChangeClass;
  /** Who it breaks or concerns, in a line. */
  readonly note: string;
  readonly witness?: Witness;
  /** How many bodies the search tried. */
  readonly tried: number;
}

/** The class of a change from the witnesses found, and the note that says for whom. */
export function classify(side: Side, direction: Direction, narrowed: Witness | undefined, widened: Witness | undefined): Pick<Finding, "class" | "note" | "witness"> {
  if (direction === "none") return { class: "info", note: "changes no verdict" };
  const breaking = side === "request" ? narrowed : widened;
  const compatible = side === "request" ? widened : narrowed;
  if (breaking !== undefined) {
    const note = side === "request" ? "breaking for senders: NEW refuses a body OLD accepts" : "breaking for receivers: NEW may send a body OLD's clients refuse";
    return { class: "breaking", note, witness: breaking };
  }
  if (compatible !== undefined) {
    const note = side === "request" ? "compatible for senders; receivers must now accept more" : "compatible for receivers: NEW sends less than OLD allowed";
    return { class: "compatible", note, witness: compatible };
  }
  return { class: "unconfirmed", note: "could not confirm: no body tried is accepted by one side and refused by the other" };
}
