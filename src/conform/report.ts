import type { ConformReport } from "./conform.js";

/** The output formats of `group-spec conform`. */
export const CONFORM_FORMATS = ["pretty", "json"] as const;

/** One of {@link CONFORM_FORMATS}. */
export type ConformFormat = (typeof CONFORM_FORMATS)[number];

/** The report in one format: `pretty` lists the failing cases and the warnings, `json` is one document. */
export function formatConform(report: ConformReport, format: ConformFormat): string {
  if (format === "json") return `${JSON.stringify(report)}\n`;
  const lines = [`${report.kind} at ${report.url}`];
  for (const result of report.results) {
    if (!result.ok) lines.push(`  FAIL  ${result.name}  ${result.errors.join("; ")}`);
    for (const warning of result.warnings) lines.push(`  warn  ${result.name}  ${warning}`);
  }
  lines.push(`${report.passed} of ${report.results.length} cases conform, ${report.failed} do not; ${report.warnings} warning(s)`);
  return `${lines.join("\n")}\n`;
}
