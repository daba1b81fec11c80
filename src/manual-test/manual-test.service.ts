// The seed's POST /api/manual-test: evaluates the named models with the suite in the background,
// one run at a time; later requests wait in a bounded queue.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InstanceId } from '../cluster/instance-id.js';
import { SerialQueue } from '../common/background-work.js';
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
import { ProviderRegistry } from '../providers/provider-registry.js';
import { toManualTestFinishedEvent, toManualTestResult, toManualTestRunResponse } from './dto/manual-test.mapper.js';
import type {
  ManualTestAcceptedResponse,
  ManualTestRunListResponse,
  ManualTestRunResponse,
} from './dto/manual-test.response.js';
import type { ManualTestModelResult } from './manual-test-run.entity.js';
import { ManualTestRepository } from './manual-test.repository.js';

@Injectable()
export class ManualTestService implements OnApplicationBootstrap, OnApplicationShutdown, OwnedRuns {
  private readonly logger = new Logger(ManualTestService.name);
  /** The run under way, then the ones waiting. */
  private readonly queue = new SerialQueue(this.logger);

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
   * The runs still waiting stay queued in the database: the next start marks them failed (with
   * several instances, the leader does once their heartbeat is stale).
   */
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    stopRunLiveness(this.scheduler, 'manual-tests');
  }

  /** Fails the runs left unfinished by an instance that is gone (another live one's are left alone). */
  async recoverInterrupted(): Promise<void> {
    const now = this.clock.now();
    const reason = 'Interrupted: the server stopped before the run finished';
    const failed = await this.runs.failUnfinished(reason, now, staleBefore(now, this.config.cluster));
    if (failed > 0) this.logger.warn(`Marked ${failed} unfinished manual test run(s) as failed`);
  }

  async heartbeat(): Promise<void> {
    if (this.queue.size > 0) await this.runs.touchUnfinished(this.instance.value, this.clock.now());
  }

  private waiting(): number {
    return Math.max(0, this.queue.size - 1);
  }

  /** Resolves when the queue has drained (tests). */
  idle(): Promise<void> {
    return this.queue.drain();
  }

  async request(names: readonly string[] | undefined): Promise<ManualTestAcceptedResponse> {
    const models = await this.resolveModels(names);
    if (this.queue.size > 0 && this.waiting() >= this.config.manualTest.queueMax) {
      throw new DomainError(
        'too_many_requests',
        `The manual test queue is full (${this.config.manualTest.queueMax} waiting): try again later`,
        {
          queue_max: this.config.manualTest.queueMax,
        },
      );
    }
    const id = randomUUID();
    const now = this.clock.now();
    const queued = this.queue.size > 0;
    await this.runs.insertRun({
      id,
      owner: this.instance.value,
      heartbeatAt: now,
      status: queued ? 'queued' : 'testing',
      models: models.map((m) => m.name),
      requestedAt: now,
    });
    void this.queue.push(`Manual test run ${id}`, () => this.execute(id, models), { runId: id });
    const position = this.waiting();
    return {
      status: queued ? 'queued' : 'testing',
      models: models.map((m) => m.name),
      start_time: queued ? null : now.toISOString(),
      run_id: id,
      ...(queued ? { queue_position: position } : {}),
    };
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

  private async execute(id: string, models: readonly ModelEntity[]): Promise<void> {
    await this.runs.markTesting(id, this.clock.now());
    const results: ManualTestModelResult[] = [];
    let status: 'completed' | 'failed' = 'completed';
    let error: string | null = null;
    try {
      for (const model of models) {
        const evaluation = await this.evaluations.evaluate(model, this.suite.current(), {
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
