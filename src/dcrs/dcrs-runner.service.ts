// The daily evaluation run: every enabled, probe-able model through the suite, then the routing
// decision. Started by the schedule (once per date, guarded in the database) or by POST. When the
// server stops, the run's calls are cut short and it is marked interrupted; the next instance runs an
// interrupted scheduled run of its date again.
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { setTimeout as sleep } from 'node:timers/promises';
import { InstanceId } from '../cluster/instance-id.js';
import { BackgroundWork } from '../common/background-work.js';
import { Clock, dateInTimeZone } from '../common/clock.js';
import { mapWithConcurrency } from '../common/concurrency.js';
import { conflict, DomainError } from '../common/domain-error.js';
import { Leadership } from '../common/leadership.js';
import { staleBefore, startRunLiveness, stopRunLiveness, type OwnedRuns } from '../common/run-liveness.js';
import { ShutdownState } from '../common/shutdown-state.js';
import { mean, round } from '../common/stats.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { shutdownGraceMs } from '../config/resilience.config.js';
import { DomainEventBus, type DcrsProgressEvent } from '../events/domain-events.js';
import { suiteHash } from '../evaluation/suite-hash.js';
import { ModelsRepository } from '../models/models.repository.js';
import { EvaluationService, type ModelEvaluation } from '../probing/evaluation.service.js';
import { EvaluationSuiteService } from '../probing/evaluation-suite.service.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { RoutingService } from '../routing/routing.service.js';
import type { DcrsRunEntity, DcrsTrigger } from './dcrs-run.entity.js';
import { DcrsRepository } from './dcrs.repository.js';
import { toModelResults } from './dto/dcrs.mapper.js';

export const INTERRUPTED_REASON = 'Interrupted: the server stopped while the run was going';

/** The run this process is executing. */
interface CurrentRun {
  run: DcrsRunEntity;
  started: Date;
  progress: () => DcrsProgressEvent;
}

@Injectable()
export class DcrsRunnerService
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown, OwnedRuns
{
  private readonly logger = new Logger(DcrsRunnerService.name);
  private readonly running = new BackgroundWork(this.logger);
  private current: CurrentRun | null = null;

  constructor(
    private readonly runs: DcrsRepository,
    private readonly models: ModelsRepository,
    private readonly registry: ProviderRegistry,
    private readonly evaluations: EvaluationService,
    private readonly suite: EvaluationSuiteService,
    private readonly routing: RoutingService,
    private readonly events: DomainEventBus,
    private readonly shutdown: ShutdownState,
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

  /**
   * Interrupts the runs left running by an instance that is gone (another live one's are left alone),
   * and runs an interrupted scheduled run of today again.
   */
  async recoverInterrupted(): Promise<void> {
    const now = this.clock.now();
    const left = await this.runs.interruptLeftoverRuns(INTERRUPTED_REASON, now, staleBefore(now, this.config.cluster));
    if (left > 0) this.logger.warn(`Marked ${left} DCRS run(s) whose instance is gone as interrupted`);
    await this.rerunInterruptedScheduledRun(now);
  }

  async heartbeat(): Promise<void> {
    if (this.running.busy) await this.runs.touchRunning(this.instance.value, this.clock.now());
  }

  /**
   * At shutdown, while the database is still open. The stop has already cut the run's calls short,
   * and the run marks itself interrupted; should it not wind down in time, it is marked here.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.running.busy) return;
    await Promise.race([this.idle(), sleep(shutdownGraceMs(this.config.resilience), undefined, { ref: false })]);
    if (this.current) await this.interrupt(this.current);
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
    if (this.shutdown.stopping)
      throw new DomainError('unavailable', 'The server is stopping; start the run again later');
    if (this.running.busy || (await this.runs.findRunning())) throw conflict('A DCRS run is already going');
    const now = this.clock.now();
    const date = dateInTimeZone(now, this.config.dcrs.timeZone);
    const run = await this.runs.insertRunningRun(date, trigger, now, this.instance.value);
    if (run === 'run_going') throw conflict('A DCRS run is already going');
    if (run === 'date_taken') return null;
    this.running.run(`DCRS run ${run.id}`, () => this.execute(run), { runId: run.id });
    return run;
  }

  /** Today's scheduled run, interrupted by a stop, runs again (when the schedule is on) as the schedule would. */
  private async rerunInterruptedScheduledRun(now: Date): Promise<void> {
    if (this.config.dcrs.cron === null) return;
    const today = dateInTimeZone(now, this.config.dcrs.timeZone);
    if (!(await this.runs.scheduledRunWasInterrupted(today))) return;
    try {
      const run = await this.start('schedule');
      if (run)
        this.logger.log(`The scheduled DCRS run of ${today} was interrupted by a stop: run ${run.id} runs it again`);
    } catch (error) {
      // Another instance got there first.
      if (error instanceof DomainError && error.code === 'conflict') return;
      throw error;
    }
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
    const current: CurrentRun = { run, started, progress: () => progress };
    this.current = current;
    try {
      await this.runs.recordSuite(run.id, suite.name, suiteHash(suite));
      const models = (await this.models.findEnabled()).filter((m) => this.registry.probeMode(m) !== 'off');
      progress = { ...progress, totalTests: models.length * suite.cases.length };
      this.events.publish('dcrs.progress', progress);
      const evaluations = await mapWithConcurrency(models, this.config.dcrs.concurrency, async (model) => {
        const evaluation = await this.evaluations.evaluate(model, suite, {
          runId: `dcrs-${run.id}`,
          kind: 'evaluation',
          signal: this.shutdown.signal,
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
      if (this.shutdown.stopping) {
        await this.interrupt(current);
        return;
      }
      const finishedAt = this.clock.now();
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error({ err: error, runId: run.id }, 'DCRS run failed');
      const durationMs = finishedAt.getTime() - started.getTime();
      await this.runs.failRun(run.id, reason, finishedAt, durationMs);
      this.events.publish('dcrs.progress', { ...progress, phase: 'failed', error: reason.slice(0, 200), durationMs });
    } finally {
      if (this.current === current) this.current = null;
    }
  }

  /** Marks the run interrupted, once (a run that has ended meanwhile is left as it ended). */
  private async interrupt(current: CurrentRun): Promise<void> {
    const finishedAt = this.clock.now();
    const durationMs = finishedAt.getTime() - current.started.getTime();
    if (!(await this.runs.interruptRun(current.run.id, INTERRUPTED_REASON, finishedAt, durationMs))) return;
    this.logger.warn({ runId: current.run.id }, `DCRS run ${current.run.id} interrupted by the stop`);
    this.events.publish('dcrs.progress', {
      ...current.progress(),
      phase: 'interrupted',
      error: INTERRUPTED_REASON,
      durationMs,
    });
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
