// Only triggers: every ALERT_CHECK_INTERVAL_MS it asks for the reminders that are due.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { startInterval, stopInterval } from '../common/interval-trigger.js';
import { Leadership } from '../common/leadership.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { AlertRemindersService } from './alert-reminders.service.js';

export const INTERVAL_NAME = 'notifications-reminders';

@Injectable()
export class NotificationsScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationsScheduler.name);

  constructor(
    private readonly reminders: AlertRemindersService,
    private readonly scheduler: SchedulerRegistry,
    private readonly leadership: Leadership,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.alerts.checkIntervalMs;
    if (every === 0 || this.config.alerts.remindMinutes === 0) return;
    startInterval(this.scheduler, INTERVAL_NAME, every, () => this.tick(), {
      logger: this.logger,
      leadership: this.leadership,
    });
  }

  onModuleDestroy(): void {
    stopInterval(this.scheduler, INTERVAL_NAME);
  }

  async tick(): Promise<void> {
    try {
      await this.reminders.remindDue();
    } catch (error) {
      this.logger.error({ err: error }, 'Alert reminders failed');
    }
  }
}
