// A bounded first-in-first-out store: what a writer keeps while it cannot write. Past its capacity the
// oldest entries go, and the caller is told how many, so that nothing disappears without a count.
export class ResultBuffer<T> {
  private entries: T[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  }

  get size(): number {
    return this.entries.length;
  }

  /** Adds at the back; returns how many of the oldest entries were dropped to make room. */
  push(entry: T): number {
    this.entries.push(entry);
    return this.trim();
  }

  /** Removes and returns up to `count` entries from the front (the oldest first). */
  take(count: number): T[] {
    return this.entries.splice(0, count);
  }

  /**
   * Puts entries taken earlier back at the front, ahead of anything added since, and returns how
   * many of the oldest were dropped if that is more than the capacity.
   */
  putBack(entries: readonly T[]): number {
    this.entries = [...entries, ...this.entries];
    return this.trim();
  }

  private trim(): number {
    const excess = this.entries.length - this.capacity;
    if (excess <= 0) return 0;
    this.entries.splice(0, excess);
    return excess;
  }
}
