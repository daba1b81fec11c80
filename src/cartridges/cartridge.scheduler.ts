// Only triggers: one cron job per cartridge that has a schedule and a check set, registered at boot
// and again whenever an admin creates, changes or removes a cartridge. A cartridge with a schedule
// but no check set is run by workers: its schedule only tells the status rules when it is stale.
// A change made on another instance arrives as a `cartridge` invalidation: the job is reloaded from
// the database, so that whichever instance leads runs the cartridge as it is now stored.
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ClusterInvalidation } from '../cluster/cluster-invalidation.js';
import { Clock } from '../common/clock.js';
import { Leadership } from '../common/leadership.js';
import { startCronJob, stopCronJob } from '../common/cron-trigger.js';
import { DatabaseAvailability } from '../database/database-availability.js';
import { scheduledOccurrence, scheduleOf } from './cartridge-schedule.js';
import type { CartridgeEntity } from './cartridge.entity.js';
import { CartridgeRunnerService } from './cartridge-runner.service.js';
import { CartridgesRepository } from './cartridges.repository.js';

export function cartridgeJobName(cartridgeId: number): string {
  return `cartridge-${cartridgeId}`;
}

@Injectable()
export class CartridgeScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CartridgeScheduler.name);
  private readonly jobs = new Set<string>();
  /** Set at shutdown: an admin request still being answered registers no new job. */
  private stopped = false;

  constructor(
    private readonly runner: CartridgeRunnerService,
    private readonly repository: CartridgesRepository,
    private readonly scheduler: SchedulerRegistry,
    private readonly leadership: Leadership,
    private readonly database: DatabaseAvailability,
    private readonly clock: Clock,
    invalidation: ClusterInvalidation,
  ) {
    invalidation.on('cartridge', (cartridgeId) => this.reload(cartridgeId));
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const cartridge of await this.repository.findScheduledWithCheckSet()) this.sync(cartridge);
  }

  onModuleDestroy(): void {
    this.stopped = true;
    for (const name of [...this.jobs]) this.remove(name);
  }

  /** (Re)registers the cartridge's job as it is now stored; removes it when it should have none. */
  sync(cartridge: CartridgeEntity): void {
    this.unregister(cartridge.id);
    const schedule = scheduleOf(cartridge);
    if (this.stopped || schedule === null || cartridge.checkSet === null || cartridge.deletedAt !== null) return;
    const name = cartridgeJobName(cartridge.id);
    startCronJob(this.scheduler, name, schedule, () => this.tick(cartridge.id), {
      logger: this.logger,
      leadership: this.leadership,
      database: this.database,
    });
    this.jobs.add(name);
  }

  /** The job as the cartridge is now stored (none once it is removed). */
  async reload(cartridgeId: number): Promise<void> {
    const cartridge = await this.repository.findById(cartridgeId);
    if (cartridge) this.sync(cartridge);
    else this.unregister(cartridgeId);
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
      if (this.database.noteFailure(error)) return;
      this.logger.error({ err: error, cartridgeId }, 'Scheduled cartridge run could not start');
    }
  }

  private remove(name: string): void {
    this.jobs.delete(name);
    stopCronJob(this.scheduler, name);
  }
}
