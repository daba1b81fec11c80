// Only triggers: every ALERT_CHECK_INTERVAL_MS it asks for the reminders that are due.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { LeaderIntervalJob } from '../common/leader-interval-job.js';
import { Leadership } from '../common/leadership.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DatabaseAvailability } from '../database/database-availability.js';
import { AlertRemindersService } from './alert-reminders.service.js';

export const INTERVAL_NAME = 'notifications-reminders';

@Injectable()
export class NotificationsScheduler extends LeaderIntervalJob {
  protected readonly logger = new Logger(NotificationsScheduler.name);
  protected readonly failureMessage = 'Alert reminders failed';

  constructor(
    private readonly reminders: AlertRemindersService,
    scheduler: SchedulerRegistry,
    leadership: Leadership,
    database: DatabaseAvailability,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(INTERVAL_NAME, { scheduler, leadership, database });
  }

  protected everyMs(): number {
    return this.config.alerts.remindMinutes === 0 ? 0 : this.config.alerts.checkIntervalMs;
  }

  protected async run(): Promise<void> {
    await this.reminders.remindDue();
  }
}
