// The built-in runner: a cartridge's check set on the first model of its chain (routing primary, then
// fallbacks, or its depends_on list) that answers every case; a provider error moves the whole check
// set to the next model, so that every check of an execution ran on the one model it names.
// Runs go in the background; one at a time per cartridge.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { performance } from 'node:perf_hooks';
import { InstanceId } from '../cluster/instance-id.js';
import { BackgroundWork } from '../common/background-work.js';
import { Clock } from '../common/clock.js';
import { conflict, DomainError } from '../common/domain-error.js';
import { Leadership } from '../common/leadership.js';
import { staleBefore, startRunLiveness, stopRunLiveness, type OwnedRuns } from '../common/run-liveness.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { scoreCase } from '../evaluation/scoring.js';
import type { CaseOutcome, EvalCase } from '../evaluation/suite.types.js';
import type { ModelEntity } from '../models/model.entity.js';
import { ModelsRepository } from '../models/models.repository.js';
import { ProviderClient } from '../providers/provider-client.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { RoutingService } from '../routing/routing.service.js';
import {
  modelChain,
  parseCheckSet,
  reportCheckRun,
  type CheckRunReport,
  type SkippedModel,
} from './cartridge-checks.js';
import type { CartridgeExecutionEntity } from './cartridge-execution.entity.js';
import { CartridgeResultPublisher } from './cartridge-result.publisher.js';
import type { CartridgeEntity } from './cartridge.entity.js';
import { CartridgesRepository } from './cartridges.repository.js';
import { CartridgesService } from './cartridges.service.js';

export const INTERRUPTED_SUMMARY = 'Interrupted: the server stopped while the checks were running';

interface RunPlan {
  cases: EvalCase[];
  chain: string[];
}

type RunReport = Pick<CheckRunReport, 'success' | 'modelUsed' | 'summary'> & { output: unknown };

const runName = (cartridgeId: number): string => `Run of cartridge ${cartridgeId}`;

const failed = (summary: string): RunReport => ({ success: false, modelUsed: null, summary, output: null });

type ModelAttempt = { answered: true; outcomes: CaseOutcome[] } | { answered: false; reason: string };

@Injectable()
export class CartridgeRunnerService implements OnApplicationBootstrap, OnApplicationShutdown, OwnedRuns {
  private readonly logger = new Logger(CartridgeRunnerService.name);
  private readonly running = new BackgroundWork(this.logger);
  /** Cartridges whose run is being opened (between the checks and launch()). */
  private readonly claimed = new Set<number>();

