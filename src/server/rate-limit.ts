/** How many requests each key may make per window. */
export interface RateLimit {
  /** Requests allowed per key in each window; `0` turns the limit off. */
  readonly requests: number;
  /** The window's length in milliseconds (default 1000). */
  readonly windowMs?: number;
}

/** The verdict of {@link RateLimiter.take}: go ahead, or wait `retryAfter` seconds. */
export type RateVerdict = { readonly ok: true } | { readonly ok: false; readonly retryAfter: number };

/**
 * A fixed-window rate limit per key: each key may make `requests` requests per window; the window starts
 * at the key's first request after the previous one ended. Memory is one entry per key that has made a
 * request, and only known keys get this far.
 */
export class RateLimiter {
  readonly #requests: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, { start: number; count: number }>();

  /** `now` is for tests that step the clock. */
  constructor(limit: RateLimit, now: () => number = Date.now) {
    this.#requests = limit.requests;
    this.#windowMs = limit.windowMs ?? 1000;
    this.#now = now;
  }

  /** Counts one request of `key` and says whether it may go ahead. */
  take(key: string): RateVerdict {
    if (this.#requests <= 0) return { ok: true };
    const now = this.#now();
    let window = this.#windows.get(key);
    if (window === undefined || now - window.start >= this.#windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count++;
    if (window.count <= this.#requests) return { ok: true };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((window.start + this.#windowMs - now) / 1000)) };
  }
}
