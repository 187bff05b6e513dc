// Loads every generated validator in a plain node process, from ESM and from CommonJS, and prints each
// verdict on the bodies given as JSON on argv[2]: {"<kind>": [body, ...]}.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const bodies = JSON.parse(process.argv[2]);
const verdicts = {};
for (const [kind, list] of Object.entries(bodies)) {
  const esm = (await import(`../../generated/validators/${kind}.js`)).default;
  const cjs = require(`../../generated/validators/${kind}.cjs`).default;
  verdicts[kind] = list.map((body) => [esm(body), cjs(body)]);
}
process.stdout.write(JSON.stringify(verdicts));
