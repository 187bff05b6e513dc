/** An NDJSON worker that failed or exited while it had work: the CLI reports it and exits with 2. */
export class WorkerStopped extends Error {
  override readonly name = "WorkerStopped";
}
