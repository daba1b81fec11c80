// Only triggers: every SLO_CHECK_INTERVAL_MS the leader checks the SLO burn rates.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { LeaderIntervalJob } from '../common/leader-interval-job.js';
import { Leadership } from '../common/leadership.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DatabaseAvailability } from '../database/database-availability.js';
import { SloBurnService } from './slo-burn.service.js';

export const INTERVAL_NAME = 'slo-burn-check';

@Injectable()
export class SloScheduler extends LeaderIntervalJob {
  protected readonly logger = new Logger(SloScheduler.name);
  protected readonly failureMessage = 'SLO burn check failed';

  constructor(
    private readonly burn: SloBurnService,
    scheduler: SchedulerRegistry,
    leadership: Leadership,
    database: DatabaseAvailability,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(INTERVAL_NAME, { scheduler, leadership, database });
  }

  protected everyMs(): number {
    return this.config.insight.sloCheckIntervalMs;
  }

  protected run(): Promise<void> {
    return this.burn.check();
  }
}
