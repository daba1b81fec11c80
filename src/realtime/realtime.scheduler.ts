// Only triggers: model_update every MODEL_UPDATE_INTERVAL_MS and neural_signal every
// NEURAL_SIGNAL_INTERVAL_MS (0 turns either off). A tick still running when the next one is due is
// not doubled; one that hangs past TICK_TIMEOUT_MS is given up so that later ticks can run.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { ModelFeed } from './model-feed.service.js';

export const MODEL_UPDATE_INTERVAL = 'realtime-model-update';
export const NEURAL_SIGNAL_INTERVAL = 'realtime-neural-signal';
const TICK_TIMEOUT_MS = 30_000;

@Injectable()
export class RealtimeScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeScheduler.name);
  private readonly running = new Set<string>();

  constructor(
    private readonly feed: ModelFeed,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { modelUpdateIntervalMs, neuralSignalIntervalMs } = this.config.realtime;
    this.every(MODEL_UPDATE_INTERVAL, modelUpdateIntervalMs, () => this.feed.broadcastModelUpdate());
    this.every(NEURAL_SIGNAL_INTERVAL, neuralSignalIntervalMs, () => this.feed.broadcastNeuralSignal());
  }

  onModuleDestroy(): void {
    for (const name of [MODEL_UPDATE_INTERVAL, NEURAL_SIGNAL_INTERVAL]) {
      if (this.scheduler.doesExist('interval', name)) this.scheduler.deleteInterval(name);
    }
  }

  private every(name: string, ms: number, task: () => Promise<void>): void {
    if (ms === 0) return;
    this.scheduler.addInterval(
      name,
      setInterval(() => void this.tick(name, task), ms),
    );
  }

  private async tick(name: string, task: () => Promise<void>): Promise<void> {
    if (this.running.has(name)) return;
    this.running.add(name);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), TICK_TIMEOUT_MS);
    });
    try {
      if ((await Promise.race([task(), timeout])) === 'timeout') {
        this.logger.warn(`${name} took over ${TICK_TIMEOUT_MS} ms; later ticks go ahead`);
      }
    } catch (error) {
      this.logger.error({ err: error }, `${name} failed`);
    } finally {
      clearTimeout(timer);
      this.running.delete(name);
    }
  }
}
