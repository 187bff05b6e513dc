/**
 * An exact sliding-window count: at most `limit` events in any `windowMs`-long span of time, wherever the
 * span starts. The times of the last `limit` events are kept in a ring, so the check is O(1) and the memory
 * is 8 × `limit` bytes; a fixed window, by contrast, lets 2 × `limit` through around each window edge.
 */
export class SlidingWindow {
  readonly #times: Float64Array;
  readonly #windowMs: number;
  /** Where the next event's time goes: also the oldest kept time once the ring is full. */
  #next = 0;
  #count = 0;

  /** `limit` is at least 1; `windowMs` is the span's length in milliseconds. */
  constructor(limit: number, windowMs: number) {
    this.#times = new Float64Array(limit);
    this.#windowMs = windowMs;
  }

  /** Milliseconds until one more event fits in the window at `now`; `0` when it fits now. */
  wait(now: number): number {
    if (this.#count < this.#times.length) return 0;
    return Math.max(0, this.#times[this.#next]! + this.#windowMs - now);
  }

  /** Counts one event at `now`; callers ask {@link wait} first, so a full ring only loses expired times. */
  add(now: number): void {
    this.#times[this.#next] = now;
    this.#next = (this.#next + 1) % this.#times.length;
    this.#count = Math.min(this.#count + 1, this.#times.length);
  }

  /** The time of the newest event, or `-Infinity` before the first. */
  newest(): number {
    if (this.#count === 0) return -Infinity;
    return this.#times[(this.#next + this.#times.length - 1) % this.#times.length]!;
  }
}
