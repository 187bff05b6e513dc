import type { Static } from "@sinclair/typebox";
import type { paths } from "group-spec/openapi";
import { describe, expectTypeOf, it } from "vitest";
import type * as J from "../generated/types/index.js";
import type { SegmentBatchRequest, SegmentGroup } from "../schemas/dialects/segment.js";
import type { LegacyGroupRequest } from "../schemas/dialects/thrivestack-legacy.js";
import type { ThriveStackGroupRequest } from "../schemas/dialects/thrivestack.js";

// Issue 13: what the three type routes refuse, each refusal a compile error (`@ts-expect-error` fails the type
// check when the line below it compiles), and what they accept that the closed types used to refuse. The valid
// corpus bodies are in corpus-bodies.test-d.ts.

type RequestBody<P extends keyof paths> = NonNullable<paths[P]["post"]["requestBody"]>["content"]["application/json"];

type Thrivestack = [J.ThriveStackGroupRequest, RequestBody<"/api/group">, Static<typeof ThriveStackGroupRequest>];
type Legacy = [J.LegacyGroupRequest, RequestBody<"/legacy/api/group">, Static<typeof LegacyGroupRequest>];
type Segment = [J.SegmentGroup, RequestBody<"/v1/group">, Static<typeof SegmentGroup>];
type Batch = [J.SegmentBatchRequest, RequestBody<"/v1/batch">, Static<typeof SegmentBatchRequest>];

const legacy = { group_id: "g", user_id: "u", timestamp: "2024-01-15T10:30:00Z" } as const;

