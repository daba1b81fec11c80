// Only triggers: DCRS_CRON in DCRS_TIMEZONE starts the scheduled run (the database allows one per date).
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { startCronJob, stopCronJob } from '../common/cron-trigger.js';
import { Leadership } from '../common/leadership.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DcrsRunnerService } from './dcrs-runner.service.js';

export const JOB_NAME = 'dcrs-daily';

@Injectable()
export class DcrsScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DcrsScheduler.name);

  constructor(
    private readonly runner: DcrsRunnerService,
    private readonly scheduler: SchedulerRegistry,
    private readonly leadership: Leadership,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { cron, timeZone } = this.config.dcrs;
    if (cron === null) return;
    startCronJob(this.scheduler, JOB_NAME, { cron, timeZone }, () => this.tick(), {
      logger: this.logger,
      leadership: this.leadership,
    });
  }

  onModuleDestroy(): void {
    stopCronJob(this.scheduler, JOB_NAME);
  }

  async tick(): Promise<void> {
    try {
      const run = await this.runner.start('schedule');
      if (run) this.logger.log(`Scheduled DCRS run ${run.id} started for ${run.date}`);
      else this.logger.log('Scheduled DCRS run skipped: this date already has one');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'conflict') {
        this.logger.warn('Scheduled DCRS run skipped: a run is already going');
        return;
      }
      this.logger.error({ err: error }, 'Scheduled DCRS run could not start');
    }
  }
}
