// The seed's POST /api/manual-test: evaluates the named models with the suite in the background,
// one run at a time; later requests wait in a bounded queue. The queue is the manual_test_runs rows,
// shared by every instance: whichever instance is free claims the next run, whoever queued it.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InstanceId } from '../cluster/instance-id.js';
import { BackgroundWork } from '../common/background-work.js';
import { Clock } from '../common/clock.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { Leadership } from '../common/leadership.js';
import { staleBefore, startRunLiveness, stopRunLiveness, type OwnedRuns } from '../common/run-liveness.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DomainEventBus } from '../events/domain-events.js';
import type { ModelEntity } from '../models/model.entity.js';
import { ModelsRepository } from '../models/models.repository.js';
import { EvaluationService } from '../probing/evaluation.service.js';
import { EvaluationSuiteService } from '../probing/evaluation-suite.service.js';
import { suiteHash } from '../evaluation/suite-hash.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { toManualTestFinishedEvent, toManualTestResult, toManualTestRunResponse } from './dto/manual-test.mapper.js';
import type {
  ManualTestAcceptedResponse,
  ManualTestRunListResponse,
  ManualTestRunResponse,
} from './dto/manual-test.response.js';
import type { ManualTestModelResult, ManualTestRunEntity } from './manual-test-run.entity.js';
import { ManualTestRepository } from './manual-test.repository.js';

@Injectable()
export class ManualTestService implements OnApplicationBootstrap, OnApplicationShutdown, OwnedRuns {
  private readonly logger = new Logger(ManualTestService.name);
  /** The run this process executes, if any. */
  private readonly running = new BackgroundWork(this.logger);
  private closing = false;

  constructor(
    private readonly runs: ManualTestRepository,
    private readonly models: ModelsRepository,
    private readonly registry: ProviderRegistry,
    private readonly evaluations: EvaluationService,
    private readonly suite: EvaluationSuiteService,
    private readonly events: DomainEventBus,
    private readonly clock: Clock,
    private readonly instance: InstanceId,
    private readonly scheduler: SchedulerRegistry,
    private readonly leadership: Leadership,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.recoverInterrupted();
    startRunLiveness(this.scheduler, 'manual-tests', this.config.cluster, this, {
      logger: this.logger,
      leadership: this.leadership,
    });
  }

