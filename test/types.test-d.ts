import type { Static } from "@sinclair/typebox";
import { describe, expectTypeOf, it } from "vitest";
import type { components } from "../generated/openapi.js";
import type * as J from "../generated/types/index.js";
import type { SegmentBatchRequest, SegmentGroup } from "../schemas/dialects/segment.js";
import type { LegacyGroupRequest } from "../schemas/dialects/thrivestack-legacy.js";
import type { ThriveStackGroupRequest } from "../schemas/dialects/thrivestack.js";

type O = components["schemas"];

/**
 * Plain TypeScript assignability. expect-type's `toExtend` compares index signatures and intersections more
 * strictly than an assignment does, and an assignment is what a user writes.
 */
type Assignable<A, B> = [A] extends [B] ? true : false;

/**
 * `T` with `undefined` taken out of its index signatures, at every level. json2ts writes an interface, whose
 * index signature must admit the `undefined` of its optional members; TypeBox's `Static` and openapi-typescript
 * write an intersection, which need not. So json2ts's types are compared to the others up to that `undefined`.
 */
type Defined<T> = T extends object ? { [K in keyof T]: string extends K ? Exclude<Defined<T[K]>, undefined> : Defined<T[K]> } : T;

// For each body, the three ways to its type must be mutually assignable.
describe("body types agree: TypeBox Static, json-schema-to-typescript, openapi-typescript", () => {
  it("thrivestack", () => {
    expectTypeOf<Assignable<Static<typeof ThriveStackGroupRequest>, J.ThriveStackGroupRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Assignable<J.ThriveStackGroupRequest, Static<typeof ThriveStackGroupRequest>>>().toEqualTypeOf<true>();
    expectTypeOf<Assignable<Static<typeof ThriveStackGroupRequest>, O["ThriveStackGroupRequest"]>>().toEqualTypeOf<true>();
    expectTypeOf<Assignable<O["ThriveStackGroupRequest"], Static<typeof ThriveStackGroupRequest>>>().toEqualTypeOf<true>();
  });

  it("thrivestack-legacy", () => {
    expectTypeOf<Assignable<Static<typeof LegacyGroupRequest>, J.LegacyGroupRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Assignable<J.LegacyGroupRequest, Static<typeof LegacyGroupRequest>>>().toEqualTypeOf<true>();
    expectTypeOf<Assignable<Static<typeof LegacyGroupRequest>, O["LegacyGroupRequest"]>>().toEqualTypeOf<true>();
    expectTypeOf<Assignable<O["LegacyGroupRequest"], Static<typeof LegacyGroupRequest>>>().toEqualTypeOf<true>();
  });

  it("segment", () => {
    expectTypeOf<Assignable<Static<typeof SegmentGroup>, J.SegmentGroup>>().toEqualTypeOf<true>();
    expectTypeOf<Assignable<Defined<J.SegmentGroup>, Static<typeof SegmentGroup>>>().toEqualTypeOf<true>();
    expectTypeOf<Assignable<Static<typeof SegmentGroup>, O["SegmentGroup"]>>().toEqualTypeOf<true>();
    expectTypeOf<Assignable<O["SegmentGroup"], Static<typeof SegmentGroup>>>().toEqualTypeOf<true>();
  });

  it("segment-batch", () => {
    expectTypeOf<Assignable<Static<typeof SegmentBatchRequest>, J.SegmentBatchRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Assignable<Defined<J.SegmentBatchRequest>, Static<typeof SegmentBatchRequest>>>().toEqualTypeOf<true>();
    expectTypeOf<Assignable<Static<typeof SegmentBatchRequest>, O["SegmentBatchRequest"]>>().toEqualTypeOf<true>();
    expectTypeOf<Assignable<O["SegmentBatchRequest"], Static<typeof SegmentBatchRequest>>>().toEqualTypeOf<true>();
  });

  it("a body the types accept is one TypeScript users can write", () => {
    expectTypeOf({ userId: "u1", groupId: "acme", traits: { plan: "pro" } }).toExtend<J.SegmentGroup>();
    expectTypeOf({ groupId: "acme", traits: {} }).not.toExtend<J.SegmentGroup>();
    expectTypeOf([{ group_id: "a", user_id: "u", traits: { employees: 5 } }]).toExtend<J.ThriveStackGroupRequest>();
  });
});
