/** A run of lines sent to a worker; `bytes` is transferred, not copied. */
export interface Job {
  readonly id: number;
  readonly file: string;
  readonly firstLine: number;
  readonly bytes: Uint8Array;
}

/** A worker's answer to a {@link Job}: the printed verdicts as UTF-8 (transferred) and the counts. */
export interface JobDone {
  readonly id: number;
  readonly data: Uint8Array;
  readonly valid: number;
  readonly invalid: number;
}
