import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validate as hyperjumpValidate } from "@hyperjump/json-schema/draft-2020-12";
import { registerGeneratedSchemas } from "../hyperjump.js";
import "@hyperjump/json-schema/formats";
import { addFormat } from "@hyperjump/json-schema/experimental";
import { isEmail, isHostname, isUri } from "@hyperjump/json-schema-formats";
import type { Kind } from "../../../src/index.js";
import { hasDuplicateSpellings } from "../duplicate-spellings.js";

// The independent oracle of the hardening tests: @hyperjump/json-schema (an interpreter that shares no code
// with Ajv or TypeBox) on the generated JSON Schema files, formats on, plus the one runtime rule the JSON
// Schema cannot state, `duplicate_trait`, computed here from the reserved-trait patterns without the
// runtime's folding code.

const SCHEMA_DIR = join(import.meta.dirname, "..", "..", "..", "generated", "json-schema");

/** The generated JSON Schema file of each kind's request body. */
export const SCHEMA_FILE: Readonly<Record<Kind, string>> = {
  thrivestack: "thrivestack-group-request.json",
  "thrivestack-legacy": "legacy-group-request.json",
  segment: "segment-group.json",
  "segment-batch": "segment-batch-request.json",
};

/**
 * Where hyperjump has no verdict its format checkers throw, and the throw ends the whole validation, even
 * inside an `anyOf` branch that fails anyway: "Unsupported IP version" for a URI whose host is an RFC 3986
 * `IPvFuture` (`[v1.x]`), "unknown Address Literal Tag" for an e-mail with a `General-address-literal`
 * (`a@[tag:x]`, or `[IPv6:` before a non-address). The package documents its decision for both
 * (schemas/formats/uri.ts, email.ts): not valid. The oracle takes that decision for those two messages only,
 * as the format's answer, so that the rest of the schema still decides as hyperjump does. The handlers are
 * hyperjump's own (`@hyperjump/json-schema/formats/handlers/uri.js`, `email.js`) with the throw caught.
 */
const UNDECIDED = /^(?:Unsupported IP version in host|Encountered unknown Address Literal Tag): /;

function decided(check: (value: string) => boolean): (value: unknown) => boolean {
  return (value) => {
    if (typeof value !== "string") return true;
    try {
      return check(value);
    } catch (error) {
      if (error instanceof Error && UNDECIDED.test(error.message)) return false;
      throw error;
    }
  };
}

addFormat({ id: "https://json-schema.org/format/uri", handler: decided(isUri) });
addFormat({ id: "https://json-schema.org/format/email", handler: decided(isEmail) });

/**
 * The package's documented `hostname` (schemas/formats/hostname.ts): hyperjump's RFC 1123 syntax, less the
 * labels RFC 5891 reserves (`--` in places 3–4) other than `xn--`. hyperjump goes further and decodes `xn--`
 * A-labels against the IDNA tables, which the package documents it does not do; that one difference is taken
 * out here, stated as a rule rather than as the package's code.
 */
export const isPackageHostname = (value: string): boolean => isHostname(value) && !RESERVED_LABEL.test(value);
const RESERVED_LABEL = /(?:^|\.)(?![Xx][Nn])[^.]{2}--/;
addFormat({ id: "https://json-schema.org/format/hostname", handler: (value: unknown) => typeof value !== "string" || isPackageHostname(value) });

const IDNA_ERROR = /^(?:Idna[A-Za-z]*|Punycode)Error$/;

type Compiled = Awaited<ReturnType<typeof compileOne>>;
let compiled: Record<Kind, Compiled> | undefined;

async function compileOne(kind: Kind) {
  return hyperjumpValidate(`https://group-spec.dev/schemas/${SCHEMA_FILE[kind]}`);
}

/**
 * Registers every generated schema with hyperjump and compiles the four request schemas once, so that each
 * verdict afterwards is a synchronous call (hyperjump's `validate(uri)` returns a compiled validator).
 */
export async function loadOracle(): Promise<void> {
  if (compiled !== undefined) return;
  registerGeneratedSchemas();
  compiled = {
    thrivestack: await compileOne("thrivestack"),
    "thrivestack-legacy": await compileOne("thrivestack-legacy"),
    segment: await compileOne("segment"),
    "segment-batch": await compileOne("segment-batch"),
  };
}

/**
 * The JSON Schema verdict of hyperjump. @hyperjump/json-schema-formats checks a `hostname` with idn-hostname
 * too, and when that throws (IdnaLengthError for a name over 253 octets, IdnaSyntaxError for `ab--c`,
 * PunycodeError for a bad `xn--` label) it `console.log`s the error and answers false: the verdict stands, the
 * log is swallowed here, and anything else logged is an error of the oracle.
 */
export function schemaVerdict(kind: Kind, body: unknown): boolean {
  if (compiled === undefined) throw new Error("Call loadOracle() first.");
  const log = console.log;
  const unexpected: unknown[] = [];
  console.log = (...args: unknown[]) => {
    for (const arg of args) if (!(arg instanceof Error && IDNA_ERROR.test(arg.name))) unexpected.push(arg);
  };
  try {
    const valid = compiled[kind](body as Parameters<Compiled>[0]).valid;
    if (unexpected.length > 0) throw new Error(`The oracle logged: ${unexpected.map(String).join(" ").slice(0, 200)}`);
    return valid;
  } finally {
    console.log = log;
  }
}

// Every reserved trait's pattern, compiled here (the runtime compiles its own copies in src/traits/reserved.ts).
/** The verdict `validate` must reach: the schema accepts the body and no reserved trait is spelled twice. */
export function expectedVerdict(kind: Kind, body: unknown): boolean {
  return schemaVerdict(kind, body) && !hasDuplicateSpellings(kind, body);
}
