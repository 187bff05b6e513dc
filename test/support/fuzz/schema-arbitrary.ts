import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { Kind } from "../../../src/index.js";
import { formatString } from "./formats.js";
import { anyNumber, jsonValue, objectOf, type Json } from "./json.js";
import { SCHEMA_FILE } from "./oracle.js";
import { anyKey, anyString, codePoints } from "./strings.js";

// Bodies that are valid, or nearly, read off the generated JSON Schema of each kind: every property, every
// reserved trait spelling (`fc.stringMatching` on the patternProperties keys), every format and limit. The
// schema only shapes what is generated; the oracle decides each verdict independently.

/** The parts of JSON Schema the generated request schemas use. */
interface Schema {
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, Schema>>;
  readonly type?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | Schema;
  readonly patternProperties?: Readonly<Record<string, Schema>>;
  readonly maxProperties?: number;
  readonly items?: Schema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly enum?: readonly Json[];
  readonly const?: Json;
  readonly minimum?: number;
  readonly anyOf?: readonly Schema[];
  readonly allOf?: readonly Schema[];
  readonly not?: Schema;
}

const SCHEMA_DIR = join(import.meta.dirname, "..", "..", "..", "generated", "json-schema");

/** The generated request schema of a kind, parsed. */
export function requestSchema(kind: Kind): Schema {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, SCHEMA_FILE[kind]), "utf8")) as Schema;
}

/** A generator of bodies shaped by the kind's request schema: valid in most runs (the tests report how many). */
export function schemaBody(kind: Kind): fc.Arbitrary<Json> {
  const root = requestSchema(kind);
  return new Generator(root).of(root);
}

class Generator {
  private readonly cache = new Map<Schema, fc.Arbitrary<Json>>();

  constructor(private readonly root: Schema) {}

  of(schema: Schema): fc.Arbitrary<Json> {
    const cached = this.cache.get(schema);
    if (cached !== undefined) return cached;
    const made = this.make(schema);
    this.cache.set(schema, made);
    return made;
  }

