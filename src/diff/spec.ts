import type { Json } from "../json-schema/json.js";

/** Whether a body is sent to the API (a request) or by it (a response): it decides which way breaks. */
export type Side = "request" | "response";

/** One body a document describes: an operation's request or response, or one file of a schema folder. */
export interface Slot {
  /** `POST /v1/group request`, `POST /v1/group 400 response`, or the file name. */
  readonly name: string;
  readonly side: Side;
  /** The document key and the JSON Pointer of the body's schema in it. */
  readonly doc: string;
  readonly pointer: string;
  /** Example bodies the document gives for it. */
  readonly examples: readonly Json[];
}

/** One side of a diff, read: its documents (by key), the bodies they describe and its version. */
export interface Spec {
  /** What the user named: a path or a git ref. */
  readonly source: string;
  readonly version: string | undefined;
  readonly documents: ReadonlyMap<string, Json>;
  readonly slots: readonly Slot[];
}
