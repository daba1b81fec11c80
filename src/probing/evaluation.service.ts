// Runs the evaluation suite on one model: every case through the provider (or the simulator),
// scored by the suite's assertions, one daily_metrics row per case, then the model's new score.
import { Inject, Injectable } from '@nestjs/common';
import { Clock, utcDate } from '../common/clock.js';
import { percentile } from '../common/stats.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { scoreCase, scoreModel } from '../evaluation/scoring.js';
import type { CaseOutcome, EvalCase, EvalSuite } from '../evaluation/suite.types.js';
import { MetricsRepository, type NewCallRow } from '../metrics/metrics.repository.js';
import type { ModelEntity } from '../models/model.entity.js';
import { ProviderClient } from '../providers/provider-client.js';
import type { CallResult } from '../providers/provider.types.js';
import { MaintenanceService } from '../maintenance/maintenance.service.js';
import { CallAccounting } from './call-accounting.service.js';
import { ModelStateService } from './model-state.service.js';
import { ProviderRegistry, type ProbeMode } from '../providers/provider-registry.js';
import { ProviderSimulator, simulationProfile } from './provider-simulator.js';

export interface ModelEvaluation {
  modelId: number;
  model: string;
  mode: ProbeMode;
  /** 10 x mean case score, 1 decimal. */
  score: number;
  passed: number;
  failed: number;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  /** How many calls failed with each error kind. */
  errorKinds: Record<string, number>;
  cases: CaseOutcome[];
}

export interface EvaluationContext {
  runId: string | null;
  kind: 'evaluation' | 'manual';
  /**
   * When aborted (the server stops), the calls under way are cut short and evaluate() rejects with
   * the signal's reason, writing nothing: an interrupted call measured nothing about the model.
   */
  signal?: AbortSignal;
}

@Injectable()
export class EvaluationService {
  constructor(
    private readonly registry: ProviderRegistry,
    private readonly client: ProviderClient,
    private readonly simulator: ProviderSimulator,
    private readonly metrics: MetricsRepository,
    private readonly state: ModelStateService,
    private readonly accounting: CallAccounting,
    private readonly clock: Clock,
    private readonly maintenance: MaintenanceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async evaluate(model: ModelEntity, suite: EvalSuite, context: EvaluationContext): Promise<ModelEvaluation> {
    const mode = this.registry.probeMode(model);
    const outcomes: CaseOutcome[] = [];
    const rows: NewCallRow[] = [];
    // A Retry-After from an earlier probe or from a case of this run: the provider is not called before it.
    const limitedBefore = model.rateLimitedUntil?.getTime() ?? 0;
    let rateLimitedUntil = limitedBefore;
    for (const evalCase of suite.cases) {
      context.signal?.throwIfAborted();
      const waiting = this.clock.now().getTime() < rateLimitedUntil;
      const result: CallResult = waiting
        ? { ok: false, errorKind: 'rate_limited', message: 'not called: the provider asked to wait', latencyMs: 0 }
        : await this.call(model, mode, evalCase, context.signal);
      if (!waiting && !result.ok && result.errorKind === 'rate_limited') {
        rateLimitedUntil = Math.max(rateLimitedUntil, this.clock.now().getTime() + (result.retryAfterMs ?? 60_000));
      }
      const outcome =
        mode === 'simulated' && result.ok
          ? simulatedOutcome(evalCase, result.latencyMs, this.simulator.caseScore(simulationProfile(model.name)))
          : scoreCase(evalCase, {
              output: result.ok ? result.text : null,
              latency_ms: result.latencyMs,
              error_kind: result.ok ? null : result.errorKind,
            });
      outcomes.push(outcome);
      const at = this.clock.now();
      const usage = waiting
        ? { inputTokens: null, outputTokens: null, cost: null }
        : await this.accounting.account(model, result, at);
      rows.push({
        modelId: model.id,
        kind: mode === 'simulated' ? 'simulated' : context.kind,
        timestamp: at,
        date: utcDate(at),
        score: Math.round(outcome.score * 100) / 10,
        responseTime: result.latencyMs,
        success: result.ok,
        errorKind: result.ok ? null : result.errorKind,
        ttftMs: result.ok ? result.ttftMs : null,
        tokensPerSecond: result.ok ? result.tokensPerSecond : null,
        outputTokens: usage.outputTokens,
        inputTokens: usage.inputTokens,
        cost: usage.cost,
        caseId: evalCase.id,
        runId: context.runId,
        fingerprint: result.ok ? (result.fingerprint ?? null) : null,
      });
    }
    context.signal?.throwIfAborted();
    const inMaintenance = await this.maintenance.isInMaintenance(model.id, this.clock.now());
    await this.metrics.insertCalls(rows.map((row) => ({ ...row, inMaintenance })));
    const score = scoreModel(outcomes);
    await this.state.afterEvaluation(
      model,
      score,
      rateLimitedUntil > limitedBefore ? new Date(rateLimitedUntil) : undefined,
      inMaintenance,
    );
    return summarize(model, mode, score, outcomes);
  }

  private async call(
    model: ModelEntity,
    mode: ProbeMode,
    evalCase: EvalCase,
    signal?: AbortSignal,
  ): Promise<CallResult> {
    if (mode === 'simulated') return this.simulator.call(simulationProfile(model.name), '');
    return this.client.call(
      this.registry.settingsFor(model),
      { prompt: evalCase.prompt, system: evalCase.system, maxTokens: evalCase.max_tokens },
      { timeoutMs: this.config.probing.timeoutMs, signal },
    );
  }
}

/** The simulator cannot answer real prompts: it draws the case score directly (rows say simulated). */
function simulatedOutcome(evalCase: EvalCase, latencyMs: number, score: number): CaseOutcome {
  const total = evalCase.assert.reduce((sum, a) => sum + a.weight, 0);
  return {
    case_id: evalCase.id,
    passed_weight: Math.round(total * score * 100) / 100,
    total_weight: total,
    score,
    latency_ms: latencyMs,
    error_kind: null,
    assertions: evalCase.assert.map((a) => ({ type: a.type, passed: score >= 0.5 })),
  };
}

function summarize(model: ModelEntity, mode: ProbeMode, score: number, cases: CaseOutcome[]): ModelEvaluation {
  const latencies = cases.filter((c) => c.error_kind === null).map((c) => c.latency_ms);
  const errorKinds: Record<string, number> = {};
  for (const c of cases) if (c.error_kind) errorKinds[c.error_kind] = (errorKinds[c.error_kind] ?? 0) + 1;
  const passed = cases.filter((c) => c.score === 1).length;
  return {
    modelId: model.id,
    model: model.name,
    mode,
    score,
    passed,
    failed: cases.length - passed,
    p50LatencyMs: percentile(latencies, 50),
    p95LatencyMs: percentile(latencies, 95),
    errorKinds,
    cases,
  };
}
