import Ajv2020 from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import { formats } from "../../schemas/formats/index.js";
import { codePoints } from "../../schemas/keywords/code-points.js";
import { dialects } from "../../schemas/registry.js";
import { nameOf } from "../../schemas/named.js";
import { inlineRefs } from "./inline-refs.js";
import { jsonSchemaDocument, namedSchemas } from "../../scripts/emit/json-schema.js";
import { addLengthKeywords } from "./length-keywords.js";
import type { Kind } from "../../src/index.js";

/** Ajv's two validators of a body kind: the reference the generated validators must match error for error. */
export interface AjvReference {
  readonly first: ValidateFunction;
  readonly all: ValidateFunction;
}

/**
 * Ajv 2020 compiled at run time from each body's schema with every `$ref` inlined, with the package's format
 * checkers and code-point lengths: the validators the package shipped before it emitted its own code, and whose
 * error objects (`keyword`, `instancePath`, `schemaPath`, `params`, order) `src/issues/` is written against.
 */
export function ajvReferences(): Record<Kind, AjvReference> {
  const schemas = namedSchemas(dialects);
  const out: Partial<Record<Kind, AjvReference>> = {};
  for (const operation of dialects.flatMap((d) => d.operations)) {
    const name = nameOf(operation.request)!;
    const schema = inlineRefs(jsonSchemaDocument(name, schemas.get(name)!));
    out[operation.kind as Kind] = { first: compile(schema, false), all: compile(schema, true) };
  }
  return out as Record<Kind, AjvReference>;
}

function compile(schema: object, allErrors: boolean): ValidateFunction {
  const ajv = new Ajv2020.default({ strict: true, allowMatchingProperties: true, allErrors, messages: false });
  for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);
  addLengthKeywords(ajv, codePoints);
  return ajv.compile(schema);
}
