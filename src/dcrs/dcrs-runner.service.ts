// The daily evaluation run: every enabled, probe-able model through the suite, then the routing
// decision. Started by the schedule (once per date, guarded in the database) or by POST.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InstanceId } from '../cluster/instance-id.js';
import { BackgroundWork } from '../common/background-work.js';
import { Clock, dateInTimeZone } from '../common/clock.js';
import { mapWithConcurrency } from '../common/concurrency.js';
import { conflict } from '../common/domain-error.js';
import { Leadership } from '../common/leadership.js';
import { staleBefore, startRunLiveness, stopRunLiveness, type OwnedRuns } from '../common/run-liveness.js';
import { mean, round } from '../common/stats.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DomainEventBus, type DcrsProgressEvent } from '../events/domain-events.js';
import { ModelsRepository } from '../models/models.repository.js';
import { EvaluationService, type ModelEvaluation } from '../probing/evaluation.service.js';
import { EvaluationSuiteService } from '../probing/evaluation-suite.service.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { RoutingService } from '../routing/routing.service.js';
import type { DcrsRunEntity, DcrsTrigger } from './dcrs-run.entity.js';
import { DcrsRepository } from './dcrs.repository.js';
import { toModelResults } from './dto/dcrs.mapper.js';

export const INTERRUPTED_REASON = 'Interrupted: the server stopped while the run was going';

@Injectable()
export class DcrsRunnerService implements OnApplicationBootstrap, OnApplicationShutdown, OwnedRuns {
  private readonly logger = new Logger(DcrsRunnerService.name);
  private readonly running = new BackgroundWork(this.logger);

  constructor(
    private readonly runs: DcrsRepository,
    private readonly models: ModelsRepository,
    private readonly registry: ProviderRegistry,
    private readonly evaluations: EvaluationService,
    private readonly suite: EvaluationSuiteService,
    private readonly routing: RoutingService,
    private readonly events: DomainEventBus,
    private readonly clock: Clock,
    private readonly instance: InstanceId,
    private readonly scheduler: SchedulerRegistry,
    private readonly leadership: Leadership,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.recoverInterrupted();
    startRunLiveness(this.scheduler, 'dcrs', this.config.cluster, this, {
      logger: this.logger,
      leadership: this.leadership,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.idle();
    stopRunLiveness(this.scheduler, 'dcrs');
  }

  /** Fails the runs left running by an instance that is gone (another live one's are left alone). */
  async recoverInterrupted(): Promise<void> {
    const now = this.clock.now();
    const failed = await this.runs.failInterruptedRuns(INTERRUPTED_REASON, now, staleBefore(now, this.config.cluster));
    if (failed > 0) this.logger.warn(`Marked ${failed} interrupted DCRS run(s) as failed`);
  }

  async heartbeat(): Promise<void> {
    if (this.running.busy) await this.runs.touchRunning(this.instance.value, this.clock.now());
  }

  /** Resolves when no run of this process is going (tests and shutdown wait on it). */
  idle(): Promise<void> {
    return this.running.drain();
  }

  /**
   * Opens a run and executes it in the background. A scheduled start for a date that already has
   * its scheduled run returns null. A run already going (here or in another instance): conflict.
   */
  async start(trigger: DcrsTrigger): Promise<DcrsRunEntity | null> {
    if (this.running.busy || (await this.runs.findRunning())) throw conflict('A DCRS run is already going');
    const now = this.clock.now();
    const date = dateInTimeZone(now, this.config.dcrs.timeZone);
    const run = await this.runs.insertRunningRun(date, trigger, now, this.instance.value);
    if (!run) return null;
    this.running.run(`DCRS run ${run.id}`, () => this.execute(run), { runId: run.id });
    return run;
  }

  private async execute(run: DcrsRunEntity): Promise<void> {
    const suite = this.suite.current();
    const started = this.clock.now();
    let progress: DcrsProgressEvent = {
      runId: run.id,
      date: run.date,
      phase: 'started',
      completedTests: 0,
      totalTests: 0,
      currentModel: null,
      bestSoFar: null,
    };
    try {
      const models = (await this.models.findEnabled()).filter((m) => this.registry.probeMode(m) !== 'off');
      progress = { ...progress, totalTests: models.length * suite.cases.length };
      this.events.publish('dcrs.progress', progress);
      const evaluations = await mapWithConcurrency(models, this.config.dcrs.concurrency, async (model) => {
        const evaluation = await this.evaluations.evaluate(model, suite, {
          runId: `dcrs-${run.id}`,
          kind: 'evaluation',
        });
        const best: ModelEvaluation | undefined =
          evaluation.score > (progress.bestSoFar?.score ?? -1) ? evaluation : undefined;
        progress = {
          ...progress,
          phase: 'model_done',
          completedTests: progress.completedTests + suite.cases.length,
          currentModel: model.name,
          bestSoFar: best ? { model: best.model, score: best.score } : progress.bestSoFar,
        };
        this.events.publish('dcrs.progress', progress);
        return evaluation;
      });
      await this.finish(run, evaluations, started, progress);
    } catch (error) {
      const finishedAt = this.clock.now();
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error({ err: error, runId: run.id }, 'DCRS run failed');
      const durationMs = finishedAt.getTime() - started.getTime();
      await this.runs.failRun(run.id, reason, finishedAt, durationMs);
      this.events.publish('dcrs.progress', { ...progress, phase: 'failed', error: reason.slice(0, 200), durationMs });
    }
  }

  private async finish(
    run: DcrsRunEntity,
    evaluations: ModelEvaluation[],
    started: Date,
    progress: DcrsProgressEvent,
  ): Promise<void> {
    const evaluated = await this.models.findByNames(evaluations.map((e) => e.model));
    const routing = await this.routing.decide(
      evaluations.map((e) => {
        const row = evaluated.find((m) => m.id === e.modelId);
        return {
          name: e.model,
          score: e.score,
          p50LatencyMs: e.p50LatencyMs,
          uptimePercent: row?.uptimePercent ?? 0,
          status: row?.status ?? 'down',
        };
      }),
      run.id,
    );
    const topScorer = [...evaluations].sort((a, b) => b.score - a.score)[0];
    const finishedAt = this.clock.now();
    const completion = {
      totalTests: evaluations.reduce((sum, e) => sum + e.cases.length, 0),
      avgScore: round(mean(evaluations.map((e) => e.score)) ?? 0, 2),
      bestModel: routing.best ?? topScorer?.model ?? 'none',
      changesApplied: routing.changed && this.config.routing.mode === 'auto',
      finishedAt,
      durationMs: finishedAt.getTime() - started.getTime(),
      results: toModelResults(evaluations),
    };
    await this.runs.completeRun(run.id, completion);
    this.events.publish('dcrs.progress', {
      ...progress,
      phase: 'completed',
      completedTests: completion.totalTests,
      currentModel: null,
      durationMs: completion.durationMs,
    });
  }
}
