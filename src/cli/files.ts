import { glob, isDynamicPattern } from "tinyglobby";
import { ReadError } from "./read-error.js";

/**
 * The files named on the command line, in order: a name is taken as given, a glob pattern (`data/*.json`,
 * quoted so the shell leaves it alone) expands to its matches, sorted. `-` is standard input.
 */
export async function expandFiles(names: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const name of names) {
    if (name === "-" || !isDynamicPattern(name)) {
      files.push(name);
      continue;
    }
    const matches = (await glob(name, { onlyFiles: true, expandDirectories: false })).sort();
    if (matches.length === 0) throw new ReadError(`No file matches ${name}.`);
    files.push(...matches);
  }
  return files;
}
