import type { Issue } from "../issue.js";

/** One body's verdict, as `--format json` prints it. */
export interface Verdict {
  readonly file: string;
  readonly line?: number;
  readonly valid: boolean;
  readonly issues: readonly Issue[];
}

/** The output formats of `group-spec validate`. */
export const FORMATS = ["pretty", "json", "github"] as const;

/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** A verdict as the format prints it. */
export function formatVerdict(verdict: Verdict, format: Format): string {
  const where = verdict.line === undefined ? verdict.file : `${verdict.file}:${verdict.line}`;
  switch (format) {
    case "json":
      return `${JSON.stringify(verdict)}\n`;
    case "github":
      // GitHub Actions workflow commands: one error annotation per issue.
      return verdict.issues
        .map((issue) => `::error file=${property(verdict.file)},line=${verdict.line ?? 1},title=${property(`${issue.code} at ${issue.path || "/"}`)}::${data(issue.message)}\n`)
        .join("");
    case "pretty": {
      if (verdict.valid) return `${where}: valid\n`;
      const lines = verdict.issues.map((issue) => `  ${issue.path || "/"}  ${issue.code}  ${issue.message}`);
      return `${where}: invalid\n${lines.join("\n")}\n`;
    }
  }
}

/** The closing line: how many bodies were valid and invalid. */
export function summary(valid: number, invalid: number): string {
  return `${valid} valid, ${invalid} invalid\n`;
}

// Escaping of workflow command values and properties, as the GitHub Actions toolkit does it.
function data(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(value: string): string {
  return data(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
