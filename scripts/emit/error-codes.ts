import { ERROR_STATUSES, type Dialect } from "../../schemas/dialect.js";
import { bannerComment } from "./banner.js";

/** `error-codes.ts`: per body kind, the code its error envelope carries for each status. */
export function emitErrorCodes(dialects: readonly Dialect[]): Map<string, string> {
  const byKind = Object.fromEntries(dialects.flatMap((d) => d.operations.map((op) => [op.kind, op.errorCodes])));
  const code = `${bannerComment}import type { Kind } from "./validators/index.js";

/** The statuses an error envelope can carry. */
export type ErrorStatus = ${ERROR_STATUSES.join(" | ")};

/** Per body kind, the machine-readable code its error envelope carries for each status. */
export const ERROR_CODES: Readonly<Record<Kind, Readonly<Record<ErrorStatus, string>>>> = ${JSON.stringify(byKind, null, 2)};
`;
  return new Map([["error-codes.ts", code]]);
}
