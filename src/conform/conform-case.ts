import type { Json } from "../json-schema/json.js";

/** How a case authenticates: with the key given, with none, or with a wrong one. */
export type Credentials = "key" | "none" | "wrong";

/** One request the runner sends and the answer it expects. */
export interface ConformCase {
  /** The corpus file (`segment/body-null.json`) or the check's name (`auth/no-key`). */
  readonly name: string;
  readonly description: string;
  /** The request body, as sent. */
  readonly text: string;
  readonly credentials: Credentials;
  readonly status: 200 | 400 | 401 | 413;
  /** The issue paths the corpus expects, for the warning that compares them; absent when not compared. */
  readonly paths?: readonly string[];
}

/** What one case's answer showed: `errors` make it fail, `warnings` are reported apart. */
export interface CaseResult {
  readonly name: string;
  readonly description: string;
  readonly expected: number;
  /** The status received, or `0` when no answer came. */
  readonly status: number;
  readonly ok: boolean;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly ms: number;
}

/** A body as JSON text. */
export function textOf(body: Json): string {
  return JSON.stringify(body);
}
