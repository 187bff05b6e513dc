/** A file that cannot be read, or a pattern that matches nothing: exit status 2. */
export class ReadError extends Error {
  override readonly name = "ReadError";
}
