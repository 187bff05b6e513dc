import type { HeaderReader } from "./headers.js";

/**
 * Whether a request declares its body as `application/json`, in any case and with any parameters
 * (`application/json; charset=utf-8`). The operations refuse anything else with 415: a browser form can
 * post `text/plain` to another origin without a preflight, and must not reach an operation that way.
 */
export function declaresJson(header: HeaderReader): boolean {
  const type = header("content-type");
  if (type === undefined) return false;
  const semicolon = type.indexOf(";");
  return (semicolon === -1 ? type : type.slice(0, semicolon)).trim().toLowerCase() === "application/json";
}
