import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { validators, type Kind } from "../generated/validators/index.js";
import { dialects } from "../schemas/registry.js";
import { jsonValidator } from "./support/json-schema.js";

const ROOT = join(import.meta.dirname, "..");
const document = JSON.parse(readFileSync(join(ROOT, "generated/openapi.json"), "utf8"));

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)", async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("passes redocly lint with no errors and no warnings", async () => {
    const { stdout, stderr } = await promisify(execFile)(
      join(ROOT, "node_modules/.bin/redocly"),
      ["lint", "generated/openapi.json", "--format", "json"],
      { cwd: ROOT, env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
    );
    const report = JSON.parse(stdout.slice(stdout.indexOf("{"))) as { totals: { errors: number; warnings: number } };
    expect(report.totals, stderr).toEqual(expect.objectContaining({ errors: 0, warnings: 0 }));
  });

  it("documents the four operations with their security schemes", () => {
    const operations = Object.entries(document.paths as Record<string, Record<string, { security: object[] }>>).map(
      ([path, item]) => [path, Object.keys(item), item["post"]!.security] as const,
    );
    expect(operations).toEqual([
      ["/api/group", ["post"], [{ ApiKeyAuth: [] }]],
      ["/legacy/api/group", ["post"], [{ BearerAuth: [] }]],
      ["/v1/group", ["post"], [{ WriteKeyAuth: [] }]],
      ["/v1/batch", ["post"], [{ WriteKeyAuth: [] }]],
    ]);
    expect(document.components.securitySchemes).toEqual({
      ApiKeyAuth: expect.objectContaining({ type: "apiKey", in: "header", name: "x-api-key" }),
      BearerAuth: expect.objectContaining({ type: "http", scheme: "bearer" }),
      WriteKeyAuth: expect.objectContaining({ type: "http", scheme: "basic" }),
    });
  });

  it("documents every error status of every operation, 429 with Retry-After", () => {
    for (const item of Object.values(document.paths as Record<string, { post: { responses: Record<string, { headers?: object }> } }>)) {
      expect(Object.keys(item.post.responses)).toEqual(["200", "400", "401", "413", "415", "429", "500"]);
      expect(item.post.responses["429"]!.headers).toHaveProperty("Retry-After");
    }
  });

  it("has request examples that the generated validators accept", () => {
    for (const dialect of dialects) {
      for (const operation of dialect.operations) {
        const media = document.paths[operation.path].post.requestBody.content["application/json"];
        const examples = Object.entries(media.examples as Record<string, { value: unknown }>);
        expect(examples.length).toBeGreaterThan(0);
        for (const [name, example] of examples) {
          expect(validators[operation.kind as Kind](example.value), `${operation.kind} example ${name}`).toBe(true);
        }
      }
    }
  });

  it("has response examples that validate against their response schemas", () => {
    for (const item of Object.values(document.paths as Record<string, { post: { responses: Record<string, ResponseObject> } }>)) {
      for (const [status, response] of Object.entries(item.post.responses)) {
        const media = response.content["application/json"];
        const check = jsonValidator(media.schema.$ref.replace("#/components/schemas/", ""));
        const values = media.example !== undefined ? [media.example] : Object.values(media.examples ?? {}).map((e) => e.value);
        expect(values.length, status).toBeGreaterThan(0);
        for (const value of values) expect(check(value), `${status} ${JSON.stringify(value)}`).toBe(true);
      }
    }
  });
});

interface ResponseObject {
  content: { "application/json": { schema: { $ref: string }; example?: unknown; examples?: Record<string, { value: unknown }> } };
}
