/** A command line that cannot be run as given; the CLI prints it with a hint and exits with 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";

  constructor(
    message: string,
    /** The command whose help the hint points to. */
    readonly command: string = "main",
  ) {
    super(message);
  }
}
