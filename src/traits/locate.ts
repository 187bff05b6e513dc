import { DIALECTS } from "../../generated/dialects.js";
import type { Kind } from "../../generated/validators/index.js";
import { child } from "../json-pointer.js";

/** A message (one group call, or another call of a batch) found in a body, with its JSON Pointer. */
export interface MessageAt {
  readonly path: string;
  readonly message: Record<string, unknown>;
}

/** A traits object found in a body, with its JSON Pointer. */
export interface TraitsAt {
  readonly path: string;
  readonly traits: Readonly<Record<string, unknown>>;
}

/**
 * Calls `visit` with every message of a body, where its dialect puts them (generated/dialects.ts): the body
 * itself, the items of the body, or the items of a member (a batch), with the message's index (`undefined` for
 * the body itself). Reads own properties of plain objects only; anything else is skipped (validation reports
 * it). Builds nothing: the hot path of `validate` on valid bodies.
 */
export function eachMessage(kind: Kind, body: unknown, visit: (message: Record<string, unknown>, index: number | undefined) => void): void {
  const at = DIALECTS[kind].shape.messages;
  if (at.at === "body") {
    if (isObject(body)) visit(body, undefined);
    return;
  }
  const list = at.at === "items" ? body : isObject(body) && Object.hasOwn(body, at.member) ? body[at.member] : undefined;
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const message: unknown = list[i];
    if (isObject(message)) visit(message, i);
  }
}

/** The JSON Pointer of the message at `index` (from {@link eachMessage}). */
export function messagePath(kind: Kind, index: number | undefined): string {
  const at = DIALECTS[kind].shape.messages;
  if (index === undefined) return "";
  return at.at === "member" ? child(child("", at.member), index) : child("", index);
}

/** Whether a message is a group call: every message, or those the dialect's `groupWhen` picks. */
export function isGroupCall(kind: Kind, message: Record<string, unknown>): boolean {
  const when = DIALECTS[kind].shape.groupWhen;
  return when === undefined || (Object.hasOwn(message, when.member) && message[when.member] === when.equals);
}

/** Calls `visit` with the traits object of every group call of a body, and the index of its message. */
export function eachTraits(kind: Kind, body: unknown, visit: (traits: Record<string, unknown>, index: number | undefined) => void): void {
  const member = DIALECTS[kind].shape.fields.traits;
  eachMessage(kind, body, (message, index) => {
    if (!isGroupCall(kind, message) || !Object.hasOwn(message, member)) return;
    const traits = message[member];
    if (isObject(traits)) visit(traits, index);
  });
}

/** The path of the traits object of the message at `index`. */
export function traitsPath(kind: Kind, index: number | undefined): string {
  return child(messagePath(kind, index), DIALECTS[kind].shape.fields.traits);
}

/** Every message of a body, with its path. */
export function locateMessages(kind: Kind, body: unknown): MessageAt[] {
  const out: MessageAt[] = [];
  eachMessage(kind, body, (message, index) => out.push({ path: messagePath(kind, index), message }));
  return out;
}

/** The messages of a body that are group calls, with their paths. */
export function locateGroupCalls(kind: Kind, body: unknown): MessageAt[] {
  return locateMessages(kind, body).filter(({ message }) => isGroupCall(kind, message));
}

/** Every traits object in a body of the given kind, with its path: the traits of each group call. */
export function locateTraits(kind: Kind, body: unknown): TraitsAt[] {
  const out: TraitsAt[] = [];
  eachTraits(kind, body, (traits, index) => out.push({ path: traitsPath(kind, index), traits }));
  return out;
}

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