  /**
   * The runs still waiting stay queued in the database (another instance may claim them; the next
   * start here marks them failed once their heartbeat is stale); the run under way here ends first.
   */
  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.running.drain();
    stopRunLiveness(this.scheduler, 'manual-tests');
  }

  /**
   * Fails the runs left unfinished by an instance that is gone (another live one's are left alone),
   * then starts the next queued run if nothing tests any more.
   */
  async recoverInterrupted(): Promise<void> {
    const now = this.clock.now();
    const reason = 'Interrupted: the server stopped before the run finished';
    const failed = await this.runs.failUnfinished(reason, now, staleBefore(now, this.config.cluster));
    if (failed > 0) this.logger.warn(`Marked ${failed} unfinished manual test run(s) as failed`);
    await this.startNext();
  }

  async heartbeat(): Promise<void> {
    await this.runs.touchUnfinished(this.instance.value, this.clock.now());
  }

  /** Resolves when this process has no run left to execute (tests). */
  idle(): Promise<void> {
    return this.running.drain();
  }

  async request(names: readonly string[] | undefined): Promise<ManualTestAcceptedResponse> {
    const models = await this.resolveModels(names);
    const { queueMax } = this.config.manualTest;
    const id = randomUUID();
    const now = this.clock.now();
    const accepted = await this.runs.enqueue(
      { id, models: models.map((m) => m.name), requestedAt: now, owner: this.instance.value, heartbeatAt: now },
      queueMax,
    );
    if (!accepted) {
      throw new DomainError(
        'too_many_requests',
        `The manual test queue is full (${queueMax} waiting): try again later`,
        {
          queue_max: queueMax,
        },
      );
    }
    await this.startNext();
    const run = await this.runs.findById(id);
    if (!run) throw new Error(`Manual test run ${id} vanished`);
    if (run.status !== 'queued') {
      return { status: 'testing', models: run.models, start_time: run.startTime?.toISOString() ?? null, run_id: id };
    }
    return {
      status: 'queued',
      models: run.models,
      start_time: null,
      run_id: id,
      queue_position: await this.runs.queuePosition(run),
    };
  }

  /**
   * Claims the next queued run, unless one is testing (here or in another instance), and executes it
   * in the background; at its end, the next. Every request and every end of a run calls it, so no
   * queued run is left waiting while nothing runs.
   */
  private async startNext(): Promise<void> {
    if (this.closing) return;
    const run = await this.runs.claimNext(this.clock.now(), this.instance.value);
    if (!run) return;
    this.running.run(
      `Manual test run ${run.id}`,
      async () => {
        await this.execute(run);
        await this.startNext();
      },
      { runId: run.id },
    );
  }

  async get(id: string): Promise<ManualTestRunResponse> {
    const run = await this.runs.findById(id);
    if (!run) throw notFound(`Manual test run ${id} not found`);
    return toManualTestRunResponse(run);
  }

  async recent(limit = 20): Promise<ManualTestRunListResponse> {
    return { runs: (await this.runs.findRecent(limit)).map(toManualTestRunResponse) };
  }

  /** Exact names, duplicates dropped; none named: every model that can be probed. */
  private async resolveModels(names: readonly string[] | undefined): Promise<ModelEntity[]> {
    const unique = [...new Set(names ?? [])];
    if (unique.length === 0) {
      const all = (await this.models.findEnabled()).filter((m) => this.registry.probeMode(m) !== 'off');
      if (all.length === 0)
        throw new DomainError(
          'unprocessable',
          'No model can be probed: configure a provider key or turn SIMULATE_PROVIDERS on',
        );
      return all;
    }
    const found = await this.models.findByNames(unique);
    const unknown = unique.filter((name) => !found.some((m) => m.name === name));
    if (unknown.length > 0) throw new DomainError('invalid_input', `Unknown model(s) in models: ${unknown.join(', ')}`);
    const ordered = unique.map((name) => found.find((m) => m.name === name)!);
    const unprobeable = ordered.filter((m) => this.registry.probeMode(m) === 'off');
    if (unprobeable.length > 0) {
      throw new DomainError(
        'unprocessable',
        `Cannot be probed (disabled, or no provider key with the simulator off): ${unprobeable.map((m) => m.name).join(', ')}`,
      );
    }
    return ordered;
  }

  private async execute(run: ManualTestRunEntity): Promise<void> {
    const id = run.id;
    const found = await this.models.findByNames(run.models);
    const results: ManualTestModelResult[] = [];
    let status: 'completed' | 'failed' = 'completed';
    let error: string | null = null;
    try {
      const suite = this.suite.current();
      await this.runs.recordSuite(id, suite.name, suiteHash(suite));
      for (const name of run.models) {
        const model = found.find((m) => m.name === name);
        if (!model) {
          results.push(removedModelResult(name));
          continue;
        }
        const evaluation = await this.evaluations.evaluate(model, suite, {
          runId: `manual-${id}`,
          kind: 'manual',
        });
        results.push(toManualTestResult(evaluation));
      }
    } catch (caught) {
      status = 'failed';
      error = 'The run stopped on an internal error';
      this.logger.error({ err: caught, runId: id }, 'Manual test run failed');
    }
    await this.runs.markFinished(id, status, this.clock.now(), results, error);
    const finished = await this.runs.findById(id);
    if (finished) this.events.publish('manual_test.finished', toManualTestFinishedEvent(finished, status));
  }
}

/** A model removed (or renamed) while its run waited in the queue. */
function removedModelResult(model: string): ManualTestModelResult {
  return {
    model,
    score: null,
    response_time: null,
    passed: 0,
    failed: 0,
    error: 'The model was removed before its turn',
  };
}
