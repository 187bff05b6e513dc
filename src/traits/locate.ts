import { DIALECTS } from "../../generated/dialects.js";
import type { Kind } from "../../generated/validators/index.js";
import { child } from "../json-pointer.js";

/**
 * Calls `visit` with every message of a body, where its dialect puts them (generated/dialects.ts): the body
 * itself, the items of the body, or the items of a member (a batch), with the message's index (`undefined` for
 * the body itself). Reads own properties of plain objects only; anything else is skipped (validation reports
 * it). Builds nothing: the hot path of `validate` on valid bodies.
 */
export function eachMessage(kind: Kind, body: unknown, visit: (message: Record<string, unknown>, index: number | undefined) => void): void {
  if (DIALECTS[kind].shape.messages.at === "body") {
    if (isObject(body)) visit(body, undefined);
    return;
  }
  const list = messageList(kind, body);
  if (list === undefined) return;
  for (let i = 0; i < list.length; i++) {
    const message: unknown = list[i];
    if (isObject(message)) visit(message, i);
  }
}

/**
 * The array that holds a body's messages (the body itself, or its member such as `batch`), or `undefined` when
 * the dialect's message is the body itself or the body has no such array.
 */
export function messageList(kind: Kind, body: unknown): unknown[] | undefined {
  const at = DIALECTS[kind].shape.messages;
  if (at.at === "body") return undefined;
  const list = at.at === "items" ? body : isObject(body) && Object.hasOwn(body, at.member) ? body[at.member] : undefined;
  return Array.isArray(list) ? list : undefined;
}

/** The JSON Pointer of the message at `index` (from {@link eachMessage}). */
function messagePath(kind: Kind, index: number | undefined): string {
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

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
