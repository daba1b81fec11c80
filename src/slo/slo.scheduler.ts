// Only triggers: every SLO_CHECK_INTERVAL_MS the leader checks the SLO burn rates.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { startInterval, stopInterval } from '../common/interval-trigger.js';
import { Leadership } from '../common/leadership.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DatabaseAvailability } from '../database/database-availability.js';
import { SloBurnService } from './slo-burn.service.js';

export const INTERVAL_NAME = 'slo-burn-check';

@Injectable()
export class SloScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SloScheduler.name);

  constructor(
    private readonly burn: SloBurnService,
    private readonly scheduler: SchedulerRegistry,
    private readonly leadership: Leadership,
    private readonly database: DatabaseAvailability,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.insight.sloCheckIntervalMs;
    if (every === 0) return;
    startInterval(this.scheduler, INTERVAL_NAME, every, () => this.tick(), {
      logger: this.logger,
      leadership: this.leadership,
      database: this.database,
    });
  }

  onModuleDestroy(): void {
    stopInterval(this.scheduler, INTERVAL_NAME);
  }

  async tick(): Promise<void> {
    try {
      await this.burn.check();
    } catch (error) {
      if (this.database.noteFailure(error)) return;
      this.logger.error({ err: error }, 'SLO burn check failed');
    }
  }
}
