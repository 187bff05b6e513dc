import type { ConformReport } from "./conform.js";

/**
 * The report as JUnit XML, the format CI systems read: one `testsuite` for the kind, one `testcase` per case,
 * a `failure` holding its errors, and its warnings in `system-out`.
 */
export function junitXml(report: ConformReport): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = report.results.reduce((sum, r) => sum + r.ms, 0);
  const cases = report.results.map((r) => {
    const open = `    <testcase classname="${xml(`group-spec conform ${report.kind}`)}" name="${xml(r.name)}" time="${seconds(r.ms)}"`;
    const failure = r.ok ? "" : `\n      <failure message="${xml(r.errors[0] ?? "")}">${xml(r.errors.join("\n"))}</failure>`;
    const out = r.warnings.length === 0 ? "" : `\n      <system-out>${xml(r.warnings.map((w) => `warning: ${w}`).join("\n"))}</system-out>`;
    return failure === "" && out === "" ? `${open}/>` : `${open}>${failure}${out}\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="group-spec conform" tests="${report.results.length}" failures="${report.failed}" time="${seconds(total)}">`,
    `  <testsuite name="${xml(`${report.kind} at ${report.url}`)}" tests="${report.results.length}" failures="${report.failed}" errors="0" skipped="0" time="${seconds(total)}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

/** Text as XML character data or an attribute value; characters XML 1.0 cannot hold become U+FFFD. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
