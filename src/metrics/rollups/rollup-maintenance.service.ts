// On the leader, every RETENTION_INTERVAL_MS (and once soon after boot): first rolls up the rows
// stored before rollups existed, then deletes raw rows older than METRICS_RAW_RETENTION_DAYS (only
// rolled-up ones) and rollups older than ROLLUP_RETENTION_DAYS, in small batches with a pause between
// them, so that the service never waits long behind it.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { setTimeout as sleep } from 'node:timers/promises';
import { Clock, DAY_MS } from '../../common/clock.js';
import { startInterval, stopInterval } from '../../common/interval-trigger.js';
import { Leadership } from '../../common/leadership.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import { DatabaseAvailability } from '../../database/database-availability.js';
import { RollupMaintenanceRepository } from './rollup-maintenance.repository.js';

export const RETENTION_INTERVAL_NAME = 'metrics-retention';

export interface RetentionOutcome {
  backfilled: number;
  rawDeleted: number;
  rollupsDeleted: number;
}

@Injectable()
export class RollupMaintenanceService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RollupMaintenanceService.name);
  private first?: NodeJS.Timeout;
  private stopping = false;
  private current?: Promise<void>;

  constructor(
    private readonly repository: RollupMaintenanceRepository,
    private readonly scheduler: SchedulerRegistry,
    private readonly leadership: Leadership,
    private readonly database: DatabaseAvailability,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.retention.intervalMs;
    if (every === 0) return;
    const tick = startInterval(this.scheduler, RETENTION_INTERVAL_NAME, every, () => this.tracked(), {
      logger: this.logger,
      leadership: this.leadership,
      database: this.database,
    });
    // The backfill of an existing database starts soon after boot, not an interval later.
    this.first = setTimeout(() => void tick(), 1_000);
    this.first.unref();
  }

  /** Stops after the batch in progress, and waits for it, before the database closes. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.first) clearTimeout(this.first);
    stopInterval(this.scheduler, RETENTION_INTERVAL_NAME);
    await this.current;
  }

  private async tracked(): Promise<void> {
    const work = this.run().then(() => undefined);
    this.current = work.catch(() => undefined);
    await work;
  }

  /** One pass: backfill, then retention. Public for the tests and the benchmark. */
  async run(): Promise<RetentionOutcome> {
    const { rawDays, rollupDays, batchSize } = this.config.retention;
    const outcome: RetentionOutcome = { backfilled: 0, rawDeleted: 0, rollupsDeleted: 0 };
    for (let rolled = -1; rolled !== 0 && !this.stopping; await this.pause()) {
      rolled = await this.repository.backfillChunk(batchSize);
      outcome.backfilled += rolled;
    }
    if (outcome.backfilled > 0) this.logger.log(`Rolled up ${outcome.backfilled} rows stored before the rollups`);
    if (this.stopping) return outcome;
    const now = this.clock.now().getTime();
    if (rawDays > 0 && (await this.repository.backfillDone())) {
      outcome.rawDeleted = await this.inBatches((n) =>
        this.repository.deleteRawBatch(new Date(now - rawDays * DAY_MS), n),
      );
    }
    if (rollupDays > 0) {
      outcome.rollupsDeleted = await this.inBatches((n) =>
        this.repository.deleteRollupBatch(new Date(now - rollupDays * DAY_MS), n),
      );
    }
    if (outcome.rawDeleted + outcome.rollupsDeleted > 0) {
      this.logger.log(`Retention deleted ${outcome.rawDeleted} raw rows and ${outcome.rollupsDeleted} rollups`);
    }
    return outcome;
  }

  private async inBatches(batch: (limit: number) => Promise<number>): Promise<number> {
    const { batchSize } = this.config.retention;
    let total = 0;
    for (;;) {
      const deleted = await batch(batchSize);
      total += deleted;
      if (deleted < batchSize || this.stopping) return total;
      await this.pause();
    }
  }

  private async pause(): Promise<void> {
    if (this.config.retention.batchPauseMs > 0) await sleep(this.config.retention.batchPauseMs);
  }
}
