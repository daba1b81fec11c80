// Work that a request or an event starts and does not wait for (a DCRS run, a cartridge run,
// notifications, alert decisions, manual tests), kept track of so that failures are logged and
// shutdown (and tests) can wait until it is done. Each service owns its own instance, so that
// each decides in its own shutdown hook what to wait for and in which order.
import type { LoggerService } from '@nestjs/common';

type Logger = Pick<LoggerService, 'error'>;

/** Work that runs side by side. */
export class BackgroundWork {
  private readonly pending = new Map<Promise<unknown>, string | undefined>();

  constructor(private readonly logger: Logger) {}

  /** Whether anything is still running. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /**
   * Starts `work` now and returns at once. `name` says what it is in the log line of a failure
   * (with `context`), and is what isRunning() looks for.
   */
  run(name: string, work: () => Promise<unknown>, context: Record<string, unknown> = {}): void {
    const started = new Promise<unknown>((resolve) => resolve(work())).catch((error: unknown) => {
      this.logger.error({ err: error, ...context }, `${name} failed`);
    });
    this.add(started, name);
  }

  /** Keeps track of work that a caller awaits: it gets the result or the failure as it is. */
  track<T>(work: Promise<T>): Promise<T> {
    this.add(work, undefined);
    return work;
  }

  isRunning(name: string): boolean {
    return [...this.pending.values()].includes(name);
  }

  /** Settles once nothing is running, including work started while waiting; never rejects. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending.keys()]);
  }

  private add(work: Promise<unknown>, name: string | undefined): void {
    this.pending.set(work, name);
    const forget = (): void => {
      this.pending.delete(work);
    };
    work.then(forget, forget);
  }
}

interface Job {
  name: string;
  work: () => Promise<void>;
  context: Record<string, unknown>;
  done: () => void;
}

/** Work that runs one job at a time, in the order it was queued. */
export class SerialQueue {
  /** The job under way first, then the ones waiting. */
  private readonly jobs: Job[] = [];
  private draining: Promise<void> | null = null;

  constructor(private readonly logger: Logger) {}

  /** Jobs not finished yet: the one under way and those waiting. */
  get size(): number {
    return this.jobs.length;
  }

  /**
   * Queues `work` after every job queued before it. The promise settles once it has run (or was
   * dropped by close()) and never rejects: a failure is logged under `name` (with `context`), and
   * the next job runs.
   */
  push(name: string, work: () => Promise<void>, context: Record<string, unknown> = {}): Promise<void> {
    return new Promise<void>((done) => {
      this.jobs.push({ name, work, context, done });
      this.draining ??= this.runAll();
    });
  }

  /** Settles once the queue is empty, including jobs queued while waiting; never rejects. */
  async drain(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Drops the jobs that have not started and waits for the one under way (shutdown). */
  async close(): Promise<void> {
    for (const dropped of this.jobs.splice(1)) dropped.done();
    await this.drain();
  }

  private async runAll(): Promise<void> {
    try {
      for (let job = this.jobs[0]; job; job = this.jobs[0]) {
        try {
          // Through a promise, so that a job that throws before returning one is caught the same way.
          await new Promise<void>((resolve) => resolve(job.work()));
        } catch (error) {
          this.logger.error({ err: error, ...job.context }, `${job.name} failed`);
        } finally {
          this.jobs.shift();
          job.done();
        }
      }
    } finally {
      this.draining = null;
    }
  }
}