  constructor(
    private readonly cartridges: CartridgesService,
    private readonly repository: CartridgesRepository,
    private readonly models: ModelsRepository,
    private readonly registry: ProviderRegistry,
    private readonly client: ProviderClient,
    private readonly routing: RoutingService,
    private readonly publisher: CartridgeResultPublisher,
    private readonly clock: Clock,
    private readonly instance: InstanceId,
    private readonly scheduler: SchedulerRegistry,
    private readonly leadership: Leadership,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.recoverInterrupted();
    startRunLiveness(this.scheduler, 'cartridge-runs', this.config.cluster, this, {
      logger: this.logger,
      leadership: this.leadership,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.idle();
    stopRunLiveness(this.scheduler, 'cartridge-runs');
  }

  /** Fails the runs left running by an instance that is gone (another live one's are left alone). */
  async recoverInterrupted(): Promise<void> {
    const now = this.clock.now();
    const stale = staleBefore(now, this.config.cluster);
    const interrupted = await this.repository.failInterruptedRuns(INTERRUPTED_SUMMARY, now, stale);
    if (interrupted > 0) this.logger.warn(`Marked ${interrupted} interrupted cartridge run(s) as failed`);
  }

  async heartbeat(): Promise<void> {
    if (this.running.busy) await this.repository.touchRunning(this.instance.value, this.clock.now());
  }

  /** Resolves when no run of this process is going (tests and shutdown wait on it). */
  idle(): Promise<void> {
    return this.running.drain();
  }

  /** POST /api/cartridges/:name/run: the execution, still running. */
  async runNow(name: string): Promise<CartridgeExecutionEntity> {
    const cartridge = await this.cartridges.require(name);
    const plan = await this.plan(cartridge);
    const busy = conflict(`Cartridge "${cartridge.name}" is already running its checks`);
    if (!this.claim(cartridge.id)) throw busy;
    try {
      // Another instance may be running it: its row says so.
      if (await this.repository.hasRunningExecution(cartridge.id)) throw busy;
      const execution = await this.open(cartridge, null);
      if (!execution) throw busy;
      this.launch(cartridge, plan, execution);
      return execution;
    } finally {
      this.claimed.delete(cartridge.id);
    }
  }

  /**
   * A cron tick. The occurrence is the execution's idempotency key, so that of several instances
   * ticking together one runs it. Returns null when skipped (gone, no check set, already going here
   * or in another instance, or this occurrence taken by another instance).
   */
  async runScheduled(cartridgeId: number, occurrence: Date): Promise<CartridgeExecutionEntity | null> {
    const cartridge = await this.repository.findById(cartridgeId);
    if (!cartridge || cartridge.checkSet === null || !this.claim(cartridge.id)) return null;
    try {
      if (await this.repository.hasRunningExecution(cartridge.id)) return null;
      let plan: RunPlan | null = null;
      let unrunnable = '';
      try {
        plan = await this.plan(cartridge);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        unrunnable = error.message;
      }
      const execution = await this.open(cartridge, `schedule:${occurrence.toISOString()}`);
      if (!execution) return null;
      if (plan) this.launch(cartridge, plan, execution);
      // Recorded as a failed execution: a cartridge that cannot run on its schedule is not working.
      else await this.finish(cartridge, execution, performance.now(), failed(unrunnable));
      return execution;
    } finally {
      this.claimed.delete(cartridge.id);
    }
  }

  /** Whether this process may start a run of the cartridge now (none going, none starting). */
  private claim(cartridgeId: number): boolean {
    if (this.running.isRunning(runName(cartridgeId)) || this.claimed.has(cartridgeId)) return false;
    this.claimed.add(cartridgeId);
    return true;
  }

  private async plan(cartridge: CartridgeEntity): Promise<RunPlan> {
    if (cartridge.checkSet === null) {
      throw new DomainError(
        'unprocessable',
        `Cartridge "${cartridge.name}" has no check set to run (its results come from workers)`,
      );
    }
    const parsed = parseCheckSet(cartridge.checkSet);
    if (!parsed.ok) {
      throw new DomainError(
        'unprocessable',
        `Cartridge "${cartridge.name}" has an invalid check set: ${parsed.problems.join('; ')}`,
      );
    }
    const routing = await this.routing.current();
    const chain = modelChain(routing, cartridge.dependsOn);
    if (chain.length === 0) {
      throw new DomainError(
        'unprocessable',
        `Cartridge "${cartridge.name}" has no model to run on: no routing primary yet (no DCRS run has decided one) and no depends_on list`,
      );
    }
    return { cases: parsed.cases, chain };
  }

  private open(cartridge: CartridgeEntity, idempotencyKey: string | null): Promise<CartridgeExecutionEntity | null> {
    return this.repository.insertExecution({
      cartridgeId: cartridge.id,
      status: 'running',
      startedAt: this.clock.now(),
      finishedAt: null,
      durationMs: null,
      summary: null,
      source: 'runner',
      modelUsed: null,
      output: null,
      idempotencyKey,
      requestHash: null,
      owner: this.instance.value,
      heartbeatAt: this.clock.now(),
    });
  }

  private launch(cartridge: CartridgeEntity, plan: RunPlan, execution: CartridgeExecutionEntity): void {
    this.running.run(runName(cartridge.id), () => this.execute(cartridge, plan, execution), {
      cartridge: cartridge.name,
      executionId: execution.id,
    });
  }

  private async execute(cartridge: CartridgeEntity, plan: RunPlan, execution: CartridgeExecutionEntity): Promise<void> {
    const started = performance.now();
    try {
      const models = await this.models.findByNames(plan.chain);
      const skipped: SkippedModel[] = [];
      let answered: { model: string; outcomes: CaseOutcome[] } | null = null;
      for (const name of plan.chain) {
        const attempt = await this.attempt(
          models.find((m) => m.name === name),
          plan.cases,
        );
        if (attempt.answered) {
          answered = { model: name, outcomes: attempt.outcomes };
          break;
        }
        skipped.push({ model: name, reason: attempt.reason });
      }
      await this.finish(cartridge, execution, started, reportCheckRun(skipped, answered));
    } catch (error) {
      this.logger.error({ err: error, cartridge: cartridge.name, executionId: execution.id }, 'Cartridge run failed');
      await this.finish(
        cartridge,
        execution,
        started,
        failed('The runner failed unexpectedly (see the server log)'),
      ).catch((finishError: unknown) =>
        this.logger.error({ err: finishError }, 'Could not record the failed cartridge run'),
      );
    }
  }

  /** Every case on one model; the first call that fails gives the model up. */
  private async attempt(model: ModelEntity | undefined, cases: readonly EvalCase[]): Promise<ModelAttempt> {
    if (!model) return { answered: false, reason: 'not_found' };
    if (!model.enabled) return { answered: false, reason: 'disabled' };
    const settings = this.registry.settingsFor(model);
    if (!settings.configured) return { answered: false, reason: 'not_configured' };
    if (model.rateLimitedUntil && model.rateLimitedUntil.getTime() > this.clock.now().getTime()) {
      return { answered: false, reason: 'rate_limited' };
    }
    const outcomes: CaseOutcome[] = [];
    for (const evalCase of cases) {
      const result = await this.client.call(
        settings,
        { prompt: evalCase.prompt, system: evalCase.system, maxTokens: evalCase.max_tokens },
        { timeoutMs: this.config.probing.timeoutMs },
      );
      if (!result.ok) return { answered: false, reason: result.errorKind };
      outcomes.push(scoreCase(evalCase, { output: result.text, latency_ms: result.latencyMs, error_kind: null }));
    }
    return { answered: true, outcomes };
  }

  private async finish(
    cartridge: CartridgeEntity,
    execution: CartridgeExecutionEntity,
    started: number,
    report: RunReport,
  ): Promise<void> {
    const completion = {
      status: report.success ? ('success' as const) : ('failure' as const),
      finishedAt: this.clock.now(),
      durationMs: Math.round(performance.now() - started),
      summary: report.summary,
      modelUsed: report.modelUsed,
      output: report.output,
    };
    // Gone: the cartridge was removed with its history while the checks ran; nothing to announce.
    if (!(await this.repository.finishExecution(execution.id, completion))) return;
    await this.publisher.recorded(cartridge, { ...execution, ...completion });
  }
}
