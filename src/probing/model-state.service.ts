// Recomputes a model's row from its measured calls after a probe or an evaluation: response time,
// uptime, streaks and status (the rules live in models/model-status.ts).
import { Inject, Injectable } from '@nestjs/common';
import { ClusterInvalidation } from '../cluster/cluster-invalidation.js';
import { Clock, DAY_MS, HOUR_MS } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DomainEventBus } from '../events/domain-events.js';
import { median } from '../common/stats.js';
import { MetricsRepository } from '../metrics/metrics.repository.js';
import { RollupsRepository } from '../metrics/rollups/rollups.repository.js';
import {
  EVALUATION_KINDS,
  latencyOf,
  MEASURED_KINDS,
  meanOrNull,
  mergeKinds,
  uptimeCounts,
} from '../metrics/rollups/window-stats.js';
import type { ModelEntity } from '../models/model.entity.js';
import {
  applyVerdict,
  decideModelStatus,
  describeStatusChange,
  latencyEvidence,
  MIN_BASELINE_SAMPLES,
  uptimeFromCounts,
  type ProbeVerdict,
  type Streaks,
} from '../models/model-status.js';
import { ModelsRepository, type ModelStatePatch } from '../models/models.repository.js';

const BASELINE_TTL_MS = 10 * 60_000;

