import { ANY_OF_ISSUES } from "../../schemas/issue.js";
import type { Json, JsonObject } from "./plain.js";

/**
 * The issue code of every `anyOf` that `ANY_OF_ISSUES` names (by its schema's title), by the `schemaPath` a
 * validator reports for that `anyOf` (JSON Pointer tokens escaped, then URI-encoded, as Ajv writes them).
 * Compiled from a schema with every `$ref` inlined, this is how the runtime knows that an `anyOf` failure is
 * a missing identity.
 */
export function anyOfIssues(schema: JsonObject): Record<string, string> {
  const titles: Record<string, string> = {};
  const visit = (node: Json, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${path}/${i}`));
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const title = node["title"];
    if (Array.isArray(node["anyOf"]) && typeof title === "string" && Object.hasOwn(ANY_OF_ISSUES, title)) {
      titles[`${path}/anyOf`] = ANY_OF_ISSUES[title as keyof typeof ANY_OF_ISSUES];
    }
    for (const [key, child] of Object.entries(node)) visit(child, `${path}/${encode(key)}`);
  };
  visit(schema, "#");
  return titles;
}

function encode(token: string): string {
  return encodeURIComponent(token.replace(/~/g, "~0").replace(/\//g, "~1"));
}
