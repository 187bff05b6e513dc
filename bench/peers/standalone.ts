/**
 * The JSON Schema peers as an application would ship them: Ajv 2020's **standalone** code and
 * `@exodus/schemasafe`'s standalone module, each compiled at bench time from the package's own published
 * schemas (`generated/json-schema/`), written to bench/tmp/ and bundled by esbuild into one self-contained
 * ESM file (Ajv's "ESM" output still `require`s its runtime and ajv-formats). Peers, not product.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { validator as schemasafe } from "@exodus/schemasafe";
import addFormats from "ajv-formats";
import Ajv2020 from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import { KINDS, type Kind } from "../../generated/validators/index.js";
import { ROOT } from "../dist.js";
import { schemaOf } from "./schemas.js";

/** Scratch files of the bench (git-ignored). */
export const TMP = `${ROOT}bench/tmp/`;

/** The standalone peers, by name. `allErrors` ones collect every error of an invalid body. */
export const STANDALONE = {
  ajvFull: "ajv standalone, full formats",
  ajvFast: "ajv standalone, fast formats",
  ajvFullAll: "ajv standalone, full formats, allErrors",
  ajvFastAll: "ajv standalone, fast formats, allErrors",
  schemasafe: "schemasafe standalone",
  schemasafeAll: "schemasafe standalone, allErrors",
} as const;
/** One of the {@link STANDALONE} names. */
export type StandaloneName = (typeof STANDALONE)[keyof typeof STANDALONE];

/** A validator as both peers export it: a verdict, with the errors of the last refusal on `.errors`. */
export type PeerValidator = ((body: unknown) => boolean) & { errors?: unknown };

/** One standalone peer for one kind: its bundled file, or why it could not be made. */
export type PeerModule = { readonly file: string } | { readonly failed: string };

function ajvSource(kind: Kind, mode: "full" | "fast", allErrors: boolean): string {
  const ajv = new Ajv2020.default({ code: { source: true, esm: true }, allErrors, allowMatchingProperties: true, strictTypes: false });
  addFormats.default(ajv, { mode });
  return standaloneCode.default(ajv, ajv.compile(schemaOf(kind)));
}

function schemasafeSource(kind: Kind, allErrors: boolean): string {
  const check = schemasafe(schemaOf(kind), allErrors ? { includeErrors: true, allErrors: true } : {});
  return `export default ${check.toModule()}\n`;
}

const slug = (text: string) => text.replace(/\W+/g, "-");

/** Writes and bundles every standalone peer of every kind; the result maps peer name, then kind, to its module. */
export async function standalonePeers(): Promise<Record<StandaloneName, Record<Kind, PeerModule>>> {
  mkdirSync(TMP, { recursive: true });
  const sources: Record<StandaloneName, (kind: Kind) => string> = {
    [STANDALONE.ajvFull]: (kind) => ajvSource(kind, "full", false),
    [STANDALONE.ajvFast]: (kind) => ajvSource(kind, "fast", false),
    [STANDALONE.ajvFullAll]: (kind) => ajvSource(kind, "full", true),
    [STANDALONE.ajvFastAll]: (kind) => ajvSource(kind, "fast", true),
    [STANDALONE.schemasafe]: (kind) => schemasafeSource(kind, false),
    [STANDALONE.schemasafeAll]: (kind) => schemasafeSource(kind, true),
  };
  const out = {} as Record<StandaloneName, Record<Kind, PeerModule>>;
  for (const [name, source] of Object.entries(sources) as [StandaloneName, (kind: Kind) => string][]) {
    out[name] = {} as Record<Kind, PeerModule>;
    for (const kind of KINDS) {
      const base = `${TMP}${slug(name)}-${kind}`;
      try {
        writeFileSync(`${base}.source.mjs`, source(kind));
        await build({
          entryPoints: [`${base}.source.mjs`],
          outfile: `${base}.mjs`,
          bundle: true,
          format: "esm",
          platform: "node",
          target: "node20",
          logLevel: "silent",
        });
        out[name][kind] = { file: `${base}.mjs` };
      } catch (error) {
        out[name][kind] = { failed: (error as Error).message.split("\n")[0]! };
      }
    }
  }
  return out;
}

/** Imports a bundled peer's validator. */
export async function loadPeer(module: { readonly file: string }): Promise<PeerValidator> {
  return ((await import(pathToFileURL(module.file).href)) as { default: PeerValidator }).default;
}
