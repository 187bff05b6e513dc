import { createHash, timingSafeEqual } from "node:crypto";
import { DIALECTS } from "../../generated/dialects.js";
import type { Kind } from "../validate.js";
import type { HeaderReader } from "./headers.js";

/**
 * The credential a request carries, read the way its dialect's security scheme says (generated/dialects.ts):
 * an API key header (`x-api-key`), `Authorization: Bearer <token>`, or `Authorization: Basic` with the write
 * key as the user name and any password. `undefined` when there is none.
 */
export function credentialOf(kind: Kind, header: HeaderReader): string | undefined {
  const security = DIALECTS[kind].security;
  if (security.type === "apiKey") {
    return nonEmpty(header(security.name.toLowerCase()));
  }
  const authorization = header("authorization") ?? "";
  const [, scheme = "", value = ""] = /^\s*(\S+)\s+(\S+)\s*$/.exec(authorization) ?? [];
  if (scheme.toLowerCase() !== security.scheme) return undefined;
  if (security.scheme === "bearer") return nonEmpty(value);
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return nonEmpty(colon === -1 ? decoded : decoded.slice(0, colon));
}

/**
 * The API keys a server accepts. A key is known by the hex SHA-256 of its text, which also names its data in
 * the store, so the keys themselves are not kept around in more places than needed.
 */
export class Keyring {
  readonly #digests: readonly Buffer[];

  /** Accepts each of `keys`; an empty key is refused. */
  constructor(keys: readonly string[]) {
    if (keys.length === 0 || keys.some((key) => key.length === 0)) throw new RangeError("Give at least one API key, none empty.");
    this.#digests = keys.map(digest);
  }

  /**
   * The id (hex SHA-256) of the key `credential` matches, or `undefined`. Digests have one length, so
   * `timingSafeEqual` applies to any credential, and every key is compared: the time taken tells nothing
   * about which key, or how much of one, matched.
   */
  match(credential: string | undefined): string | undefined {
    if (credential === undefined) return undefined;
    const given = digest(credential);
    let found: Buffer | undefined;
    for (const known of this.#digests) {
      if (timingSafeEqual(given, known)) found = known;
    }
    return found?.toString("hex");
  }
}

/** The id the server knows a key by (what {@link Keyring.match} returns for it): the hex SHA-256 of its text. */
export function keyId(key: string): string {
  return digest(key).toString("hex");
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
