import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { formats } from "../schemas/formats/index.js";
import { codePoints } from "../schemas/keywords/code-points.js";
import { KINDS, validate, type Kind } from "../src/index.js";
import { loadCorpus, type Json } from "./support/corpus.js";
import { addLengthKeywords } from "./support/length-keywords.js";

// Issue 13: the JSON Schemas mean the same in Python. The corpus and the pattern edge cases go through Debian's
// python3-jsonschema (one process, every case), and each verdict is compared with the package's own.
// A disagreement is explained only by a rule listed below: a format that stock Python does not check as the
// package does, or a rule beyond JSON Schema. Every other disagreement fails the test.

const PYTHON = "/usr/bin/python3";
const SCRIPT = join(import.meta.dirname, "support", "python-verdicts.py");

/**
 * Formats stock python3-jsonschema (Debian, with the packages its install recommends: rfc3987, idna) does not
 * check as the package does, and why. `uri`, `ipv4` and `ipv6` are checked alike on the corpus.
 */
export const PYTHON_FORMATS: Readonly<Record<string, string>> = {
  "date-time": "not checked: jsonschema needs rfc3339-validator, which Debian does not package",
  hostname: "not checked: jsonschema needs fqdn, which Debian does not package",
  email: "checked only for an @ (the package checks RFC 5321's mailbox grammar)",
};

/** Rules the package's `validate` applies beyond the JSON Schema, which no schema validator can check. */
const BEYOND_SCHEMA: Readonly<Record<string, string>> = {
  duplicate_trait: "two spellings of one reserved trait (README: duplicate_trait)",
};

/** Each kind's JSON Schema file, as a Python service would load it. */
const SCHEMA_FILES: Readonly<Record<Kind, string>> = {
  thrivestack: "thrivestack-group-request.json",
  "thrivestack-legacy": "legacy-group-request.json",
  segment: "segment-group.json",
  "segment-batch": "segment-batch-request.json",
};

interface Case {
  readonly name: string;
  readonly kind: Kind;
  readonly body: Json;
}

const group = (traits: Json, extra: Record<string, Json> = {}): Json => ({ userId: "u1", groupId: "company_acme", traits, ...extra });
const legacy = (traits: Json): Json => ({ group_id: "g", user_id: "u", traits, timestamp: "2024-01-15T10:30:00Z" });

/** The cases where `$` and `\s` read differently in Python (issue 13), and their neighbours. */
const EDGE_CASES: readonly Case[] = [
  { name: 'groupId "company_acme\\n"', kind: "segment", body: { userId: "u1", groupId: "company_acme\n" } },
  { name: 'groupId "company_acme\\n\\n"', kind: "segment", body: { userId: "u1", groupId: "company_acme\n\n" } },
  { name: "groupId with U+FEFF", kind: "segment", body: { userId: "u1", groupId: "company\uFEFFacme" } },
  { name: "groupId with U+00A0", kind: "segment", body: { userId: "u1", groupId: "company\u00A0acme" } },
  { name: "groupId with U+2028", kind: "segment", body: { userId: "u1", groupId: "company\u2028acme" } },
  { name: "groupId with U+0085", kind: "segment", body: { userId: "u1", groupId: "company\u0085acme" } },
  { name: "groupId with U+180E (not whitespace since Unicode 6.3)", kind: "segment", body: { userId: "u1", groupId: "company\u180Eacme" } },
  { name: "batch groupId \"acme\\n\"", kind: "segment-batch", body: { batch: [{ type: "group", userId: "u1", groupId: "acme\n" }] } },
  { name: 'legacy employees "100\\n"', kind: "thrivestack-legacy", body: legacy({ employees: "100\n" }) },
  { name: 'legacy employees "\\n"', kind: "thrivestack-legacy", body: legacy({ employees: "\n" }) },
  { name: 'legacy employees ""', kind: "thrivestack-legacy", body: legacy({ employees: "" }) },
  { name: 'legacy employees "100"', kind: "thrivestack-legacy", body: legacy({ employees: "100" }) },
  { name: 'segment trait "plan\\n": 5', kind: "segment", body: group({ "plan\n": 5 }) },
  { name: 'segment trait "plan\\n\\n": 5', kind: "segment", body: group({ "plan\n\n": 5 }) },
  { name: 'segment trait "plan\\n": "pro"', kind: "segment", body: group({ "plan\n": "pro" }) },
  { name: 'segment trait "created_at\\n": 5', kind: "segment", body: group({ "created_at\n": 5 }) },
  { name: 'thrivestack trait "Employees\\n": "many"', kind: "thrivestack", body: [{ group_id: "g", user_id: "u", traits: { "Employees\n": "many" } }] },
  { name: 'thrivestack trait "employees": true', kind: "thrivestack", body: [{ group_id: "g", user_id: "u", traits: { employees: true } }] },
  { name: 'segment trait "\\nplan": 5', kind: "segment", body: group({ "\nplan": 5 }) },
  { name: "segment trait name of 256 code points", kind: "segment", body: group({ ["x".repeat(256)]: 1 }) },
  { name: "segment trait name of 255 emoji", kind: "segment", body: group({ ["😀".repeat(255)]: 1 }) },
];

interface PythonAnswer {
  readonly version: string;
  readonly formats: readonly string[];
  readonly verdicts: readonly { readonly valid: boolean; readonly errors: readonly (readonly [string, string])[] }[];
}

/** A schema in the old style, `^...$`, that Python reads differently: the check below can fail. */
const PROBE = { schema: { type: "string", pattern: "^[a-z_]*$" }, value: "company_acme\n" };

