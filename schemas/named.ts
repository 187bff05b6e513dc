import type { TSchema } from "@sinclair/typebox";

/** Marks a schema that the generator emits as a named schema (`$defs`, `components.schemas`, a file). */
export const SchemaName: unique symbol = Symbol.for("group-spec/schema-name");

/** A schema that carries the name the generator emits it under. */
export type Named<T extends TSchema> = T & { [SchemaName]: string };

/**
 * Names a schema so the generator emits it once and refers to it by `$ref` everywhere it is used.
 * A symbol survives TypeBox's `Type.Optional` copy, where object identity would not.
 *
 * @example const Context = named("SegmentContext", Type.Object({ ip: Type.Optional(Ip) }));
 */
export function named<T extends TSchema>(name: string, schema: T): Named<T> {
  return Object.assign(schema, { [SchemaName]: name });
}

/** The name given by {@link named}, if any. */
export function nameOf(schema: unknown): string | undefined {
  if (typeof schema !== "object" || schema === null) return undefined;
  const name = (schema as { [SchemaName]?: unknown })[SchemaName];
  return typeof name === "string" ? name : undefined;
}
