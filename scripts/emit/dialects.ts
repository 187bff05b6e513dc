import type { Dialect } from "../../schemas/dialect.js";
import { nameOf } from "../../schemas/named.js";
import { bannerComment } from "./banner.js";
import { schemaId } from "./json-schema.js";
import type { JsonObject } from "./plain.js";

/** The dialect's bound on the number of traits, when its traits schema has one. */
function traitsMax(traits: JsonObject | undefined): { traitsMax?: number } {
  const max = traits?.["maxProperties"];
  return typeof max === "number" ? { traitsMax: max } : {};
}

/**
 * `dialects.ts`: what the runtime needs to know of each body kind's dialect, from the definitions — the
 * operation's method and path, its security scheme, where a body holds its messages and their fields, what
 * `normalize` fills in, the envelope templates, and the envelope types. src/ reads these instead of naming
 * kinds, so that a new dialect needs no change there.
 */
export function emitDialects(dialects: readonly Dialect[], plain: (name: string) => JsonObject | undefined): Map<string, string> {
  const operations = dialects.flatMap((dialect) => dialect.operations.map((operation) => ({ dialect, operation })));
  const data = Object.fromEntries(
    operations.map(({ dialect, operation }) => [
      operation.kind,
      {
        dialect: dialect.name,
        method: operation.method.toUpperCase(),
        path: operation.path,
        bodySchemaId: schemaId(nameOf(operation.request)!),
        security: dialect.security.scheme.type === "apiKey"
          ? { type: "apiKey", name: dialect.security.scheme.name }
          : { type: "http", scheme: dialect.security.scheme.scheme },
        shape: operation.shape,
        ...traitsMax(plain(nameOf(dialect.traits)!)),
        envelopes: operation.envelopes,
      },
    ]),
  );
  const typeNames = [...new Set(operations.flatMap(({ operation }) => [nameOf(operation.error.schema)!, nameOf(operation.success.schema)!]))].sort();
  const bodies = (pick: "error" | "success") =>
    operations.map(({ operation }) => `  ${JSON.stringify(operation.kind)}: ${nameOf(operation[pick].schema)!};`).join("\n");
  const code = `${bannerComment}import type { ${typeNames.join(", ")} } from "./types/index.js";
import type { Kind } from "./validators/index.js";

/** How an operation authenticates: an API key header, or an HTTP scheme (bearer, basic). */
export type Security = { readonly type: "apiKey"; readonly name: string } | { readonly type: "http"; readonly scheme: "bearer" | "basic" };

/** What the runtime needs to know of one body kind's dialect (schemas/dialect.ts documents each field). */
export interface DialectData {
  readonly dialect: string;
  readonly method: "POST";
  readonly path: string;
  /** The \`$id\` of the request body's JSON Schema (generated/json-schema/, and group-spec/typebox). */
  readonly bodySchemaId: string;
  readonly security: Security;
  readonly shape: {
    readonly messages: { readonly at: "body" } | { readonly at: "items" } | { readonly at: "member"; readonly member: string };
    readonly groupWhen?: { readonly member: string; readonly equals: string };
    readonly credentialMember?: string;
    readonly fields: {
      readonly groupId: string;
      readonly userId: string;
      readonly anonymousId?: string;
      readonly traits: string;
      readonly timestamp: string;
      readonly messageId?: string;
      readonly type?: string;
    };
    readonly fill: { readonly timestamp: boolean; readonly messageId: boolean; readonly type?: string };
  };
  /** JSON templates: a string \`"{name}"\` stands for a value put there at run time. */
  readonly envelopes: { readonly error: unknown; readonly success: unknown };
  /** The most traits one traits object may hold, when the dialect's schema bounds them. */
  readonly traitsMax?: number;
}

/** Each body kind's dialect data. */
export const DIALECTS: { readonly [K in Kind]: DialectData } = ${JSON.stringify(data, null, 2)};

/** The error body of each kind, in its dialect's envelope. */
export interface ErrorBodies {
${bodies("error")}
}

/** The success body of each kind, in its dialect's envelope. */
export interface SuccessBodies {
${bodies("success")}
}
`;
  return new Map([["dialects.ts", code]]);
}
