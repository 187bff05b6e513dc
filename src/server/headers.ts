import type { IncomingHttpHeaders } from "node:http";

/** Reads one request header by its lower-case name: its value, or `undefined` when the request has none. */
export type HeaderReader = (name: string) => string | undefined;

/** The headers of a node:http request (Express's and Fastify's too) as a {@link HeaderReader}. */
export function nodeHeaders(headers: IncomingHttpHeaders): HeaderReader {
  return (name) => {
    const value = headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };
}

/** The headers of a web-standard `Request` as a {@link HeaderReader}. */
export function webHeaders(headers: Headers): HeaderReader {
  return (name) => headers.get(name) ?? undefined;
}
