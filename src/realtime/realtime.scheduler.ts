// Only triggers: model_update every MODEL_UPDATE_INTERVAL_MS and neural_signal every
// NEURAL_SIGNAL_INTERVAL_MS (0 turns either off). A tick still running when the next one is due is
// not doubled; one that hangs past TICK_TIMEOUT_MS is given up so that later ticks can run.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { startInterval, stopInterval } from '../common/interval-trigger.js';
import { Leadership } from '../common/leadership.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { ModelFeed } from './model-feed.js';

export const MODEL_UPDATE_INTERVAL = 'realtime-model-update';
export const NEURAL_SIGNAL_INTERVAL = 'realtime-neural-signal';
const TICK_TIMEOUT_MS = 30_000;

@Injectable()
export class RealtimeScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeScheduler.name);

  constructor(
    private readonly feed: ModelFeed,
    private readonly scheduler: SchedulerRegistry,
    private readonly leadership: Leadership,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { modelUpdateIntervalMs, neuralSignalIntervalMs } = this.config.realtime;
    this.every(MODEL_UPDATE_INTERVAL, modelUpdateIntervalMs, () => this.feed.broadcastModelUpdate());
    this.every(NEURAL_SIGNAL_INTERVAL, neuralSignalIntervalMs, () => this.feed.broadcastNeuralSignal());
  }

  onModuleDestroy(): void {
    stopInterval(this.scheduler, MODEL_UPDATE_INTERVAL);
    stopInterval(this.scheduler, NEURAL_SIGNAL_INTERVAL);
  }

  private every(name: string, ms: number, task: () => Promise<void>): void {
    if (ms === 0) return;
    startInterval(this.scheduler, name, ms, task, {
      logger: this.logger,
      leadership: this.leadership,
      timeoutMs: TICK_TIMEOUT_MS,
    });
  }
}
