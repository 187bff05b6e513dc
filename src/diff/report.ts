import type { DiffResult } from "./diff.js";
import type { Finding } from "./finding.js";
import { preview } from "./witness.js";

/** The output formats of `group-spec diff`. */
export const DIFF_FORMATS = ["pretty", "json", "github"] as const;

/** One of {@link DIFF_FORMATS}. */
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** The whole report in one format. */
export function formatDiff(result: DiffResult, format: DiffFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(result)}\n`;
    case "github":
      return result.findings.map(github).join("") + `${summary(result)}\n`;
    case "pretty":
      return pretty(result);
  }
}

function pretty(result: DiffResult): string {
  const lines = [`${label(result.old)} → ${label(result.new)}`];
  let slot: string | undefined;
  for (const finding of result.findings) {
    if (finding.slot !== slot) lines.push("", (slot = finding.slot));
    lines.push(`  ${finding.class.padEnd(12)} ${finding.at || "/"}  ${finding.summary}`, `  ${"".padEnd(12)} ${finding.note}`);
    const witness = finding.witness;
    if (witness !== undefined) {
      const accepted = witness.direction === "narrowed" ? "OLD accepts, NEW refuses" : "NEW accepts, OLD refuses";
      lines.push(`  ${"".padEnd(12)} witness (${accepted}; edit: ${witness.edit}; refused at ${witness.refusal}):`, `  ${"".padEnd(12)}   ${preview(witness.body, 400)}`);
    }
  }
  if (result.findings.length === 0) lines.push("", "No changes.");
  lines.push("", summary(result));
  return `${lines.join("\n")}\n`;
}

function github(finding: Finding): string {
  const command = finding.class === "breaking" ? "error" : finding.class === "unconfirmed" ? "warning" : "notice";
  const title = `${finding.class}: ${finding.slot} ${finding.at || "/"}`;
  const witness = finding.witness === undefined ? "" : ` Witness (edit: ${finding.witness.edit}; refused at ${finding.witness.refusal}): ${JSON.stringify(finding.witness.body)}`;
  return `::${command} title=${property(title)}::${data(`${finding.summary}: ${finding.note}.${witness}`)}\n`;
}

/** The closing line: counts, and whether the version allows what broke. */
export function summary(result: DiffResult): string {
  const { breaking, compatible, unconfirmed, info } = result.counts;
  const counts = `${breaking} breaking, ${compatible} compatible, ${unconfirmed} could not confirm, ${info} info`;
  if (breaking === 0) return counts;
  const versions = `${result.old.version ?? "no version"} → ${result.new.version ?? "no version"}`;
  return result.versionAllowsBreaking
    ? `${counts}; the version went up (${versions}), so breaking changes are allowed`
    : `${counts}; a breaking change needs a new major version (minor before 1.0), but the version is ${versions}`;
}

function label(side: DiffResult["old"]): string {
  return side.version === undefined ? side.source : `${side.source} (${side.version})`;
}

// Escaping of workflow command values and properties, as the GitHub Actions toolkit does it.
function data(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(value: string): string {
  return data(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
