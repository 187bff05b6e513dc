import { createHash } from "node:crypto";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Json } from "./json.js";

/** One verdict of a {@link Checker}: why a value was refused, in Ajv's words, when it was. */
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** A compiled schema: never throws for a JSON value. */
export type Check = (value: Json) => Verdict;

/**
 * Validates JSON values against schemas inside a set of documents (an OpenAPI document, or the files of a JSON
 * Schema folder), draft 2020-12, at run time. Used only by the CLI's `diff` and `conform`, which must check
 * documents the package did not generate; the library's own validators stay generated and compile nothing.
 *
 * Ajv 2020 compiles each schema to a function (with `new Function`), which is acceptable for a command-line
 * tool that checks the user's own documents; `strict: false` lets OpenAPI's keywords (`example`,
 * `discriminator`, `x-*`) through as annotations. Formats are ajv-formats' full set; lengths count code points.
 */
export class Checker {
  readonly #ajv: InstanceType<typeof Ajv2020.default>;
  readonly #compiled: Map<string, Check>;

  /**
   * `documents` maps a key (`doc`, or a file name) to a document; `$id`s are dropped so keys never clash. With
   * `formats: false` a `format` is an annotation only. Compiling is most of the cost, so the last
   * {@link CACHED_DOCUMENT_SETS} document sets keep their compiled schemas for a checker made again from equal ones.
   */
  constructor(documents: ReadonlyMap<string, Json>, options: { readonly formats?: boolean } = {}) {
    const formats = options.formats ?? true;
    // A digest, not the text, keys the cache: a 32 MB document set costs 64 characters here.
    const key = createHash("sha256").update(`${formats}\u0000${JSON.stringify([...documents])}`).digest("hex");
    const cached = cache.get(key);
    if (cached !== undefined) {
      cache.delete(key);
      cache.set(key, cached);
      this.#ajv = cached.ajv;
      this.#compiled = cached.compiled;
      return;
    }
    this.#ajv = new Ajv2020.default({ strict: false, allErrors: false, validateSchema: false, unicodeRegExp: true, validateFormats: formats, code: { optimize: false } });
    if (formats) addFormats.default(this.#ajv, { mode: "full" });
    for (const [name, document] of documents) this.#ajv.addSchema(withoutId(document) as object, name);
    this.#compiled = new Map();
    cache.set(key, { ajv: this.#ajv, compiled: this.#compiled });
    for (const oldest of cache.keys()) {
      if (cache.size <= CACHED_DOCUMENT_SETS) break;
      cache.delete(oldest);
    }
  }

  /**
   * The check of the schema at `pointer` in document `key`. Throws `Error` when the schema cannot be compiled
   * (a `$ref` to nowhere, a pattern that is not a regular expression); the caller reports that schema.
   */
  check(key: string, pointer: string): Check {
    const ref = `${key}#${pointer.split("/").map(encodeURIComponent).join("/")}`;
    const cached = this.#compiled.get(ref);
    if (cached !== undefined) return cached;
    const validate = this.#ajv.compile({ $ref: ref });
    const check: Check = (value) => {
      if (validate(value)) return { ok: true };
      const error = validate.errors?.[0];
      const where = error?.instancePath || "/";
      return { ok: false, reason: error === undefined ? "refused" : `${where}: ${error.message ?? error.keyword}` };
    };
    this.#compiled.set(ref, check);
    return check;
  }
}

/** How many document sets keep their compiled schemas (an OpenAPI document's take a few MB). */
export const CACHED_DOCUMENT_SETS = 4;

const cache = new Map<string, { ajv: InstanceType<typeof Ajv2020.default>; compiled: Map<string, Check> }>();

function withoutId(document: Json): Json {
  if (typeof document !== "object" || document === null || Array.isArray(document) || !("$id" in document)) return document;
  const { $id: _id, ...rest } = document;
  return rest;
}