describe("the type routes refuse", () => {
  it("a body without its ids", () => {
    // @ts-expect-error user_id is required
    void ([{ group_id: "g" }] satisfies Thrivestack[0]);
    // @ts-expect-error user_id is required
    void ([{ group_id: "g" }] satisfies Thrivestack[1]);
    // @ts-expect-error user_id is required
    void ([{ group_id: "g" }] satisfies Thrivestack[2]);
    // @ts-expect-error group_id is required
    void ({ user_id: "u", traits: {}, timestamp: legacy.timestamp } satisfies Legacy[0]);
    // @ts-expect-error group_id is required
    void ({ user_id: "u", traits: {}, timestamp: legacy.timestamp } satisfies Legacy[1]);
    // @ts-expect-error group_id is required
    void ({ user_id: "u", traits: {}, timestamp: legacy.timestamp } satisfies Legacy[2]);
    // @ts-expect-error groupId is required
    void ({ userId: "u" } satisfies Segment[0]);
    // @ts-expect-error groupId is required
    void ({ userId: "u" } satisfies Segment[1]);
    // @ts-expect-error groupId is required
    void ({ userId: "u" } satisfies Segment[2]);
    // @ts-expect-error userId or anonymousId is required
    void ({ groupId: "g" } satisfies Segment[0]);
    // @ts-expect-error userId or anonymousId is required
    void ({ groupId: "g" } satisfies Segment[1]);
    // @ts-expect-error userId or anonymousId is required
    void ({ groupId: "g" } satisfies Segment[2]);
    // @ts-expect-error a batch message needs userId or anonymousId
    void ({ batch: [{ type: "track" }] } satisfies Batch[0]);
    // @ts-expect-error a batch message needs userId or anonymousId
    void ({ batch: [{ type: "track" }] } satisfies Batch[1]);
    // @ts-expect-error a batch message needs userId or anonymousId
    void ({ batch: [{ type: "track" }] } satisfies Batch[2]);
  });

  it("a reserved trait of the wrong type, under the one spelling the types know (the canonical name)", () => {
    // @ts-expect-error employees is a number
    void ([{ group_id: "g", user_id: "u", traits: { employees: "many" } }] satisfies Thrivestack[0]);
    // @ts-expect-error employees is a number
    void ([{ group_id: "g", user_id: "u", traits: { employees: "many" } }] satisfies Thrivestack[1]);
    // @ts-expect-error employees is a number
    void ([{ group_id: "g", user_id: "u", traits: { employees: "many" } }] satisfies Thrivestack[2]);
    // @ts-expect-error enrichment_tags is a list of strings
    void ([{ group_id: "g", user_id: "u", traits: { enrichment_tags: "b2b" } }] satisfies Thrivestack[0]);
    // @ts-expect-error enrichment_tags is a list of strings
    void ([{ group_id: "g", user_id: "u", traits: { enrichment_tags: "b2b" } }] satisfies Thrivestack[1]);
    // @ts-expect-error enrichment_tags is a list of strings
    void ([{ group_id: "g", user_id: "u", traits: { enrichment_tags: "b2b" } }] satisfies Thrivestack[2]);
    // @ts-expect-error employees is an integer or a string of digits
    void ({ ...legacy, traits: { employees: true } } satisfies Legacy[0]);
    // @ts-expect-error employees is an integer or a string of digits
    void ({ ...legacy, traits: { employees: true } } satisfies Legacy[1]);
    // @ts-expect-error employees is an integer or a string of digits
    void ({ ...legacy, traits: { employees: true } } satisfies Legacy[2]);
    // @ts-expect-error createdAt is a date-time string
    void ({ userId: "u", groupId: "g", traits: { createdAt: 5 } } satisfies Segment[0]);
    // @ts-expect-error createdAt is a date-time string
    void ({ userId: "u", groupId: "g", traits: { createdAt: 5 } } satisfies Segment[1]);
    // @ts-expect-error createdAt is a date-time string
    void ({ userId: "u", groupId: "g", traits: { createdAt: 5 } } satisfies Segment[2]);
    // A batch message typed `group` is not told apart from other messages by TypeScript (see the last case).
  });

  it("`trait` for `traits` where the body is closed", () => {
    // @ts-expect-error no key `trait`
    void ([{ group_id: "g", user_id: "u", trait: { plan: "pro" } }] satisfies Thrivestack[0]);
    // @ts-expect-error no key `trait`
    void ([{ group_id: "g", user_id: "u", trait: { plan: "pro" } }] satisfies Thrivestack[1]);
    // @ts-expect-error no key `trait`
    void ([{ group_id: "g", user_id: "u", trait: { plan: "pro" } }] satisfies Thrivestack[2]);
    // @ts-expect-error no key `trait` (and `traits` is required)
    void ({ ...legacy, trait: { plan: "pro" } } satisfies Legacy[0]);
    // @ts-expect-error no key `trait` (and `traits` is required)
    void ({ ...legacy, trait: { plan: "pro" } } satisfies Legacy[1]);
    // @ts-expect-error no key `trait` (and `traits` is required)
    void ({ ...legacy, trait: { plan: "pro" } } satisfies Legacy[2]);
  });

  it("a segment custom trait nested deeper than 3 levels", () => {
    const deep = { a: { b: { c: { d: 1 } } } };
    // @ts-expect-error 4 levels
    void ({ userId: "u", groupId: "g", traits: { deep } } satisfies Segment[0]);
    // @ts-expect-error 4 levels
    void ({ userId: "u", groupId: "g", traits: { deep } } satisfies Segment[1]);
    // @ts-expect-error 4 levels
    void ({ userId: "u", groupId: "g", traits: { deep } } satisfies Segment[2]);
  });

  it("a batch group message without groupId: TypeScript cannot (no type is 'any string but group')", () => {
    // The batch's messages are SegmentBatchGroup | SegmentBatchOtherMessage, told apart by `type` being "group"
    // or any other string. TypeScript has no "string but not group", so a message typed "group" also fits the
    // other-message type (string `type`, an identity, any other keys): neither a missing groupId nor a wrongly
    // typed reserved trait in it is a type error. README, "What TypeScript cannot express"; validate refuses both.
    expectTypeOf<{ type: "group"; userId: string }>().toExtend<Batch[0]["batch"][number]>();
    expectTypeOf<{ type: "group"; userId: string }>().toExtend<Batch[1]["batch"][number]>();
    expectTypeOf<{ type: "group"; userId: string }>().toExtend<Batch[2]["batch"][number]>();
  });
});

describe("the type routes accept what the schemas accept", () => {
  it("any JSON value as a ThriveStack custom trait, and keys in the open objects", () => {
    const body = [{ group_id: "g", user_id: "u", traits: { beta: true, churned: null, owner: { id: 1 } }, context: { page: { url: "/" } } }];
    void (((body satisfies Thrivestack[0]) satisfies Thrivestack[1]) satisfies Thrivestack[2]);
    const old = { ...legacy, traits: { beta: true, address: { street: "1 Main St", floor: 3 } }, context: { ip: "10.0.0.1" } };
    void (((old satisfies Legacy[0]) satisfies Legacy[1]) satisfies Legacy[2]);
  });

  it("a segment message as SDKs send it: channel, _metadata, integration options, context keys", () => {
    const message = {
      userId: "u",
      groupId: "g",
      channel: "server",
      _metadata: { nodeVersion: "20.11.0", jsRuntime: "node" },
      integrations: { All: true, Mixpanel: false, Amplitude: { session_id: 1 } },
      context: { library: { name: "@segment/analytics-node", version: "2.1.0" }, page: { path: "/" } },
      traits: { name: "Acme", plan_details: { tier: "gold", seats: [1, 2] } },
    };
    void (((message satisfies Segment[0]) satisfies Segment[1]) satisfies Segment[2]);
  });
});
