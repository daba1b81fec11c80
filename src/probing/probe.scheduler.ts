// Only triggers: every PROBE_INTERVAL_MS (and once right after start) it asks ProbeService for a
// round. A round still running when the next tick comes is not doubled.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { startInterval, stopInterval } from '../common/interval-trigger.js';
import { Leadership } from '../common/leadership.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { ProbeService } from './probe.service.js';

export const INTERVAL_NAME = 'probe-models';

@Injectable()
export class ProbeScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ProbeScheduler.name);
  private firstRound?: NodeJS.Timeout;

  constructor(
    private readonly probes: ProbeService,
    private readonly scheduler: SchedulerRegistry,
    private readonly leadership: Leadership,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.probing.intervalMs;
    if (every === 0) return;
    const tick = startInterval(this.scheduler, INTERVAL_NAME, every, () => this.tick(), {
      logger: this.logger,
      leadership: this.leadership,
    });
    this.firstRound = setTimeout(() => void tick(), Math.min(every, 1000));
  }

  onModuleDestroy(): void {
    clearTimeout(this.firstRound);
    stopInterval(this.scheduler, INTERVAL_NAME);
  }

  async tick(): Promise<void> {
    try {
      await this.probes.probeAll();
    } catch (error) {
      this.logger.error({ err: error }, 'Probe round failed');
    }
  }
}
