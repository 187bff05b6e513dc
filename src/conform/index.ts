export { conform, RETRIES_ON_429, MAX_RETRY_WAIT_MS } from "./conform.js";
export type { ConformOptions, ConformReport } from "./conform.js";
export type { CaseResult, ConformCase } from "./conform-case.js";
export { formatConform, CONFORM_FORMATS } from "./report.js";
export type { ConformFormat } from "./report.js";
export { junitXml } from "./junit.js";
