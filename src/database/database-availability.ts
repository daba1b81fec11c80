// Whether the database answers, as the application last found out: the one place that notices an
// outage, says so once (a warning when it goes, an info line when it returns), and checks with
// growing pauses (up to DATABASE_RETRY_MAX_MS) until it answers again. Schedules skip their ticks
// while it is down, and buffered writes wait for it (see guarded-tick.ts and probing/).
import { Inject, Injectable, Logger, type LoggerService, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { databaseErrorCode, isDatabaseUnreachable } from './errors.js';

const FIRST_RETRY_MS = 100;
const PING_TIMEOUT_MS = 2_000;

/** How to ask whether the database answers; the DataSource's by default, a stand-in in unit specs. */
export type DatabasePing = () => Promise<void>;

/** The error's code and message only: a failed query's error also carries its SQL and parameters. */
function describeFailure(error: unknown): { code?: string; reason: string } {
  const code = databaseErrorCode(error);
  const reason = error instanceof Error ? error.message : String(error);
  return code === undefined ? { reason } : { code, reason };
}

type TrackerLogger = Pick<LoggerService, 'warn' | 'log'>;

/** The tracking itself, around any ping (unit specs give it a stand-in). */
export class AvailabilityTracker {
  /** performance.now() when the outage was noticed; null while the database answers. */
  private downSince: number | null = null;
  private waiters: (() => void)[] = [];
  private readonly stopping = new AbortController();

  constructor(
    private readonly ping: DatabasePing,
    private readonly retryMaxMs: number,
    private readonly logger: TrackerLogger = new Logger('Database'),
  ) {}

  /** False from the first failure that says the database is unreachable until a check answers. */
  get available(): boolean {
    return this.downSince === null;
  }

  /**
   * Tells the tracker about an error from a database call. True when it says the database is
   * unreachable: the outage is then known (logged once) and being watched, and the caller need not
   * log it again. False for any other error, which is the caller's to handle.
   */
  noteFailure(error: unknown): boolean {
    if (!isDatabaseUnreachable(error)) return false;
    if (this.downSince === null && !this.stopping.signal.aborted) {
      this.downSince = performance.now();
      this.logger.warn(
        describeFailure(error),
        'The database does not answer: writes that can wait are kept in memory and schedules skip their ticks until it does',
      );
      void this.watch();
    }
    return true;
  }

  /** Resolves once the database answers (at once when it is not known to be down), or when the app stops. */
  whenAvailable(): Promise<void> {
    if (this.available || this.stopping.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops watching and lets every waiter go. */
  stop(): void {
    this.stopping.abort();
    this.release();
  }

  private async watch(): Promise<void> {
    let pause = FIRST_RETRY_MS;
    while (this.downSince !== null) {
      try {
        await sleep(pause, undefined, { signal: this.stopping.signal });
      } catch {
        return; // stopping
      }
      pause = Math.min(pause * 2, this.retryMaxMs);
      try {
        await this.ping();
      } catch {
        continue;
      }
      const seconds = ((performance.now() - this.downSince) / 1000).toFixed(1);
      this.downSince = null;
      this.logger.log(`The database answers again after ${seconds} s`);
      this.release();
    }
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** The application's tracker, asking the DataSource. */
@Injectable()
export class DatabaseAvailability extends AvailabilityTracker implements OnModuleDestroy {
  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    super(() => timeBoxed(dataSource.query('SELECT 1'), PING_TIMEOUT_MS), config.resilience.databaseRetryMaxMs);
  }

  onModuleDestroy(): void {
    this.stop();
  }
}

async function timeBoxed(work: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
