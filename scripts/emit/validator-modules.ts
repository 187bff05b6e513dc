import type { Operation } from "../../schemas/dialect.js";
import { nameOf } from "../../schemas/named.js";
import { bannerComment } from "./banner.js";

/** The `.d.ts` of one generated validator module: `validate` and `issues`. */
export function declaration(typeName: string): string {
  return `${bannerComment}import type { ${typeName}, Issue } from "../types/index.js";

/** Whether a value is a valid ${typeName} body. Builds nothing. */
declare function validate(data: unknown): data is ${typeName};
/** The issues of a ${typeName} body, at most \`max\` of them (at least one), in document order; none when it is valid. */
declare function issues(data: unknown, max: number): Issue[];
export default validate;
export { validate, issues };
`;
}

/** `validators/index.ts`: both validators of every body kind, and the body type of each kind. */
export function registry(operations: readonly Operation[]): string {
  const id = (kind: string) => kind.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  const imports = operations
    .map((op) => `import ${id(op.kind)}, { issues as ${id(op.kind)}Issues } from "./${op.kind}.js";`)
    .join("\n");
  const types = [...new Set(operations.map((op) => nameOf(op.request)!))].sort().join(", ");
  const entry = (suffix: string) => operations.map((op) => `  ${JSON.stringify(op.kind)}: ${id(op.kind)}${suffix},`).join("\n");
  const bodies = operations.map((op) => `  ${JSON.stringify(op.kind)}: ${nameOf(op.request)!};`).join("\n");
  return `${bannerComment}import type { ${types} } from "../types/index.js";
${imports}

/** The request body type of each kind. */
export interface Bodies {
${bodies}
}

/** A request body kind: the first argument of \`validate\`. */
export type Kind = keyof Bodies;

/** The verdict of each kind. */
export const validators = {
${entry("")}
} as const;

/** The issue finder of each kind: the issues of a refused body, at most \`max\`. */
export const issueFinders = {
${entry("Issues")}
} as const;

/** Every kind, in the order the dialects define them. */
export const KINDS: readonly Kind[] = ${JSON.stringify(operations.map((op) => op.kind))};
`;
}

