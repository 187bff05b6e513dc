import type { RateLimit } from "./rate-limit.js";
import { addressKey } from "./remote-address.js";
import { SlidingWindow } from "./sliding-window.js";

/** The default: 20 failed authentications per remote address in any minute, then 429 until one expires. */
export const DEFAULT_AUTH_FAILURE_LIMIT: RateLimit = Object.freeze({ requests: 20, windowMs: 60_000 });

/** At most this many addresses are tracked; past it the one that failed longest ago is forgotten. */
export const MAX_TRACKED_ADDRESSES = 10_000;

/**
 * Failed authentications per remote address (IPv6 by /64, see {@link addressKey}), in a sliding window. Once
 * an address has failed `requests` times in `windowMs`, it is refused before its credential is checked, so
 * a right guess then gets the same 429 as a wrong one and guessing costs the window's time. Memory is
 * bounded: {@link MAX_TRACKED_ADDRESSES} windows of 8 bytes per counted failure.
 */
export class AuthFailures {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #maxAddresses: number;
  // In order of last failure, so the first entry is the one to forget.
  readonly #windows = new Map<string, SlidingWindow>();

  /** `limit.requests` counts failures (`0` turns the limit off); `now` is for tests that step the clock. */
  constructor(limit: RateLimit, now: () => number = Date.now, maxAddresses = MAX_TRACKED_ADDRESSES) {
    this.#limit = limit.requests;
    this.#windowMs = limit.windowMs ?? 60_000;
    this.#now = now;
    this.#maxAddresses = maxAddresses;
  }

  /** Seconds `remote` must wait before it may try a credential again; `0` when it may now. */
  retryAfter(remote: string | undefined): number {
    if (this.#limit <= 0) return 0;
    const key = addressKey(remote);
    const window = this.#windows.get(key);
    if (window === undefined) return 0;
    const now = this.#now();
    if (window.newest() + this.#windowMs <= now) {
      // Every failure it recorded has expired: nothing to remember.
      this.#windows.delete(key);
      return 0;
    }
    const wait = window.wait(now);
    return wait === 0 ? 0 : Math.max(1, Math.ceil(wait / 1000));
  }

  /** Counts one failed authentication of `remote`. */
  fail(remote: string | undefined): void {
    if (this.#limit <= 0) return;
    const key = addressKey(remote);
    const window = this.#windows.get(key) ?? new SlidingWindow(this.#limit, this.#windowMs);
    this.#windows.delete(key);
    this.#windows.set(key, window);
    window.add(this.#now());
    if (this.#windows.size > this.#maxAddresses) this.#windows.delete(this.#windows.keys().next().value as string);
  }
}
