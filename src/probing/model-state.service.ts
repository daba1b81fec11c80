// Recomputes a model's row from its measured calls after a probe or an evaluation: response time,
// uptime, streaks and status (the rules live in models/model-status.ts).
import { Inject, Injectable } from '@nestjs/common';
import { ClusterInvalidation } from '../cluster/cluster-invalidation.js';
import { Clock, DAY_MS, HOUR_MS } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DomainEventBus } from '../events/domain-events.js';
import type { MetricKind } from '../metrics/metric.entity.js';
import { MetricsRepository } from '../metrics/metrics.repository.js';
import type { RollupDelta } from '../metrics/rollups/rollup-deltas.js';
import { RollupsRepository } from '../metrics/rollups/rollups.repository.js';
import { UptimeWindowRepository } from '../metrics/rollups/uptime-window.repository.js';
import {
  EVALUATION_KINDS,
  latencyOf,
  MEASURED_KINDS,
  meanOrNull,
  mergeKinds,
} from '../metrics/rollups/window-stats.js';
import type { ModelEntity } from '../models/model.entity.js';
import {
  applyVerdict,
  decideModelStatus,
  describeStatusChange,
  MIN_BASELINE_SAMPLES,
  MIN_LAST_HOUR_SAMPLES,
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

/** A model and what its probes of one write batch found, oldest first. */
export interface ModelProbes {
  model: ModelEntity;
  outcomes: readonly ProbeOutcome[];
}

interface Derived {
  patch: Omit<ModelStatePatch, 'updatedAt'>;
  p95LastHourMs: number | null;
}

/** What is written to one model's row; the streaks and the status are decided on the locked row. */
interface StateChange {
  model: ModelEntity;
  patch: ModelStatePatch;
  p95LastHourMs: number | null;
  nextStreaks: (current: Streaks) => Streaks;
  inMaintenance: boolean;
}

@Injectable()
export class ModelStateService {
  private readonly baselines_ = new Map<number, Baseline>();

  constructor(
    private readonly models: ModelsRepository,
    private readonly metrics: MetricsRepository,
    private readonly rollups: RollupsRepository,
    private readonly uptimeWindows: UptimeWindowRepository,
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
    this.baselines_.delete(modelId);
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
    return (await this.afterProbesOfModels([{ model, outcomes }])).get(model.id) ?? model;
  }

  /**
   * afterProbes for the models of a write batch at once: the evidence of all of them is read in a
   * few queries (not a few per model) and their states are written in one locked transaction.
   * Returns each model's updated row (the one given when nothing was written).
   */
  async afterProbesOfModels(groups: readonly ModelProbes[]): Promise<Map<number, ModelEntity>> {
    const merged = new Map<number, { model: ModelEntity; outcomes: ProbeOutcome[] }>();
    for (const { model, outcomes } of groups) {
      const entry = merged.get(model.id);
      if (entry) entry.outcomes.push(...outcomes);
      else if (outcomes.length > 0) merged.set(model.id, { model, outcomes: [...outcomes] });
    }
    const result = new Map(groups.map(({ model }) => [model.id, model]));
    if (merged.size === 0) return result;
    const now = this.clock.now();
    const derived = await this.derived([...merged.keys()], now);
    const changes = [...merged.values()].map(({ model, outcomes }): StateChange => {
      const last = outcomes.at(-1)!;
      const limited = last.verdict === 'rate_limited';
      const { patch, p95LastHourMs } = derived.get(model.id)!;
      return {
        model,
        p95LastHourMs,
        patch: {
          ...patch,
          lastProbeAt: last.at,
          lastErrorKind: last.verdict === 'success' ? null : last.errorKind,
          rateLimitedUntil: limited ? new Date(last.at.getTime() + (last.retryAfterMs ?? 60_000)) : null,
          updatedAt: now,
        },
        // The streaks move on the locked row, verdict by verdict, so that no other probe's count is lost.
        // A probe inside a maintenance window moves no streak: the window must not end in a status it caused.
        nextStreaks: (current) =>
          outcomes.reduce<Streaks>(
            (streaks, outcome) => (outcome.inMaintenance ? streaks : applyVerdict(streaks, outcome.verdict)),
            current,
          ),
        inMaintenance: last.inMaintenance ?? false,
      };
    });
    for (const [id, updated] of await this.save(changes, now)) result.set(id, updated);
    return result;
  }

  /** After an evaluation: a new last score, the status it implies, and a provider's Retry-After if one came. */
  async afterEvaluation(
    model: ModelEntity,
    score: number,
    rateLimitedUntil?: Date,
    inMaintenance = false,
  ): Promise<ModelEntity> {
    const now = this.clock.now();
    const { patch: derived, p95LastHourMs } = (await this.derived([model.id], now)).get(model.id)!;
    const patch: ModelStatePatch = { lastScore: score, ...derived, updatedAt: now };
    if (rateLimitedUntil) patch.rateLimitedUntil = rateLimitedUntil;
    const change: StateChange = { model, patch, p95LastHourMs, nextStreaks: (current) => current, inMaintenance };
    return (await this.save([change], now)).get(model.id) ?? model;
  }

  /**
   * Uptime over the configured window (rollups) and the last hour's median latency, and that hour's
   * p95 for the status (exact, from at most an hour of raw rows), of each model.
   */
  private async derived(modelIds: readonly number[], now: Date): Promise<Map<number, Derived>> {
    const window = new Date(now.getTime() - this.config.probing.uptimeWindowHours * HOUR_MS);
    const [uptimes, lastHour] = await Promise.all([
      this.uptimeWindows.uptimeOfModels(modelIds, window),
      this.metrics.successfulLatencyStatsSince(modelIds, new Date(now.getTime() - HOUR_MS)),
    ]);
    const derived = new Map<number, Derived>();
    for (const modelId of modelIds) {
      const patch: Omit<ModelStatePatch, 'updatedAt'> = {};
      const uptime = uptimeFromCounts(uptimes.get(modelId) ?? { counted: 0, up: 0 });
      if (uptime !== null) patch.uptimePercent = uptime;
      const stats = lastHour.get(modelId);
      if (stats) patch.responseTime = Math.round(stats.median);
      const p95LastHourMs = stats && stats.samples >= MIN_LAST_HOUR_SAMPLES ? stats.p95 : null;
      derived.set(modelId, { patch, p95LastHourMs });
    }
    return derived;
  }

  /**
   * The models' own 7-day baselines (median latency, mean evaluation score), from the rollups. They
   * move slowly, so each is recomputed at most every BASELINE_TTL_MS instead of after every probe.
   */
  private async baselines(modelIds: readonly number[], now: Date, fresh: boolean): Promise<Map<number, Baseline>> {
    const result = new Map<number, Baseline>();
    const stale: number[] = [];
    for (const modelId of modelIds) {
      const cached = this.baselines_.get(modelId);
      // A young model's baseline is still forming: only a settled one is reused.
      if (!fresh && cached?.settled && Math.abs(now.getTime() - cached.at) < BASELINE_TTL_MS)
        result.set(modelId, cached);
      else stale.push(modelId);
    }
    if (stale.length === 0) return result;
    const weeks = await this.rollups.windowByKindOfModels(stale, new Date(now.getTime() - 7 * DAY_MS));
    for (const modelId of stale) {
      const byKind = weeks.get(modelId) ?? new Map<MetricKind, RollupDelta>();
      const week = latencyOf(mergeKinds(byKind, MEASURED_KINDS));
      const scores = mergeKinds(byKind, EVALUATION_KINDS);
      const baseline = {
        at: now.getTime(),
        median7dMs: week.samples >= MIN_BASELINE_SAMPLES ? week.median : null,
        meanScore7d: meanOrNull(scores.scoreSum, scores.scoreCount),
        hasScores: scores.scoreCount > 0,
        settled: week.samples >= MIN_BASELINE_SAMPLES,
      };
      this.baselines_.set(modelId, baseline);
      result.set(modelId, baseline);
    }
    return result;
  }

  /**
   * The evidence from the measured calls is read first; the streaks and the status are then decided
   * on each model's row as it is at the moment of writing (locked), so that two probes finishing at
   * once, here or on another instance, both count.
   */
  private async save(changes: readonly StateChange[], now: Date): Promise<Map<number, ModelEntity>> {
    const byId = new Map(changes.map((change) => [change.model.id, change]));
    // After an evaluation the score baseline has just changed: read it fresh.
    const fresh = changes.some((change) => change.patch.lastScore !== undefined);
    const bases = await this.baselines([...byId.keys()], now, fresh);
    const causes = new Map<number, string | null>();
    const written = await this.models.updateStates([...byId.keys()], (current) => {
      const { patch, nextStreaks, p95LastHourMs, inMaintenance } = byId.get(current.id)!;
      const base = bases.get(current.id)!;
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
      causes.set(current.id, describeStatusChange(evidence, status, patch.lastErrorKind ?? current.lastErrorKind));
      return { ...patch, ...streaks, status };
    });
    const updated = new Map<number, ModelEntity>();
    for (const [id, { before, patch }] of written) {
      const model = Object.assign(Object.create(Object.getPrototypeOf(before) as object) as ModelEntity, before, patch);
      updated.set(id, model);
      this.events.publish('model.state_changed', {
        modelId: model.id,
        name: model.name,
        apiType: model.apiType,
        previousStatus: before.status,
        status: model.status,
        lastScore: model.lastScore,
        previousScore: before.lastScore,
        responseTime: model.responseTime,
        uptimePercent: model.uptimePercent,
        errorKind: model.lastErrorKind,
        cause: causes.get(id) ?? null,
        at: now,
      });
    }
    return updated;
  }
}
