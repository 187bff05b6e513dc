import type { TSchema } from "@sinclair/typebox";
import { ERROR_STATUSES, type Dialect, type ErrorStatus, type Operation } from "../../schemas/dialect.js";
import { nameOf } from "../../schemas/named.js";
import { BANNER } from "./banner.js";
import { plain, type JsonObject } from "./plain.js";

const REF = "#/components/schemas/";

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: "Bad Request: the body is not JSON, or not a valid request; `issues` says where and why.",
  401: "Unauthorized: the credentials are missing or wrong. `WWW-Authenticate` names the scheme; the reference server answers a browser's request (one with `Origin`) to a Basic operation with `X-Basic` instead, so that the browser shows the JSON rather than its own sign-in prompt.",
  413: "Payload Too Large: the body (after gzip decoding) is larger than the limit.",
  415: "Unsupported Media Type: the body must be sent as `Content-Type: application/json`.",
  429: "Too Many Requests: the rate limit for this key is used up; retry after `Retry-After` seconds.",
  500: "Server Error: try again later.",
};

/** Document-level facts that do not come from the schemas. */
export interface OpenApiInfo {
  readonly version: string;
}

/** The one OpenAPI 3.1 document: every dialect's operations, security schemes and named schemas. */
export function openApiDocument(dialects: readonly Dialect[], schemas: Map<string, TSchema>, info: OpenApiInfo): JsonObject {
  const paths: JsonObject = {};
  for (const dialect of dialects) {
    for (const operation of dialect.operations) {
      paths[operation.path] = { [operation.method]: operationObject(dialect, operation) };
    }
  }
  const components = Object.fromEntries([...schemas].map(([name, schema]) => [name, plain(schema, REF, new Map())]));
  return {
    "x-generated": BANNER,
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Group API",
      version: info.version,
      summary: "The analytics Group call: associate a user with a company, account, team or workspace.",
      description:
        "The Group call in three dialects, from one set of definitions (the `group-spec` package): " +
        dialects.map((d) => `**${d.title}** — ${d.description}`).join(" ") +
        "\n\nThe server below is the one this document is served from: the `group-spec serve` reference " +
        "server keeps accepted calls in memory only, and forgets them when it stops.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/", description: "The server this document is served from (`group-spec serve`)." }],
    tags: dialects.map((d) => ({ name: d.title, description: d.description })),
    paths,
    components: {
      schemas: components,
      securitySchemes: Object.fromEntries(dialects.map((d) => [d.security.name, d.security.scheme])),
    },
  };
}

function operationObject(dialect: Dialect, operation: Operation): JsonObject {
  const responses: JsonObject = {
    200: {
      description: "OK: the call was accepted.",
      content: { "application/json": { schema: ref(operation.success.schema), example: asJson(operation.success.example) } },
    },
  };
  for (const status of ERROR_STATUSES) {
    const example = operation.error.examples[status];
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status],
      ...(status === 429 ? { headers: { "Retry-After": retryAfter } } : {}),
      content: {
        "application/json": {
          schema: ref(operation.error.schema),
          examples: { [exampleName(status)]: { summary: example.summary, value: asJson(example.value) } },
        },
      },
    };
  }
  return {
    tags: [dialect.title],
    operationId: operation.operationId,
    summary: operation.summary,
    description: `${operation.description}\n\nReference documents: ${operation.sources.join(", ")}.`,
    security: [{ [dialect.security.name]: [] }],
    requestBody: {
      required: true,
      content: {
        "application/json": {
          schema: ref(operation.request),
          examples: Object.fromEntries(
            Object.entries(operation.examples).map(([name, example]) => [
              name,
              {
                summary: example.summary,
                ...(example.description ? { description: example.description } : {}),
                value: asJson(example.value),
              },
            ]),
          ),
        },
      },
    },
    responses,
  };
}

const retryAfter: JsonObject = {
  description: "Seconds to wait before retrying.",
  required: true,
  schema: { type: "integer", minimum: 1 },
};

function exampleName(status: ErrorStatus): string {
  return ({ 400: "invalid", 401: "unauthorized", 413: "tooLarge", 415: "unsupportedMediaType", 429: "rateLimited", 500: "serverError" } as const)[status];
}

function ref(schema: TSchema): JsonObject {
  return { $ref: REF + nameOf(schema)! };
}

function asJson(value: unknown): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}
