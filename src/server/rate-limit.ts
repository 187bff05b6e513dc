import { SlidingWindow } from "./sliding-window.js";

/** How many requests each key may make in any window of time. */
export interface RateLimit {
  /** Requests allowed per key in any window; `0` turns the limit off. */
  readonly requests: number;
  /** The window's length in milliseconds (default 1000). */
  readonly windowMs?: number;
}

/** The verdict of {@link RateLimiter.take}: go ahead, or wait `retryAfter` seconds. */
export type RateVerdict = { readonly ok: true } | { readonly ok: false; readonly retryAfter: number };

/**
 * A sliding-window rate limit per key: each key may make `requests` requests in any `windowMs` span, so no
 * window edge lets twice the limit through. A refused request does not count. Memory is one
 * {@link SlidingWindow} (8 bytes per allowed request) per key that has made a request, and only known keys
 * get this far.
 */
export class RateLimiter {
  readonly #requests: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, SlidingWindow>();

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
    if (window === undefined) {
      window = new SlidingWindow(this.#requests, this.#windowMs);
      this.#windows.set(key, window);
    }
    const wait = window.wait(now);
    if (wait > 0) return { ok: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
    window.add(now);
    return { ok: true };
  }
}
