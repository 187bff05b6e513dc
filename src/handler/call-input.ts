import type { BodyResult } from "../server/body-result.js";
import type { HeaderReader } from "../server/headers.js";

/** The body of a call: bytes still to be read (at most `maxBytes`, inflated), or a value a framework parsed already. */
export type BodySource =
  | { readonly read: (maxBytes: number) => Promise<BodyResult> }
  | { readonly parsed: unknown }
  | { readonly bytes: string | Uint8Array };

/** A group-operation request, whatever the framework: what the shared handler reads of it. */
export interface CallInput<R> {
  readonly header: HeaderReader;
  /** The client's address, for the failed-authentication limit. */
  readonly remoteAddress: string | undefined;
  readonly body: BodySource;
  /** The framework's own request, handed to `authenticate` and `onAccept`. */
  readonly request: R;
}

/**
 * When a transport should close the connection after the answer: `keep` once the body was read, `unread`
 * when the answer came before reading it (close only if a body is still coming, rather than read a large
 * body only to throw it away), `close` when reading stopped part-way (too large, broken gzip).
 */
export type AfterAnswer = "keep" | "unread" | "close";
