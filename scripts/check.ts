import { readFile } from "node:fs/promises";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate, listFiles, writeGenerated } from "./generate.js";

const GENERATED = fileURLToPath(new URL("../generated/", import.meta.url));

/** The files under `dir` (`generated/`) that differ from a fresh generation, with what is wrong with each. */
export async function drift(dir = GENERATED): Promise<string[]> {
  const fresh = await mkdtemp(join(tmpdir(), "group-spec-check-"));
  try {
    await writeGenerated(await generate(), fresh);
    const wanted = await listFiles(fresh);
    const present = await listFiles(dir.replace(/\/$/, ""));
    const problems: string[] = [];
    for (const file of wanted) {
      if (!present.includes(file)) problems.push(`generated/${file}: missing`);
      else if ((await readFile(join(fresh, file), "utf8")) !== (await readFile(join(dir, file), "utf8"))) {
        problems.push(`generated/${file}: differs from what schemas/ generate`);
      }
    }
    for (const file of present) if (!wanted.includes(file)) problems.push(`generated/${file}: not generated any more`);
    return problems;
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = await drift();
  if (problems.length > 0) {
    console.error(`generated/ is out of date with schemas/ (run \`npm run generate\`):\n${problems.map((p) => `  ${p}`).join("\n")}`);
    process.exit(1);
  }
  console.log("generated/ matches schemas/.");
}
