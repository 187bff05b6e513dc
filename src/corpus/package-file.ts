import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A file or folder of this package, found by walking up from the running module to the folder that holds
 * `package.json` and `relative` (`src/corpus/` in a checkout, `dist/` when installed). `undefined` when absent.
 */
export function packageFile(relative: string, moduleUrl: string = import.meta.url): string | undefined {
  for (let dir = dirname(fileURLToPath(moduleUrl)); ; dir = dirname(dir)) {
    const path = join(dir, relative);
    if (existsSync(join(dir, "package.json")) && existsSync(path)) return path;
    if (dirname(dir) === dir) return undefined;
  }
}
