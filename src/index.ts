export { validate, assertValid, isKind, KINDS, MAX_ISSUES } from "./validate.js";
export type { Result, Kind, Bodies, ValidateOptions } from "./validate.js";
export { validateJson } from "./validate-json.js";
export type { ValidateJsonOptions } from "./validate-json.js";
export { DEFAULT_LIMITS } from "./limits.js";
export type { Limits } from "./limits.js";
export { errorResponse } from "./responses/error-response.js";
export type { ErrorBodies, ErrorInfo } from "./responses/error-response.js";
export { successResponse } from "./responses/success-response.js";
export type { SuccessBodies, SuccessOptions } from "./responses/success-response.js";
export type { HttpResponse } from "./responses/http-response.js";
export type { ErrorStatus } from "../generated/error-codes.js";
export { normalize, normalizeSpelling } from "./normalize.js";
export type { NormalizeOptions } from "./normalize.js";
export { changedTraits } from "./changed-traits.js";
export type { TraitChanges } from "./changed-traits.js";
export { translate, TRANSLATIONS, TranslationError } from "./translate/index.js";
export type { Translation } from "./translate/index.js";
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
