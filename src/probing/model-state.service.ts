// Recomputes a model's row from its measured calls after a probe or an evaluation: response time,
// uptime, streaks and status (the rules live in models/model-status.ts).
import { Inject, Injectable } from '@nestjs/common';
import { ClusterInvalidation } from '../cluster/cluster-invalidation.js';
import { Clock, DAY_MS, HOUR_MS } from '../common/clock.js';
import { mean, median } from '../common/stats.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DomainEventBus } from '../events/domain-events.js';
import { MetricsRepository } from '../metrics/metrics.repository.js';
import type { ModelEntity } from '../models/model.entity.js';
import {
  applyVerdict,
  decideModelStatus,
  latencyEvidence,
  MIN_BASELINE_SAMPLES,
  uptimeFromCounts,
  type ProbeVerdict,
} from '../models/model-status.js';
import { ModelsRepository, type ModelStatePatch } from '../models/models.repository.js';

const BASELINE_TTL_MS = 10 * 60_000;

interface Baseline {
  at: number;
  median7dMs: number | null;
  settled: boolean;
  meanScore7d: number | null;
  hasScores: boolean;
}

@Injectable()
export class ModelStateService {
  private readonly baselines = new Map<number, Baseline>();

  constructor(
    private readonly models: ModelsRepository,
    private readonly metrics: MetricsRepository,
    private readonly events: DomainEventBus,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    invalidation: ClusterInvalidation,
  ) {
    // A model changed or removed on any instance starts from a fresh baseline here too.
    invalidation.on('model', (modelId) => this.forget(modelId));
  }

  /** Drops what is kept about the model (after an admin changed or removed it). */
  forget(modelId: number): void {
    this.baselines.delete(modelId);
  }

  /** After a probe: streaks move with the verdict, then everything derived is recomputed. */
  async afterProbe(
    model: ModelEntity,
    verdict: ProbeVerdict,
    errorKind: string | null,
    retryAfterMs?: number,
  ): Promise<ModelEntity> {
    const now = this.clock.now();
    const streaks = applyVerdict(model, verdict);
    const patch: ModelStatePatch = {
      ...streaks,
      ...(await this.derived(model.id, now)),
      lastProbeAt: now,
      lastErrorKind: verdict === 'success' ? null : errorKind,
      rateLimitedUntil: verdict === 'rate_limited' ? new Date(now.getTime() + (retryAfterMs ?? 60_000)) : null,
      updatedAt: now,
    };
    return this.save(model, patch);
  }

  /** After an evaluation: a new last score, the status it implies, and a provider's Retry-After if one came. */
  async afterEvaluation(model: ModelEntity, score: number, rateLimitedUntil?: Date): Promise<ModelEntity> {
    const now = this.clock.now();
    const patch: ModelStatePatch = { lastScore: score, ...(await this.derived(model.id, now)), updatedAt: now };
    if (rateLimitedUntil) patch.rateLimitedUntil = rateLimitedUntil;
    return this.save(model, patch, score);
  }

  private async derived(modelId: number, now: Date): Promise<Omit<ModelStatePatch, 'updatedAt'>> {
    const window = new Date(now.getTime() - this.config.probing.uptimeWindowHours * HOUR_MS);
    const [probes, lastHour] = await Promise.all([
      this.metrics.countProbesSince(modelId, [window]).then(([counts]) => counts),
      this.metrics.findSuccessfulLatenciesSince(modelId, new Date(now.getTime() - HOUR_MS)),
    ]);
    const patch: Omit<ModelStatePatch, 'updatedAt'> = {};
    const uptime = uptimeFromCounts(probes);
    if (uptime !== null) patch.uptimePercent = uptime;
    const typical = median(lastHour);
    if (typical !== null) patch.responseTime = Math.round(typical);
    return patch;
  }

  /**
   * The model's own 7-day baseline (median latency, mean evaluation score). It moves slowly, so it
   * is recomputed at most every BASELINE_TTL_MS instead of reading a week of rows after every probe.
   */
  private async baseline(modelId: number, now: Date, fresh: boolean): Promise<Baseline> {
    const cached = this.baselines.get(modelId);
    // A young model's baseline is still forming: only a settled one is reused.
    if (!fresh && cached?.settled && Math.abs(now.getTime() - cached.at) < BASELINE_TTL_MS) return cached;
    const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
    const [week, scores] = await Promise.all([
      this.metrics.findSuccessfulLatenciesSince(modelId, weekAgo),
      this.metrics.findEvaluationScoresSince(modelId, weekAgo),
    ]);
    const { median7dMs } = latencyEvidence([], week);
    const baseline = {
      at: now.getTime(),
      median7dMs,
      meanScore7d: mean(scores),
      hasScores: scores.length > 0,
      settled: week.length >= MIN_BASELINE_SAMPLES,
    };
    this.baselines.set(modelId, baseline);
    return baseline;
  }

  private async save(model: ModelEntity, patch: ModelStatePatch, lastScore = model.lastScore): Promise<ModelEntity> {
    const now = patch.updatedAt;
    const [lastHour, base] = await Promise.all([
      this.metrics.findSuccessfulLatenciesSince(model.id, new Date(now.getTime() - HOUR_MS)),
      // After an evaluation the score baseline has just changed: read it fresh.
      this.baseline(model.id, now, patch.lastScore !== undefined),
    ]);
    const status = decideModelStatus(
      {
        previous: model.status,
        streaks: {
          consecutiveFailures: patch.consecutiveFailures ?? model.consecutiveFailures,
          consecutiveSuccesses: patch.consecutiveSuccesses ?? model.consecutiveSuccesses,
        },
        p95LastHourMs: latencyEvidence(lastHour, []).p95LastHourMs,
        median7dMs: base.median7dMs,
        lastScore: base.hasScores ? lastScore : null,
        meanScore7d: base.meanScore7d,
      },
      this.config.probing,
    );
    const full = { ...patch, status };
    await this.models.saveState(model.id, full);
    const updated = Object.assign(Object.create(Object.getPrototypeOf(model) as object) as ModelEntity, model, full);
    this.events.publish('model.state_changed', {
      modelId: updated.id,
      name: updated.name,
      apiType: updated.apiType,
      previousStatus: model.status,
      status: updated.status,
      lastScore: updated.lastScore,
      previousScore: model.lastScore,
      responseTime: updated.responseTime,
      uptimePercent: updated.uptimePercent,
      errorKind: updated.lastErrorKind,
      at: now,
    });
    return updated;
  }
}
