import { isIPv6 } from "node:net";

/**
 * The key a remote address is counted under: an IPv4 address as is (also when IPv4-mapped, `::ffff:a.b.c.d`),
 * an IPv6 address by its /64 prefix, since one host is usually given a whole /64 and could otherwise
 * rotate through addresses to escape a per-address limit. An unknown address (a destroyed socket) is `"?"`.
 */
export function addressKey(remote: string | undefined): string {
  if (remote === undefined || remote === "") return "?";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote);
  if (mapped) return mapped[1]!;
  if (!isIPv6(remote)) return remote;
  return `${expand(remote).slice(0, 4).join(":")}::/64`;
}

/** The eight hextets of an IPv6 address, `::` filled in, zone id dropped. */
function expand(address: string): string[] {
  const [head = "", tail] = address.split("%")[0]!.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => "0");
  return [...left, ...zeros, ...right].map((hextet) => (hextet.includes(".") ? hextet : hextet.replace(/^0+(?=.)/, "").toLowerCase()));
}
