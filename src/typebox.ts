// `group-spec/typebox`: the TypeBox definitions the package is generated from (schemas/), for
// `@fastify/type-provider-typebox` and TypeBox's own checkers. `@sinclair/typebox` 0.34 is an optional peer
// dependency of this entry only. The one place src/ reads schemas/: the definitions are what it exports.
import { FormatRegistry, type TSchema } from "@sinclair/typebox";
import { formats } from "../schemas/formats/index.js";
import { SchemaName } from "../schemas/named.js";
import { SegmentBatchRequest as SegmentBatchRequestDefinition, SegmentError as SegmentErrorDefinition, SegmentGroup as SegmentGroupDefinition, SegmentSuccess as SegmentSuccessDefinition } from "../schemas/dialects/segment.js";
import { LegacyError as LegacyErrorDefinition, LegacyGroupRequest as LegacyGroupRequestDefinition, LegacySuccess as LegacySuccessDefinition } from "../schemas/dialects/thrivestack-legacy.js";
import { ThriveStackError as ThriveStackErrorDefinition, ThriveStackGroupRequest as ThriveStackGroupRequestDefinition, ThriveStackSuccess as ThriveStackSuccessDefinition } from "../schemas/dialects/thrivestack.js";

/** A definition with the `$id` its JSON Schema file has in `generated/json-schema/`. */
export type Identified<T extends TSchema> = T & { readonly $id: string };

/** The `$id` base of every schema: `generated/json-schema/<file>.json` has `${SCHEMA_ID_BASE}<file>.json`. */
export const SCHEMA_ID_BASE = "https://group-spec.dev/schemas/";

/** `ThriveStackGroupRequest` → `thrivestack-group-request`, as the generator names the files. */
function fileOf(name: string): string {
  return name
    .replace("ThriveStack", "Thrivestack")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase();
}

function identified<T extends TSchema>(schema: T): Identified<T> {
  const name = (schema as { [SchemaName]?: string })[SchemaName] ?? "";
  // A shallow copy keeps TypeBox's symbol keys (its Kind), so `Static<>` and the checkers read it as before.
  return { ...schema, $id: `${SCHEMA_ID_BASE}${fileOf(name)}.json` };
}

/** `POST /api/group`: an array of group objects (thrivestack). */
export const ThriveStackGroupRequest = identified(ThriveStackGroupRequestDefinition);
/** The thrivestack 200 envelope. */
export const ThriveStackSuccess = identified(ThriveStackSuccessDefinition);
/** The thrivestack error envelope. */
export const ThriveStackError = identified(ThriveStackErrorDefinition);
/** The legacy single-object body (thrivestack-legacy). */
export const LegacyGroupRequest = identified(LegacyGroupRequestDefinition);
/** The legacy 200 envelope. */
export const LegacySuccess = identified(LegacySuccessDefinition);
/** The legacy error envelope. */
export const LegacyError = identified(LegacyErrorDefinition);
/** `POST /v1/group`: one segment group message. */
export const SegmentGroup = identified(SegmentGroupDefinition);
/** `POST /v1/batch`: the segment batch envelope. */
export const SegmentBatchRequest = identified(SegmentBatchRequestDefinition);
/** The segment 200 envelope. */
export const SegmentSuccess = identified(SegmentSuccessDefinition);
/** The segment error envelope. */
export const SegmentError = identified(SegmentErrorDefinition);

/** The request body schema of each kind, by the name `validate(kind, body)` takes. */
export const BODIES = {
  thrivestack: ThriveStackGroupRequest,
  "thrivestack-legacy": LegacyGroupRequest,
  segment: SegmentGroup,
  "segment-batch": SegmentBatchRequest,
} as const;

/**
 * The string format checkers the schemas use (`date-time`, `email`, `hostname`, `ipv4`, `ipv6`, `uri`), for
 * TypeBox's `FormatRegistry`: the checkers the generated validators have inlined.
 */
export { formats };

/**
 * Registers {@link formats} with TypeBox's `FormatRegistry`, so that `Value.Check` and `TypeCompiler` check
 * them; a format already registered is replaced.
 *
 * @example registerFormats(); Value.Check(SegmentGroup, body);
 */
export function registerFormats(): void {
  for (const [name, check] of Object.entries(formats)) FormatRegistry.Set(name, check);
}
