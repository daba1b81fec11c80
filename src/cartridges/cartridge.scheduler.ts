// Only triggers: one cron job per cartridge that has a schedule and a check set, registered at boot
// and again whenever an admin creates, changes or removes a cartridge. A cartridge with a schedule
// but no check set is run by workers: its schedule only tells the status rules when it is stale.
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { Clock } from '../common/clock.js';
import { scheduledOccurrence, scheduleOf } from './cartridge-schedule.js';
import type { CartridgeEntity } from './cartridge.entity.js';
import { CartridgeRunnerService } from './cartridge-runner.service.js';
import { CartridgesRepository } from './cartridges.repository.js';

export function cartridgeJobName(cartridgeId: number): string {
  return `cartridge-${cartridgeId}`;
}

@Injectable()
export class CartridgeScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CartridgeScheduler');
  private readonly jobs = new Set<string>();

  constructor(
    private readonly runner: CartridgeRunnerService,
    private readonly repository: CartridgesRepository,
    private readonly scheduler: SchedulerRegistry,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const cartridge of await this.repository.findScheduledWithCheckSet()) this.sync(cartridge);
  }

  onApplicationShutdown(): void {
    for (const name of [...this.jobs]) this.remove(name);
  }

  /** (Re)registers the cartridge's job as it is now stored; removes it when it should have none. */
  sync(cartridge: CartridgeEntity): void {
    this.unregister(cartridge.id);
    const schedule = scheduleOf(cartridge);
    if (schedule === null || cartridge.checkSet === null || cartridge.deletedAt !== null) return;
    const name = cartridgeJobName(cartridge.id);
    const job = CronJob.from({
      cronTime: schedule.cron,
      onTick: () => this.tick(cartridge.id),
      timeZone: schedule.timeZone,
      start: false,
      waitForCompletion: true, // a tick never overlaps the previous one
    });
    this.scheduler.addCronJob(name, job);
    this.jobs.add(name);
    job.start();
  }

  unregister(cartridgeId: number): void {
    this.remove(cartridgeJobName(cartridgeId));
  }

  async tick(cartridgeId: number): Promise<void> {
    try {
      const execution = await this.runner.runScheduled(cartridgeId, scheduledOccurrence(this.clock.now()));
      if (!execution)
        this.logger.log(
          `Scheduled run of cartridge ${cartridgeId} skipped: already going, or taken by another instance`,
        );
    } catch (error) {
      this.logger.error({ err: error, cartridgeId }, 'Scheduled cartridge run could not start');
    }
  }

  private remove(name: string): void {
    this.jobs.delete(name);
    if (this.scheduler.doesExist('cron', name)) this.scheduler.deleteCronJob(name);
  }
}
