import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate, listFiles } from "./generate.js";

const GENERATED = fileURLToPath(new URL("../generated/", import.meta.url));

/** The files under `dir` that differ from `files` (a generation, by path), with what is wrong with each. */
export async function differences(files: ReadonlyMap<string, string>, dir = GENERATED): Promise<string[]> {
  const present = await listFiles(dir.replace(/\/$/, ""));
  const problems: string[] = [];
  for (const [file, content] of files) {
    if (!present.includes(file)) problems.push(`generated/${file}: missing`);
    else if ((await readFile(join(dir, file), "utf8")) !== content) problems.push(`generated/${file}: differs from what schemas/ generate`);
  }
  for (const file of present) if (!files.has(file)) problems.push(`generated/${file}: not generated any more`);
  return problems;
}

/** The files under `dir` (`generated/`) that differ from a fresh generation, with what is wrong with each. */
export async function drift(dir = GENERATED): Promise<string[]> {
  return differences(await generate(), dir);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = await drift();
  if (problems.length > 0) {
    console.error(`generated/ is out of date with schemas/ (run \`npm run generate\`):\n${problems.map((p) => `  ${p}`).join("\n")}`);
    process.exit(1);
  }
  console.log("generated/ matches schemas/.");
}
