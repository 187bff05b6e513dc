/**
 * Everything the bench times on the same payloads, side by side: the package's generated validator and its
 * `validate()`, the hand-written check, Ajv (full and fast formats), TypeBox's TypeCompiler, zod, valibot, and
 * JSON.parse of the same bytes.
 */

import { validators, type Kind } from "../generated/validators/index.js";
import { validate } from "../src/index.js";
import { ajvValidators } from "./peers/ajv.js";
import { handWritten } from "./peers/hand-written.js";
import { typeboxValidators } from "./peers/typebox.js";
import { valibotValidators } from "./peers/valibot.js";
import { zodValidators } from "./peers/zod.js";

/** One thing the bench times: a verdict on a parsed body, or (JSON.parse) the parse of its text. */
export interface Contender {
  readonly name: string;
  /** Takes the JSON text instead of the parsed body. */
  readonly onText: boolean;
  readonly check: Record<Kind, (input: never) => unknown>;
}

/** The contender the ratios divide by, and the one whose verdicts the others are compared with. */
export const HAND_WRITTEN = "hand-written";
export const PACKAGE = "group-spec";
export const JSON_PARSE = "JSON.parse";
export const AJV_FAST = "ajv fast formats";

const perKind = <T>(f: (kind: Kind) => T): Record<Kind, T> =>
  Object.fromEntries((Object.keys(validators) as Kind[]).map((kind) => [kind, f(kind)])) as Record<Kind, T>;

/** The contenders, in the column order of the printed table. */
export function contenders(): Contender[] {
  const ajvFull = ajvValidators("full");
  const ajvFast = ajvValidators("fast");
  const typebox = typeboxValidators();
  return [
    { name: PACKAGE, onText: false, check: perKind((kind) => validators[kind]) },
    { name: "validate()", onText: false, check: perKind((kind) => (body: unknown) => validate(kind, body).ok) },
    { name: HAND_WRITTEN, onText: false, check: handWritten },
    { name: "ajv full formats", onText: false, check: ajvFull },
    { name: AJV_FAST, onText: false, check: ajvFast },
    { name: "typebox compiler", onText: false, check: typebox },
    { name: "zod 4", onText: false, check: zodValidators },
    { name: "valibot 1", onText: false, check: valibotValidators },
    { name: JSON_PARSE, onText: true, check: perKind(() => (text: string) => JSON.parse(text)) },
  ];
}
