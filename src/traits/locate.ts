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
 * Every message of a body where its dialect puts them (generated/dialects.ts): the body itself, the items of
 * the body, or the items of a member (a batch). Reads own properties of plain objects only; anything else is
 * skipped (validation reports it).
 */
export function locateMessages(kind: Kind, body: unknown): MessageAt[] {
  const at = DIALECTS[kind].shape.messages;
  if (at.at === "body") return isObject(body) ? [{ path: "", message: body }] : [];
  const list = at.at === "items" ? body : isObject(body) && Object.hasOwn(body, at.member) ? body[at.member] : undefined;
  if (!Array.isArray(list)) return [];
  const prefix = at.at === "items" ? "" : child("", at.member);
  return list.flatMap((message: unknown, i) => (isObject(message) ? [{ path: child(prefix, i), message }] : []));
}

/** The messages of a body that are group calls: all of them, or those the dialect's `groupWhen` picks. */
export function locateGroupCalls(kind: Kind, body: unknown): MessageAt[] {
  const when = DIALECTS[kind].shape.groupWhen;
  const all = locateMessages(kind, body);
  return when === undefined ? all : all.filter(({ message }) => Object.hasOwn(message, when.member) && message[when.member] === when.equals);
}

/** Every traits object in a body of the given kind: the traits of each group call. */
export function locateTraits(kind: Kind, body: unknown): TraitsAt[] {
  const member = DIALECTS[kind].shape.fields.traits;
  return locateGroupCalls(kind, body).flatMap(({ path, message }) => {
    const traits = Object.hasOwn(message, member) ? message[member] : undefined;
    return isObject(traits) ? [{ path: child(path, member), traits }] : [];
  });
}

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
