export { validate, assertValid, isKind, KINDS, MAX_ISSUES } from "./validate.js";
export type { Result, Kind, Bodies, ValidateOptions } from "./validate.js";
export { GroupSpecError } from "./group-spec-error.js";
export type { Issue, IssueCode } from "./issue.js";
export type {
  ThriveStackGroupRequest,
  ThriveStackGroup,
  ThriveStackTraits,
  ThriveStackContext,
  ThriveStackSuccess,
  ThriveStackError,
  LegacyGroupRequest,
  LegacyTraits,
  LegacyAddress,
  LegacySuccess,
  LegacyError,
  SegmentGroup,
  SegmentBatchRequest,
  SegmentBatchGroup,
  SegmentBatchOtherMessage,
  SegmentTraits,
  SegmentAddress,
  SegmentContext,
  SegmentIntegrations,
  SegmentSuccess,
  SegmentError,
} from "../generated/types/index.js";
