import { at, child, isObject, type Json } from "../json-schema/json.js";
import type { Slot } from "./spec.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/**
 * The bodies an OpenAPI 3.x document describes: each operation's JSON request body and each JSON response,
 * named `POST /v1/group request` and `POST /v1/group 400 response`, with their examples.
 */
export function openapiSlots(doc: Json): Slot[] {
  const slots: Slot[] = [];
  const paths = isObject(doc) ? doc["paths"] : undefined;
  if (!isObject(paths)) return slots;
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operationPointer = child(child("/paths", path), method);
      const operation = item[method];
      if (!isObject(operation)) continue;
      const label = `${method.toUpperCase()} ${path}`;
      const body = follow(doc, child(operationPointer, "requestBody"));
      if (body !== undefined) slots.push(...mediaSlots(doc, body, `${label} request`, "request"));
      const responses = operation["responses"];
      if (!isObject(responses)) continue;
      for (const status of Object.keys(responses)) {
        const response = follow(doc, child(child(operationPointer, "responses"), status));
        if (response !== undefined) slots.push(...mediaSlots(doc, response, `${label} ${status} response`, "response"));
      }
    }
  }
  return slots;
}

/** Follows `$ref`s of a Request Body or Response Object (at most 8) to the object itself. */
function follow(doc: Json, pointer: string): string | undefined {
  for (let hops = 0; hops < 8; hops++) {
    const node = at(doc, pointer);
    if (!isObject(node)) return undefined;
    const ref = node["$ref"];
    if (typeof ref !== "string") return pointer;
    if (!ref.startsWith("#")) return undefined;
    pointer = ref.slice(1);
  }
  return undefined;
}

function mediaSlots(doc: Json, pointer: string, name: string, side: Slot["side"]): Slot[] {
  const content = at(doc, child(pointer, "content"));
  if (!isObject(content)) return [];
  const types = Object.keys(content).filter((type) => /json/i.test(type));
  return types.flatMap((type) => {
    const media = content[type];
    if (!isObject(media) || media["schema"] === undefined) return [];
    const label = types.length > 1 || type !== "application/json" ? `${name} (${type})` : name;
    return [{ name: label, side, doc: "doc", pointer: child(child(child(pointer, "content"), type), "schema"), examples: examplesOf(doc, media) }];
  });
}

function examplesOf(doc: Json, media: { [key: string]: Json }): Json[] {
  const found: Json[] = [];
  if (media["example"] !== undefined) found.push(media["example"]);
  const examples = media["examples"];
  if (isObject(examples)) {
    for (const example of Object.values(examples)) {
      let value = example;
      if (isObject(value) && typeof value["$ref"] === "string" && value["$ref"].startsWith("#")) value = at(doc, value["$ref"].slice(1)) ?? null;
      if (isObject(value) && value["value"] !== undefined) found.push(value["value"]);
    }
  }
  const schema = media["schema"];
  if (isObject(schema) && Array.isArray(schema["examples"])) found.push(...schema["examples"]);
  return found;
}
