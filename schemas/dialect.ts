import type { TSchema } from "@sinclair/typebox";
import type { Named } from "./named.js";

/** The four request bodies the package validates. */
export type BodyKind = "thrivestack" | "thrivestack-legacy" | "segment" | "segment-batch";

/** HTTP statuses every operation documents besides its success. */
export const ERROR_STATUSES = [400, 401, 413, 415, 429, 500] as const;

/** One of {@link ERROR_STATUSES}. */
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

/** A named example, as OpenAPI's Example Object holds it. */
export interface Example {
  readonly summary: string;
  readonly description?: string;
  readonly value: unknown;
}

/** One documented API operation: a request body kind at a method and path. */
export interface Operation {
  /** The body kind that `validate(kind, body)` takes for this operation's request body. */
  readonly kind: BodyKind;
  readonly method: "post";
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  /** Reference documents this operation follows, by file number (`"004"`). */
  readonly sources: readonly string[];
  readonly request: Named<TSchema>;
  /** Named request examples; each must validate against `request`. */
  readonly examples: Readonly<Record<string, Example>>;
  readonly success: { readonly schema: Named<TSchema>; readonly example: unknown };
  /** The machine-readable code the error envelope carries for each status. */
  readonly errorCodes: Readonly<Record<ErrorStatus, string>>;
  readonly error: { readonly schema: Named<TSchema>; readonly examples: Readonly<Record<ErrorStatus, Example>> };
}

/** An OpenAPI 3.1 Security Scheme Object. */
export type SecurityScheme =
  | { readonly type: "apiKey"; readonly in: "header"; readonly name: string; readonly description: string }
  | { readonly type: "http"; readonly scheme: "bearer" | "basic"; readonly description: string };

/**
 * A dialect: one way the reference documents spell the Group call. Adding a dialect means adding one file
 * in `schemas/dialects/` and one line in `schemas/registry.ts`.
 */
export interface Dialect {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** The security scheme's name in `components.securitySchemes`, and the scheme. */
  readonly security: { readonly name: string; readonly scheme: SecurityScheme };
  readonly operations: readonly Operation[];
  /** The dialect's traits schema (made by `reservedTraits`, which records its reserved names). */
  readonly traits: Named<TSchema>;
  /** Every named schema of the dialect that gets a file of its own in `generated/json-schema/`. */
  readonly schemas: readonly Named<TSchema>[];
}
