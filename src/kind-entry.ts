import type { Bodies, Kind } from "../generated/validators/index.js";
import { check, type GeneratedValidator, type Result, type ValidateOptions } from "./check.js";
import { checkJson, type ValidateJsonOptions } from "./check-json.js";
import { GroupSpecError } from "./group-spec-error.js";
import { tokens } from "./json-pointer.js";
import type { StandardJSONSchemaV1Converter, StandardSchemaV1 } from "./standard-schema.js";

/** A Standard Schema of one body kind, with the Standard JSON Schema extension (draft 2020-12). */
export type StandardBody<K extends Kind> = {
  readonly "~standard": Omit<StandardSchemaV1.Props<unknown, Bodies[K]>, "validate"> & {
    /** Synchronous, as tRPC and Hono's standard validator can use it. */
    readonly validate: (value: unknown) => StandardSchemaV1.Result<Bodies[K]>;
    readonly jsonSchema: StandardJSONSchemaV1Converter;
  };
};

/** What each per-kind entry point (`group-spec/segment`, ...) exports, for its kind only. */
export interface KindEntry<K extends Kind> {
  /** Validates a parsed body of this kind, as the root `validate(kind, body)` does. */
  readonly validate: (body: unknown, options?: ValidateOptions) => Result<K>;
  /** The typed body, or a thrown {@link GroupSpecError}. */
  readonly assertValid: (body: unknown, options?: ValidateOptions) => Bodies[K];
  /** Validates a body as received (text or UTF-8 bytes), as the root `validateJson(kind, input)` does. */
  readonly validateJson: (input: string | Uint8Array, options?: ValidateJsonOptions) => Result<K>;
  /** The kind's JSON Schema (draft 2020-12), as `generated/json-schema/` holds it. */
  readonly schema: Readonly<Record<string, unknown>>;
  /** The Standard Schema object: for tRPC, Hono's standard validator and any library that takes one. */
  readonly standard: StandardBody<K>;
}

// Each export of a per-kind entry point is made by its own factory, called /* @__PURE__ */ there, so that a
// bundler keeps only what an application imports: `validate` alone leaves out the JSON reader, the Standard
// Schema object and the JSON Schema document.

/** `validate` bound to one kind's generated validator. */
export function validateFor<K extends Kind>(kind: K, validator: GeneratedValidator): KindEntry<K>["validate"] {
  return (body, options) => check(kind, validator, body, options);
}

/** `assertValid` bound to one kind's generated validator. */
export function assertValidFor<K extends Kind>(kind: K, validator: GeneratedValidator): KindEntry<K>["assertValid"] {
  return (body, options) => {
    const result = check(kind, validator, body, options);
    if (!result.ok) throw new GroupSpecError(kind, result.issues);
    return result.value;
  };
}

/** `validateJson` bound to one kind's generated validator. */
export function validateJsonFor<K extends Kind>(kind: K, validator: GeneratedValidator): KindEntry<K>["validateJson"] {
  return (input, options) => checkJson(kind, validator, input, options);
}

/** The Standard Schema object of one kind, with the Standard JSON Schema extension (draft 2020-12 only). */
export function standardFor<K extends Kind>(kind: K, validator: GeneratedValidator, schema: Readonly<Record<string, unknown>>): StandardBody<K> {
  const jsonSchema = ({ target }: { readonly target: string }) => {
    if (target !== "draft-2020-12") throw new Error(`group-spec: no JSON Schema for target ${JSON.stringify(target)}; only draft-2020-12.`);
    return structuredClone(schema) as Record<string, unknown>;
  };
  return {
    "~standard": {
      version: 1,
      vendor: "group-spec",
      validate: (value) => {
        const result = check(kind, validator, value);
        if (result.ok) return { value: result.value };
        return { issues: result.issues.map((issue) => ({ message: issue.message, path: pathOf(issue.path) })) };
      },
      jsonSchema: { input: jsonSchema, output: jsonSchema },
    },
  };
}

/** A JSON Pointer as Standard Schema path keys: array indices as numbers. */
function pathOf(pointer: string): PropertyKey[] {
  return tokens(pointer).map((token) => (/^(0|[1-9]\d*)$/.test(token) ? Number(token) : token));
}
