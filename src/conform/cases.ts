import type { CorpusCase } from "../corpus/corpus.js";
import { DEFAULT_LIMITS } from "../limits.js";
import type { ConformCase } from "./conform-case.js";

/**
 * The requests for one kind: every corpus case (200 when valid; 413 when its issues include `too_large`, else
 * 400; the issue paths kept for the warning), then a valid body without credentials and with a wrong key
 * (401), and a valid body padded with spaces past the 512,000-byte limit (413).
 */
export function conformCases(corpus: readonly CorpusCase[]): ConformCase[] {
  const cases: ConformCase[] = corpus.map((c) => ({
    name: c.file,
    description: c.description,
    text: JSON.stringify(c.body),
    credentials: "key",
    status: c.valid ? 200 : c.issues.some((issue) => issue.code === "too_large") ? 413 : 400,
    ...(!c.valid && { paths: c.issues.map((issue) => issue.path) }),
  }));
  const valid = corpus.filter((c) => c.valid).map((c) => JSON.stringify(c.body)).sort((a, b) => a.length - b.length)[0];
  if (valid === undefined) return cases;
  return [
    ...cases,
    { name: "auth/no-key", description: "A valid body without credentials.", text: valid, credentials: "none", status: 401 },
    { name: "auth/wrong-key", description: "A valid body with a key the server does not know.", text: valid, credentials: "wrong", status: 401 },
    {
      name: "limits/too-large",
      description: `A valid body padded with spaces to ${DEFAULT_LIMITS.bodyBytes + 1} bytes, one over the limit.`,
      text: valid.padEnd(DEFAULT_LIMITS.bodyBytes + 1, " "),
      credentials: "key",
      status: 413,
    },
  ];
}
