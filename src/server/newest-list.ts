/**
 * The newest `capacity` items added, oldest first. Adding past the capacity overwrites the oldest slot of a
 * ring, so a full list costs O(1) per item where `Array.prototype.shift` would move every item. Memory is
 * one array of at most `capacity` slots.
 */
export class NewestList<T> {
  readonly #capacity: number;
  readonly #items: T[] = [];
  /** Where the oldest item is, once the ring is full. */
  #start = 0;

  /** Keeps at most `capacity` items (`0` keeps none). */
  constructor(capacity: number) {
    this.#capacity = Math.max(0, capacity);
  }

  /** How many items are kept. */
  get length(): number {
    return this.#items.length;
  }

  /** Adds `item` as the newest; returns the item dropped to make room (`item` itself at capacity 0). */
  push(item: T): T | undefined {
    if (this.#capacity === 0) return item;
    if (this.#items.length < this.#capacity) {
      this.#items.push(item);
      return undefined;
    }
    const dropped = this.#items[this.#start];
    this.#items[this.#start] = item;
    this.#start = (this.#start + 1) % this.#capacity;
    return dropped;
  }

  /** The items, oldest first, as a new array. */
  toArray(): T[] {
    return [...this.#items.slice(this.#start), ...this.#items.slice(0, this.#start)];
  }
}