  private resolve(schema: Schema): Schema {
    if (schema.$ref === undefined) return schema;
    const name = schema.$ref.replace(/^#\/\$defs\//, "");
    const target = this.root.$defs?.[name];
    if (target === undefined) throw new Error(`Unresolved $ref ${schema.$ref}`);
    return this.resolve(target);
  }

  private make(given: Schema): fc.Arbitrary<Json> {
    const schema = this.resolve(given);
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
    if (schema.anyOf !== undefined) return fc.oneof(...schema.anyOf.map((branch) => this.of(branch)));
    if (schema.allOf !== undefined) return this.allOf(schema.allOf);
    switch (schema.type) {
      case "object":
        return this.object(schema);
      case "array":
        return this.array(schema);
      case "string":
        return this.string(schema);
      case "integer":
        return fc.oneof(
          { arbitrary: fc.integer({ min: schema.minimum ?? -1000, max: 100_000 }), weight: 9 },
          { arbitrary: fc.constantFrom(0, 2 ** 53 - 1, 1e21), weight: 1 },
        );
      case "number":
        return schema.minimum === undefined
          ? anyNumber
          : fc.oneof(fc.integer({ min: schema.minimum, max: 100_000 }), fc.double({ min: schema.minimum, max: 1e9, noNaN: true }));
      case "boolean":
        return fc.boolean();
      case "null":
        return fc.constant(null);
      default:
        return jsonValue(3);
    }
  }

  /** Objects are merged; anything else is the first positive part, kept only where each `not` allows it. */
  private allOf(parts: readonly Schema[]): fc.Arbitrary<Json> {
    const resolved = parts.map((part) => this.resolve(part));
    const objects = resolved.filter((part) => part.type === "object" || part.anyOf !== undefined || part.properties !== undefined);
    if (objects.length === resolved.length) {
      return fc.tuple(...resolved.map((part) => this.of(part))).map((values) =>
        objectOf(values.flatMap((value) => (isObject(value) ? Object.entries(value) : []))),
      );
    }
    const positive = resolved.find((part) => part.not === undefined);
    if (positive === undefined) throw new Error("allOf without a positive part");
    const excluded = resolved.flatMap((part) => (part.not?.const !== undefined ? [part.not.const] : []));
    // A string rule written as `not: { pattern }` (schemas/primitives.ts): values the pattern finds are left out.
    const refused = resolved.flatMap((part) => (part.not?.pattern !== undefined ? [new RegExp(part.not.pattern, "u")] : []));
    return this.of(positive).filter(
      (value) => !excluded.includes(value) && !(typeof value === "string" && refused.some((regex) => regex.test(value))),
    );
  }

  private object(schema: Schema): fc.Arbitrary<Json> {
    const properties = schema.properties ?? {};
    const required = schema.required ?? [];
    const optional = Object.keys(properties).filter((key) => !required.includes(key));
    const named = (key: string): fc.Arbitrary<readonly [string, Json]> => this.of(properties[key] ?? {}).map((value) => [key, value] as const);
    const requiredEntries = fc.tuple(...required.map(named));
    const optionalEntries = fc
      .subarray(optional, { maxLength: Math.min(5, optional.length) })
      .chain((keys) => fc.tuple(...keys.map(named)));
    const patterned = Object.entries(schema.patternProperties ?? {})
      // A `not: {}` pattern only ever rejects (over-long trait names): the mutations reach it.
      .filter(([, sub]) => this.resolve(sub).not === undefined)
      .map(([pattern, sub]) => {
        const regex = new RegExp(pattern, "u");
        // Reserved spellings end in `\\n*$`, to which fc.stringMatching adds line feeds more often than not: two keys
        // in three are drawn without them, as clients write them.
        const plain = pattern.endsWith("\\n*$") ? fc.stringMatching(new RegExp(`${pattern.slice(0, -"\\n*$".length)}$`, "u")) : undefined;
        const spelled = plain === undefined ? fc.stringMatching(regex) : fc.oneof({ arbitrary: plain, weight: 2 }, { arbitrary: fc.stringMatching(regex), weight: 1 });
        const keys = pattern === "^[\\s\\S]*$" ? anyKey : spelled;
        return fc.array(fc.tuple(keys, this.of(sub)), { maxLength: 2 });
      });
    const extra =
      schema.additionalProperties === false
        ? fc.constant([] as (readonly [string, Json])[])
        : fc.array(fc.tuple(anyKey, schema.additionalProperties === undefined || schema.additionalProperties === true ? jsonValue(3) : this.of(schema.additionalProperties)), {
            maxLength: 2,
          });
    return fc
      .tuple(requiredEntries, optionalEntries, fc.tuple(...patterned), extra)
      .map(([req, opt, pat, more]) => objectOf(oneSpellingEach([...more, ...pat.flat(), ...opt, ...req])));
  }

  private array(schema: Schema): fc.Arbitrary<Json> {
    const min = schema.minItems ?? 0;
    const max = Math.min(schema.maxItems ?? Number.POSITIVE_INFINITY, min + 3);
    return fc.array(this.of(schema.items ?? {}), { minLength: min, maxLength: max });
  }

  private string(schema: Schema): fc.Arbitrary<string> {
    const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
    const min = schema.minLength ?? 0;
    if (schema.format !== undefined) return formatString(schema.format);
    let text: fc.Arbitrary<string> = anyString;
    if (schema.pattern !== undefined) {
      const regex = new RegExp(schema.pattern, "u");
      text = fc.oneof(fc.stringMatching(regex), anyString.filter((s) => regex.test(s)));
    }
    const fitted = text.map((s) => fit(s, min, max));
    if (!Number.isFinite(max)) return fitted;
    // Exactly at the limit, in code points: plain letters, or emoji (two UTF-16 units each).
    const atLimit = fc.constantFrom(0, 1, 2).map((seed) => codePoints(max, seed));
    return fc.oneof({ arbitrary: fitted, weight: 9 }, { arbitrary: atLimit, weight: 1 });
  }
}

/**
 * The entries with one key per spelling (case and `_` aside), the last kept: a valid body spells each reserved
 * trait once. Two spellings are the `respell` mutation's job.
 */
function oneSpellingEach(entries: readonly (readonly [string, Json])[]): (readonly [string, Json])[] {
  const last = new Map<string, readonly [string, Json]>();
  // Trailing line feeds still spell the trait (the patterns end in `\n*$`, schemas/traits/reserved.ts).
  for (const entry of entries) last.set(entry[0].toLowerCase().replaceAll("_", "").replace(/\n+$/u, ""), entry);
  return [...last.values()];
}

/** `s` cut or padded to between `min` and `max` code points. */
function fit(s: string, min: number, max: number): string {
  const points = [...s];
  if (points.length > max) return points.slice(0, max).join("");
  return points.length < min ? s + "a".repeat(min - points.length) : s;
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
