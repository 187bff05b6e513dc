/** OLD or NEW could not be read: not a file, folder or git ref, not JSON, or too large. The CLI exits 2. */
export class SpecReadError extends Error {
  override readonly name = "SpecReadError";
}