/** What one probe found, as the model's state takes it. */
export interface ProbeOutcome {
  verdict: ProbeVerdict;
  errorKind: string | null;
  /** The provider's Retry-After after a rate-limited probe, ms. */
  retryAfterMs?: number;
  /** When the probe's answer came. */
  at: Date;
  /** Inside a maintenance window: the streaks stay, the status reads maintenance. */
  inMaintenance?: boolean;
}

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
    private readonly rollups: RollupsRepository,
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
  afterProbe(
    model: ModelEntity,
    verdict: ProbeVerdict,
    errorKind: string | null,
    retryAfterMs?: number,
  ): Promise<ModelEntity> {
    return this.afterProbes(model, [{ verdict, errorKind, retryAfterMs, at: this.clock.now() }]);
  }

  /**
   * After probes recorded late (kept while the database was away), oldest first: the streaks move
   * with each verdict in turn, the rest comes from the last one, and the state is saved once.
   */
  async afterProbes(model: ModelEntity, outcomes: readonly ProbeOutcome[]): Promise<ModelEntity> {
    const last = outcomes.at(-1);
    if (!last) return model;
    const now = this.clock.now();
    const limited = last.verdict === 'rate_limited';
    const patch: ModelStatePatch = {
      ...(await this.derived(model.id, now)),
      lastProbeAt: last.at,
      lastErrorKind: last.verdict === 'success' ? null : last.errorKind,
      rateLimitedUntil: limited ? new Date(last.at.getTime() + (last.retryAfterMs ?? 60_000)) : null,
      updatedAt: now,
    };
    // The streaks move on the locked row, verdict by verdict, so that no other probe's count is lost.
    // A probe inside a maintenance window moves no streak: the window must not end in a status it caused.
    return this.save(
      model,
      patch,
      (current) =>
        outcomes.reduce<Streaks>(
          (streaks, outcome) => (outcome.inMaintenance ? streaks : applyVerdict(streaks, outcome.verdict)),
          current,
        ),
      last.inMaintenance ?? false,
    );
  }

  /** After an evaluation: a new last score, the status it implies, and a provider's Retry-After if one came. */
  async afterEvaluation(
    model: ModelEntity,
    score: number,
    rateLimitedUntil?: Date,
    inMaintenance = false,
  ): Promise<ModelEntity> {
    const now = this.clock.now();
    const patch: ModelStatePatch = { lastScore: score, ...(await this.derived(model.id, now)), updatedAt: now };
    if (rateLimitedUntil) patch.rateLimitedUntil = rateLimitedUntil;
    return this.save(model, patch, (current) => current, inMaintenance);
  }

  /** Uptime over the configured window (rollups) and the last hour's median latency. */
  private async derived(modelId: number, now: Date): Promise<Omit<ModelStatePatch, 'updatedAt'>> {
    const window = new Date(now.getTime() - this.config.probing.uptimeWindowHours * HOUR_MS);
    const [probes, lastHour] = await Promise.all([
      this.rollups.windowByKind(modelId, window).then((byKind) => uptimeCounts(mergeKinds(byKind))),
      this.lastHourLatencies(modelId, now),
    ]);
    const patch: Omit<ModelStatePatch, 'updatedAt'> = {};
    const uptime = uptimeFromCounts(probes);
    if (uptime !== null) patch.uptimePercent = uptime;
    const typical = median(lastHour);
    if (typical !== null) patch.responseTime = Math.round(typical);
    return patch;
  }

  /** The last hour's successful latencies: exact, from at most an hour of raw rows. */
  private lastHourLatencies(modelId: number, now: Date): Promise<number[]> {
    return this.metrics.findSuccessfulLatenciesSince(modelId, new Date(now.getTime() - HOUR_MS));
  }

  /**
   * The model's own 7-day baseline (median latency, mean evaluation score), from the rollups. It moves
   * slowly, so it is recomputed at most every BASELINE_TTL_MS instead of after every probe.
   */
  private async baseline(modelId: number, now: Date, fresh: boolean): Promise<Baseline> {
    const cached = this.baselines.get(modelId);
    // A young model's baseline is still forming: only a settled one is reused.
    if (!fresh && cached?.settled && Math.abs(now.getTime() - cached.at) < BASELINE_TTL_MS) return cached;
    const byKind = await this.rollups.windowByKind(modelId, new Date(now.getTime() - 7 * DAY_MS));
    const week = latencyOf(mergeKinds(byKind, MEASURED_KINDS));
    const scores = mergeKinds(byKind, EVALUATION_KINDS);
    const baseline = {
      at: now.getTime(),
      median7dMs: week.samples >= MIN_BASELINE_SAMPLES ? week.median : null,
      meanScore7d: meanOrNull(scores.scoreSum, scores.scoreCount),
      hasScores: scores.scoreCount > 0,
      settled: week.samples >= MIN_BASELINE_SAMPLES,
    };
    this.baselines.set(modelId, baseline);
    return baseline;
  }

  /**
   * The evidence from the measured calls is read first; the streaks and the status are then decided
   * on the model's row as it is at the moment of writing (locked), so that two probes finishing at
   * once, here or on another instance, both count.
   */
  private async save(
    model: ModelEntity,
    patch: ModelStatePatch,
    nextStreaks: (current: Streaks) => Streaks,
    inMaintenance: boolean,
  ): Promise<ModelEntity> {
    const now = patch.updatedAt;
    const [lastHour, base] = await Promise.all([
      this.lastHourLatencies(model.id, now),
      // After an evaluation the score baseline has just changed: read it fresh.
      this.baseline(model.id, now, patch.lastScore !== undefined),
    ]);
    const p95LastHourMs = latencyEvidence(lastHour, []).p95LastHourMs;
    let cause: string | null = null;
    const written = await this.models.updateState(model.id, (current) => {
      const { consecutiveFailures, consecutiveSuccesses } = nextStreaks(current);
      const streaks = { consecutiveFailures, consecutiveSuccesses };
      const evidence = {
        previous: current.status,
        streaks,
        p95LastHourMs,
        median7dMs: base.median7dMs,
        lastScore: base.hasScores ? (patch.lastScore ?? current.lastScore) : null,
        meanScore7d: base.meanScore7d,
        inMaintenance,
      };
      const status = decideModelStatus(evidence, this.config.probing);
      cause = describeStatusChange(evidence, status, patch.lastErrorKind ?? current.lastErrorKind);
      return { ...patch, ...streaks, status };
    });
    if (!written) return model;
    const { before } = written;
    const updated = Object.assign(
      Object.create(Object.getPrototypeOf(before) as object) as ModelEntity,
      before,
      written.patch,
    );
    this.events.publish('model.state_changed', {
      modelId: updated.id,
      name: updated.name,
      apiType: updated.apiType,
      previousStatus: before.status,
      status: updated.status,
      lastScore: updated.lastScore,
      previousScore: before.lastScore,
      responseTime: updated.responseTime,
      uptimePercent: updated.uptimePercent,
      errorKind: updated.lastErrorKind,
      cause,
      at: now,
    });
    return updated;
  }
}
