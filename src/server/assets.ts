import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The files the server sends as they are: the OpenAPI document and Scalar's browser bundle. */
export interface Assets {
  /** `generated/openapi.json` of this package. */
  readonly openapi: Buffer;
  /** `@scalar/api-reference/browser/standalone.js`, as the build copied it to `dist/docs/scalar.js`. */
  readonly scalar: Buffer;
}

/** Where the build puts Scalar's bundle, relative to the built CLI (`dist/cli.js`). */
export const SCALAR_ASSET = join("docs", "scalar.js");

const SCALAR_MODULE = "@scalar/api-reference/browser/standalone.js";

/**
 * Reads the assets once, at start-up. Scalar's bundle comes from next to the running module (the build copies
 * it into `dist/`, so an installed package needs no Scalar) or, when running from source, from
 * `node_modules`. Throws, naming what is missing, when either file cannot be found.
 */
export async function loadAssets(moduleUrl: string = import.meta.url): Promise<Assets> {
  const here = dirname(fileURLToPath(moduleUrl));
  const [openapi, scalar] = await Promise.all([readFile(openapiPath(here)), readFile(scalarPath(here, moduleUrl))]);
  return { openapi, scalar };
}

function openapiPath(here: string): string {
  for (let dir = here; ; dir = dirname(dir)) {
    const file = join(dir, "generated", "openapi.json");
    if (existsSync(file) && existsSync(join(dir, "package.json"))) return file;
    if (dirname(dir) === dir) throw new Error(`Cannot find generated/openapi.json above ${here}; run \`npm run generate\`.`);
  }
}

function scalarPath(here: string, moduleUrl: string): string {
  const copied = join(here, SCALAR_ASSET);
  if (existsSync(copied)) return copied;
  try {
    return createRequire(moduleUrl).resolve(SCALAR_MODULE);
  } catch {
    throw new Error(`Cannot find Scalar's bundle: neither ${copied} nor ${SCALAR_MODULE}; run \`npm run build\`.`);
  }
}
