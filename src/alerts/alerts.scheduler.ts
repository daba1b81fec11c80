// Only triggers: every ALERT_CHECK_INTERVAL_MS it asks for the periodic alert sweep.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { startInterval, stopInterval } from '../common/interval-trigger.js';
import { Leadership } from '../common/leadership.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { AlertSweepService } from './alert-sweep.service.js';

export const INTERVAL_NAME = 'alerts-sweep';

@Injectable()
export class AlertsScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AlertsScheduler.name);

  constructor(
    private readonly sweeper: AlertSweepService,
    private readonly scheduler: SchedulerRegistry,
    private readonly leadership: Leadership,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.alerts.checkIntervalMs;
    if (every === 0) return;
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
      await this.sweeper.sweep();
    } catch (error) {
      this.logger.error({ err: error }, 'Periodic alert sweep failed');
    }
  }
}
