/**
 * Results written in the order they were pushed, whichever finishes first, with at most `bound` pushed and
 * not yet written: `push` waits for room, so a slow writer or a slow worker slows the reader, never grows
 * memory. The first failure (of a result or of a write) stops all writing and is thrown by every later `push`
 * and by `finish`.
 */
export class OrderedSink<T> {
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;
  #failed = false;
  #failure: unknown;
  #wake: (() => void) | undefined;
  readonly #onFailure: (() => void) | undefined;

  constructor(
    private readonly write: (result: T) => Promise<void>,
    private readonly bound: number,
    onFailure?: () => void,
  ) {
    this.#onFailure = onFailure;
  }

  /** Whether a result or a write failed, and with what. */
  get failure(): { readonly error: unknown } | undefined {
    return this.#failed ? { error: this.#failure } : undefined;
  }

  /** Queues a result (or the promise of one) behind the others; resolves once fewer than `bound` wait. */
  async push(result: T | Promise<T>): Promise<void> {
    this.#throwIfFailed();
    // Handled here, reported in order below: a result that fails while it waits its turn is no unhandled rejection.
    if (result instanceof Promise) result.catch(() => undefined);
    this.#pending++;
    this.#tail = this.#tail.then(async () => {
      if (this.#failed) return;
      try {
        await this.write(await result);
      } catch (error) {
        this.#failed = true;
        this.#failure = error;
        this.#onFailure?.();
      }
      this.#pending--;
      this.#wake?.();
    });
    while (this.#pending >= this.bound && !this.#failed) {
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
    this.#throwIfFailed();
  }

  /** Waits until everything pushed is written; throws the first failure. */
  async finish(): Promise<void> {
    await this.#tail;
    this.#throwIfFailed();
  }

  #throwIfFailed(): void {
    if (this.#failed) throw this.#failure;
  }
}
