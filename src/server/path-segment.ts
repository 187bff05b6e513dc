/**
 * A percent-encoded path segment, decoded; as it is when it is not a valid percent-encoding (no group id or
 * message id can then be it, so it is looked up, and not found, as is).
 */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
