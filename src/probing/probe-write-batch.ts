// Gathers a probe round's results and hands them to the writer together: everything that arrived within
// `windowMs` of the first waiting result, or at the end of the round, whichever comes first. A simulated
// round (every result within milliseconds) is one write; a live round of slow providers a write per
// window, so that no model's state waits for the slowest provider. Writes run one after another, in order.
export class ProbeWriteBatch<T> {
  private waiting: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (entries: T[]) => Promise<void>,
    private readonly windowMs: number,
  ) {}

  add(entry: T): void {
    this.waiting.push(entry);
    this.timer ??= setTimeout(() => this.flush(), this.windowMs);
  }

  /** Writes what waits and resolves once every write handed over so far has finished. */
  async close(): Promise<void> {
    this.flush();
    await this.writing;
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.waiting.length === 0) return;
    const entries = this.waiting;
    this.waiting = [];
    // A failed write is the writer's to report (the recorder keeps what the database did not take).
    this.writing = this.writing.then(() => this.write(entries)).catch(() => undefined);
  }
}
