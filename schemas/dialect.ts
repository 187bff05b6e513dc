import type { TSchema } from "@sinclair/typebox";
import type { Named } from "./named.js";

/** A request body kind: the name `validate(kind, body)` takes, one per operation. */
export type BodyKind = string;

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
  /** Where the runtime finds the messages of a body and what it fills in (see {@link Shape}). */
  readonly shape: Shape;
  /**
   * The envelopes as JSON templates: a string value `"{name}"` stands for a value the runtime puts there
   * (error: `code`, `message`, `issues`; success: `eventId`, `body`).
   */
  readonly envelopes: { readonly error: unknown; readonly success: unknown };
}

/** How a body of an operation holds its messages (group calls), as the runtime reads and stores them. */
export interface Shape {
  /** The messages: the body itself, the items of the body, or the items of one of its members. */
  readonly messages: { readonly at: "body" } | { readonly at: "items" } | { readonly at: "member"; readonly member: string };
  /** Which messages are group calls, when not all: those whose `member` is `equals`. */
  readonly groupWhen?: { readonly member: string; readonly equals: string };
  /**
   * A top-level member of the body that carries the credential when the request's headers carry none, as
   * Segment's batch `writeKey` does (Segment's own Node.js SDK sends its write key only there). The body is
   * then read, within its limits, before the caller is known.
   */
  readonly credentialMember?: string;
  /** The member names of a group call's fields. */
  readonly fields: {
    readonly groupId: string;
    readonly userId: string;
    readonly anonymousId?: string;
    readonly traits: string;
    readonly timestamp: string;
    readonly messageId?: string;
    readonly type?: string;
  };
  /** What `normalize` fills in on every message: the server time, a new message id, the group call's type. */
  readonly fill: { readonly timestamp: boolean; readonly messageId: boolean; readonly type?: string };
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
