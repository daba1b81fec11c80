// A periodic job of the service: every `everyMs` the leader runs it (never overlapping itself, skipped
// while the database does not answer), and a failure that is not an outage is logged, never thrown.
// The schedulers that only trigger a service's method (alert sweep, reminders, SLO burn check) extend it.
import type { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import type { DatabaseGate } from './guarded-tick.js';
import { startInterval, stopInterval } from './interval-trigger.js';
import type { Leadership } from './leadership.js';

export interface LeaderIntervalJobDeps {
  scheduler: SchedulerRegistry;
  leadership: Leadership;
  database: DatabaseGate;
}

export abstract class LeaderIntervalJob implements OnApplicationBootstrap, OnModuleDestroy {
  protected abstract readonly logger: Logger;

  protected constructor(
    private readonly intervalName: string,
    private readonly deps: LeaderIntervalJobDeps,
  ) {}

  /** Milliseconds between two runs; 0: the job is off. */
  protected abstract everyMs(): number;
  /** The work of one run. */
  protected abstract run(): Promise<void>;
  /** Logged with the error when a run fails for another reason than the database being away. */
  protected abstract readonly failureMessage: string;

  onApplicationBootstrap(): void {
    const every = this.everyMs();
    if (every === 0) return;
    startInterval(this.deps.scheduler, this.intervalName, every, () => this.tick(), {
      logger: this.logger,
      leadership: this.deps.leadership,
      database: this.deps.database,
    });
  }

  onModuleDestroy(): void {
    stopInterval(this.deps.scheduler, this.intervalName);
  }

  async tick(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      if (this.deps.database.noteFailure(error)) return;
      this.logger.error({ err: error }, this.failureMessage);
    }
  }
}
