/** A run of lines sent to a worker; `bytes` is transferred, not copied. */
export interface Job {
  readonly id: number;
  readonly file: string;
  readonly firstLine: number;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/**
 * A worker's answer to a {@link Job}: the printed verdicts as UTF-8 and the counts, and the job's memory
 * handed back (both transferred) for the next job to reuse.
 */
export interface JobDone {
  readonly id: number;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly data: Uint8Array;
  readonly valid: number;
  readonly invalid: number;
}

/** What a worker posts once its code is loaded, before any answer. */
export const READY = "ready";

/** A message from a worker. */
export type WorkerMessage = JobDone | typeof READY;