function pythonVerdicts(cases: readonly Case[]): PythonAnswer {
  if (!existsSync(PYTHON)) {
    throw new Error(`${PYTHON} is missing: install Debian's python3 and python3-jsonschema (apt-get install -y python3-jsonschema; .ci/run does).`);
  }
  const schemas = Object.fromEntries(
    KINDS.map((kind) => [kind, JSON.parse(readFileSync(join(import.meta.dirname, "..", "generated", "json-schema", SCHEMA_FILES[kind]), "utf8"))]),
  );
  const input = JSON.stringify({
    schemas: { ...schemas, probe: PROBE.schema },
    cases: [...cases.map(({ kind, body }) => ({ kind, body })), { kind: "probe", body: PROBE.value }],
  });
  try {
    return JSON.parse(execFileSync(PYTHON, [SCRIPT], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["pipe", "pipe", "pipe"] })) as PythonAnswer;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "");
    const hint = stderr.includes("No module named 'jsonschema'") ? " Install Debian's python3-jsonschema (apt-get install -y python3-jsonschema; .ci/run does)." : "";
    throw new Error(`${PYTHON} ${SCRIPT} failed.${hint}\n${stderr.slice(0, 2000)}`);
  }
}

/**
 * Ajv with the package's formats and code-point lengths, where the formats named at each call accept anything:
 * the package's verdict as a schema validator that does not check them would reach it. One Ajv, each schema
 * compiled once, on first use; a format's checker reads the set of unchecked formats when it runs.
 */
function schemaVerdicts(): (kind: Kind, body: unknown, unchecked: readonly string[]) => boolean {
  let skipped: readonly string[] = [];
  const ajv = new Ajv2020.default({ strict: true, allowMatchingProperties: true, messages: false });
  for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, (value: string) => skipped.includes(name) || check(value));
  addLengthKeywords(ajv, codePoints);
  const compiled = new Map<Kind, (body: unknown) => boolean>();
  return (kind, body, unchecked) => {
    let validator = compiled.get(kind);
    if (validator === undefined) {
      const schema = JSON.parse(readFileSync(join(import.meta.dirname, "..", "generated", "json-schema", SCHEMA_FILES[kind]), "utf8")) as object;
      validator = ajv.compile(schema) as (body: unknown) => boolean;
      compiled.set(kind, validator);
    }
    skipped = unchecked;
    return validator(body);
  };
}

interface Row {
  readonly name: string;
  readonly ours: boolean;
  readonly python: boolean;
  readonly why?: string;
}

const cases: Case[] = [...loadCorpus().map((c) => ({ name: c.file, kind: c.kind, body: c.body })), ...EDGE_CASES];
let answer: PythonAnswer;
let rows: Row[];

beforeAll(() => {
  answer = pythonVerdicts(cases);
  const listed = Object.keys(PYTHON_FORMATS);
  const schemaVerdict = schemaVerdicts();
  rows = cases.map((c, i) => {
    const result = validate(c.kind, c.body);
    const python = answer.verdicts[i]!.valid;
    if (python === result.ok) return { name: c.name, ours: result.ok, python };
    // The package's verdict with the listed formats unchecked and no rule beyond the schema: if Python agrees
    // with that, the listed rules are the whole difference. The reason names them.
    if (schemaVerdict(c.kind, c.body, listed) !== python) return { name: c.name, ours: result.ok, python };
    if (schemaVerdict(c.kind, c.body, []) === python) {
      const beyond = result.ok ? [] : [...new Set(result.issues.map((issue) => issue.code))].filter((code) => code in BEYOND_SCHEMA);
      return { name: c.name, ours: result.ok, python, why: beyond.join(", ") || "beyond the schema" };
    }
    const alone = listed.filter((format) => schemaVerdict(c.kind, c.body, [format]) === python).map((format) => `format ${format}`);
    const why = alone.length > 0 ? alone.join(", ") : "several listed formats";
    return { name: c.name, ours: result.ok, python, why };
  });
});

describe("Python's jsonschema reads the schemas as the package does", () => {
  it("runs Debian's python3-jsonschema on every corpus case and pattern edge case", () => {
    expect(answer.verdicts.length).toBe(cases.length + 1);
    expect(cases.length).toBeGreaterThan(300);
    // The formats Python checks at all; the test lists the ones it does not check as the package does.
    expect(answer.formats).toEqual(expect.arrayContaining(["email", "ipv4", "ipv6"]));
    expect(answer.formats).not.toContain("date-time");
  });

  it("tells an old-style pattern apart (the check can fail): Python's $ matches before a final line feed", () => {
    expect(new RegExp(PROBE.schema.pattern, "u").test(PROBE.value)).toBe(false);
    expect(answer.verdicts[cases.length]!.valid).toBe(true);
  });

  it("agrees on every verdict but those the listed format and beyond-schema rules explain", () => {
    const unexplained = rows.filter((row) => row.ours !== row.python && row.why === undefined);
    expect(unexplained).toEqual([]);
  });

  it("agrees on every pattern edge case of issue 13", () => {
    const edge = rows.slice(rows.length - EDGE_CASES.length);
    expect(edge.filter((row) => row.ours !== row.python)).toEqual([]);
  });

  it("is told apart only where Python accepts what the package refuses, by the listed rules", () => {
    const explained = rows.filter((row) => row.ours !== row.python);
    // Python is never stricter than the package; each difference is a refusal Python cannot make.
    expect(explained.filter((row) => row.ours)).toEqual([]);
    const reasons = new Map<string, number>();
    for (const row of explained) reasons.set(row.why!, (reasons.get(row.why!) ?? 0) + 1);
    // Every listed rule accounts for a difference on the corpus, so none is listed needlessly.
    expect(Object.fromEntries(reasons)).toEqual({
      "format date-time": expect.any(Number),
      "format hostname": expect.any(Number),
      "format email": 1,
      duplicate_trait: 2,
    });
  });
});
