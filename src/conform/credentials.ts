import type { Security } from "../../generated/dialects.js";
import type { Credentials } from "./conform-case.js";

/** The headers that carry `key` the way the dialect's security scheme says: an API key header, Bearer or Basic. */
export function credentialHeaders(security: Security, key: string, credentials: Credentials): Record<string, string> {
  if (credentials === "none") return {};
  const value = credentials === "wrong" ? `${key}-wrong` : key;
  if (security.type === "apiKey") return { [security.name.toLowerCase()]: value };
  if (security.scheme === "bearer") return { authorization: `Bearer ${value}` };
  return { authorization: `Basic ${Buffer.from(`${value}:`).toString("base64")}` };
}
