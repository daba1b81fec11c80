// Only triggers: every ALERT_CHECK_INTERVAL_MS it asks for the periodic alert sweep.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { LeaderIntervalJob } from '../common/leader-interval-job.js';
import { Leadership } from '../common/leadership.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DatabaseAvailability } from '../database/database-availability.js';
import { AlertSweepService } from './alert-sweep.service.js';

export const INTERVAL_NAME = 'alerts-sweep';

@Injectable()
export class AlertsScheduler extends LeaderIntervalJob {
  protected readonly logger = new Logger(AlertsScheduler.name);
  protected readonly failureMessage = 'Periodic alert sweep failed';

  constructor(
    private readonly sweeper: AlertSweepService,
    scheduler: SchedulerRegistry,
    leadership: Leadership,
    database: DatabaseAvailability,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(INTERVAL_NAME, { scheduler, leadership, database });
  }

  protected everyMs(): number {
    return this.config.alerts.checkIntervalMs;
  }

  protected run(): Promise<void> {
    return this.sweeper.sweep();
  }
}
