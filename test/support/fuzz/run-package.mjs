// Runs the built package (dist/index.js) over the conformance corpus in a plain node process, started by
// test/hardening/no-codegen.test.ts with --disallow-code-generation-from-strings, and prints one JSON summary:
// whether code generation is really off here, and each case's verdicts and response statuses.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..", "..");
const { validate, validateJson, errorResponse, successResponse } = await import(join(root, "dist", "index.js"));

let codeGeneration = "allowed";
try {
  new Function("return 1")();
} catch (error) {
  codeGeneration = error instanceof EvalError ? "blocked" : `failed: ${error}`;
}

const corpus = join(root, "test", "conformance");
const cases = [];
for (const kind of readdirSync(corpus, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
  for (const name of readdirSync(join(corpus, kind)).sort()) {
    const { body } = JSON.parse(readFileSync(join(corpus, kind, name), "utf8"));
    const result = validate(kind, body);
    const text = validateJson(kind, JSON.stringify(body));
    const bytes = validateJson(kind, new TextEncoder().encode(JSON.stringify(body)));
    const response = result.ok ? successResponse(kind, result.value) : errorResponse(kind, result.issues);
    cases.push({
      file: `${kind}/${name}`,
      valid: result.ok,
      issues: result.ok ? [] : result.issues.map(({ path, code }) => ({ path, code })),
      validateJson: [text.ok, bytes.ok],
      status: response.status,
      responseKeys: Object.keys(response.body),
    });
  }
}
process.stdout.write(JSON.stringify({ codeGeneration, cases }));
