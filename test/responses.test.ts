import { describe, expect, it } from "vitest";
import { errorResponse, KINDS, successResponse, type ErrorStatus, type Kind } from "../src/index.js";
import { dialects } from "../schemas/registry.js";
import { nameOf } from "../schemas/named.js";
import { jsonValidator } from "./support/json-schema.js";

const operations = dialects.flatMap((d) => d.operations);
const operation = (kind: Kind) => operations.find((op) => op.kind === kind)!;
const errorSchema = (kind: Kind) => jsonValidator(nameOf(operation(kind).error.schema)!);
const successSchema = (kind: Kind) => jsonValidator(nameOf(operation(kind).success.schema)!);
const STATUSES: ErrorStatus[] = [400, 401, 413, 415, 429, 500];
const issue = { path: "/groupId", code: "required", message: "Missing required field `groupId`." } as const;

describe("errorResponse", () => {
  it.each(KINDS.flatMap((kind) => STATUSES.map((status) => [kind, status] as const)))(
    "%s %i is described by the dialect's error schema",
    (kind, status) => {
      const response = errorResponse(kind, { status, retryAfter: 7 });
      expect(response.status).toBe(status);
      expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(errorSchema(kind)(response.body), JSON.stringify(response.body)).toBe(true);
    },
  );

  it.each(KINDS)("answers issues with 400 and lists them (%s)", (kind) => {
    const response = errorResponse(kind, [issue]);
    expect(response.status).toBe(400);
    expect(errorSchema(kind)(response.body)).toBe(true);
    expect(JSON.stringify(response.body)).toContain('"issues":[{"path":"/groupId","code":"required"');
  });

  it("answers a too_large issue with 413", () => {
    const response = errorResponse("segment", [{ path: "", code: "too_large", message: "The body is 600000 bytes; the limit is 512000 bytes." }]);
    expect(response.status).toBe(413);
    expect(response.body.error.type).toBe("request_too_large");
  });

  it("uses each dialect's documented envelope", () => {
    expect(errorResponse("thrivestack", [issue]).body).toEqual({
      success: false,
      error: { code: "invalid_request", message: issue.message, issues: [issue] },
    });
    expect(errorResponse("segment", [issue]).body).toEqual({
      error: { type: "validation_error", message: issue.message, issues: [issue] },
    });
    const legacy = errorResponse("thrivestack-legacy", [issue]).body;
    expect(Object.keys(legacy)).toEqual(["status", "message", "error_code", "issues"]);
    expect(legacy).toEqual({ status: "error", message: issue.message, error_code: "INVALID_REQUEST", issues: [issue] });
  });

  it("sends Retry-After with 429 and a challenge with 401", () => {
    expect(errorResponse("thrivestack", { status: 429, retryAfter: 12.2 }).headers["retry-after"]).toBe("13");
    expect(errorResponse("segment", { status: 401 }).headers["www-authenticate"]).toBe('Basic realm="group-spec"');
    expect(errorResponse("thrivestack-legacy", { status: 401 }).headers["www-authenticate"]).toMatch(/^Bearer /);
  });
});

describe("successResponse", () => {
  it.each(KINDS)("is described by the dialect's success schema (%s)", (kind) => {
    const body = Object.values(operation(kind).examples)[0]!.value as never;
    const response = successResponse(kind, body);
    expect(response.status).toBe(200);
    expect(successSchema(kind)(response.body), JSON.stringify(response.body)).toBe(true);
  });

  it("gives thrivestack a fresh event id, or the one asked for", () => {
    const body = [{ group_id: "a", user_id: "u" }];
    const a = successResponse("thrivestack", body).body.eventId;
    const b = successResponse("thrivestack", body).body.eventId;
    expect(a).toMatch(/^evt_[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
    expect(successResponse("thrivestack", body, { eventId: "evt_1" }).body).toEqual({ success: true, eventId: "evt_1" });
  });

  it("echoes the legacy body under data, as document 000 does", () => {
    const body = { group_id: "a", user_id: "u", traits: {}, timestamp: "2020-11-23T22:28:55.111Z" };
    expect(successResponse("thrivestack-legacy", body).body).toEqual({ status: "success", message: "Group updated successfully", data: body });
  });
});
