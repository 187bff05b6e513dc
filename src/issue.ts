import type { Issue } from "../generated/types/index.js";

export type { Issue };

/** A stable issue code; the README lists what each one means. */
export type IssueCode = Issue["code"];
