/**
 * Copies Scalar's offline browser bundle into dist/docs/, next to the built CLI, so the published package
 * serves its docs page without Scalar installed. Run by `npm run build` after tsup (which empties dist/).
 */
import { copyFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { SCALAR_ASSET } from "../src/server/assets.js";

const source = createRequire(import.meta.url).resolve("@scalar/api-reference/browser/standalone.js");
const target = join(import.meta.dirname, "..", "dist", SCALAR_ASSET);
await mkdir(dirname(target), { recursive: true });
await copyFile(source, target);
process.stdout.write(`Copied ${source} to ${target}.\n`);
