// What a batch of raw calls adds to the hourly and daily rollups. Pure: the writer upserts these
// deltas additively (rollup-write.repository.ts), the history seeder and the boot backfill build the same ones.
import { mergeInto, record, type LogHistogram } from '../../common/log-histogram.js';
import type { MetricKind } from '../metric.entity.js';
import type { RollupResolution } from './metric-rollup.entity.js';

/** The fields of a raw call the rollups read (NewCallRow and stored rows both have them). */
export interface RollupInput {
  modelId: number;
  kind: MetricKind;
  timestamp: Date;
  score: number;
  responseTime: number;
  success: boolean;
  errorKind: string | null;
  ttftMs: number | null;
  tokensPerSecond: number | null;
  outputTokens: number | null;
  caseId: string | null;
  inputTokens?: number | null;
  cost?: number | null;
  inMaintenance?: boolean;
}

export interface RollupDelta {
  resolution: RollupResolution;
  bucketStart: Date;
  modelId: number;
  kind: MetricKind;
  calls: number;
  successes: number;
  maintenanceCalls: number;
  uptimeCounted: number;
  uptimeUp: number;
  errors: Record<string, number>;
  scoreSum: number;
  scoreCount: number;
  responseTimeSum: number;
  responseTimeHist: LogHistogram;
  latencyHist: LogHistogram;
  ttftHist: LogHistogram;
  tpsHist: LogHistogram;
  outputTokensSum: number;
  inputTokensSum: number;
  costSum: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const PROBE_KINDS: readonly MetricKind[] = ['probe', 'simulated'];

/** Start of the UTC hour or day holding an instant. */
export function bucketStartOf(at: Date, resolution: RollupResolution): Date {
  const size = resolution === 'hour' ? HOUR_MS : DAY_MS;
  return new Date(Math.floor(at.getTime() / size) * size);
}

/**
 * Whether a call counts for uptime (as the raw count always did): a probe (not an evaluation case),
 * not rate-limited (that says nothing of the model's health), not inside a maintenance window.
 */
export function countsForUptime(row: RollupInput): boolean {
  return (
    PROBE_KINDS.includes(row.kind) &&
    row.caseId === null &&
    row.errorKind !== 'rate_limited' &&
    row.inMaintenance !== true
  );
}

export function emptyDelta(
  resolution: RollupResolution,
  bucketStart: Date,
  modelId: number,
  kind: MetricKind,
): RollupDelta {
  return {
    resolution,
    bucketStart,
    modelId,
    kind,
    calls: 0,
    successes: 0,
    maintenanceCalls: 0,
    uptimeCounted: 0,
    uptimeUp: 0,
    errors: {},
    scoreSum: 0,
    scoreCount: 0,
    responseTimeSum: 0,
    responseTimeHist: {},
    latencyHist: {},
    ttftHist: {},
    tpsHist: {},
    outputTokensSum: 0,
    inputTokensSum: 0,
    costSum: 0,
  };
}

/** Adds one call to a delta (in place). A call inside a maintenance window only counts as such. */
export function addCall(delta: RollupDelta, row: RollupInput): void {
  if (row.inMaintenance === true) {
    delta.maintenanceCalls += 1;
    return;
  }
  delta.calls += 1;
  if (row.success) delta.successes += 1;
  else {
    const kind = row.errorKind ?? 'unknown';
    delta.errors[kind] = (delta.errors[kind] ?? 0) + 1;
  }
  if (countsForUptime(row)) {
    delta.uptimeCounted += 1;
    if (row.success) delta.uptimeUp += 1;
  }
  delta.scoreSum += row.score;
  delta.scoreCount += 1;
  delta.responseTimeSum += row.responseTime;
  record(delta.responseTimeHist, row.responseTime);
  if (row.success) {
    record(delta.latencyHist, row.responseTime);
    if (row.ttftMs !== null) record(delta.ttftHist, row.ttftMs);
    if (row.tokensPerSecond !== null) record(delta.tpsHist, row.tokensPerSecond);
  }
  delta.outputTokensSum += row.outputTokens ?? 0;
  delta.inputTokensSum += row.inputTokens ?? 0;
  delta.costSum += row.cost ?? 0;
}

export function deltaKey(d: Pick<RollupDelta, 'resolution' | 'modelId' | 'bucketStart' | 'kind'>): string {
  return `${d.resolution}|${d.modelId}|${d.bucketStart.getTime()}|${d.kind}`;
}

/**
 * The hourly and daily deltas of a batch of calls, one per (resolution, model, bucket, kind), in one
 * fixed order (so that concurrent writers lock rollup rows in the same order and cannot deadlock).
 */
export function rollupDeltas(rows: readonly RollupInput[]): RollupDelta[] {
  const byKey = new Map<string, RollupDelta>();
  for (const row of rows) {
    for (const resolution of ['hour', 'day'] as const) {
      const bucketStart = bucketStartOf(row.timestamp, resolution);
      const key = deltaKey({ resolution, modelId: row.modelId, bucketStart, kind: row.kind });
      let delta = byKey.get(key);
      if (!delta) {
        delta = emptyDelta(resolution, bucketStart, row.modelId, row.kind);
        byKey.set(key, delta);
      }
      addCall(delta, row);
    }
  }
  return [...byKey.values()].sort(compareDeltas);
}

function compareDeltas(a: RollupDelta, b: RollupDelta): number {
  if (a.resolution !== b.resolution) return a.resolution < b.resolution ? -1 : 1;
  if (a.modelId !== b.modelId) return a.modelId - b.modelId;
  if (a.bucketStart.getTime() !== b.bucketStart.getTime()) return a.bucketStart.getTime() - b.bucketStart.getTime();
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}

/** Adds `other` into `into` (in place): the same sums the database upsert makes. */
export function mergeDelta(
  into: RollupDelta,
  other: Omit<RollupDelta, 'resolution' | 'bucketStart' | 'modelId' | 'kind'>,
): RollupDelta {
  into.calls += other.calls;
  into.successes += other.successes;
  into.maintenanceCalls += other.maintenanceCalls;
  into.uptimeCounted += other.uptimeCounted;
  into.uptimeUp += other.uptimeUp;
  mergeInto(into.errors, other.errors);
  into.scoreSum += other.scoreSum;
  into.scoreCount += other.scoreCount;
  into.responseTimeSum += other.responseTimeSum;
  mergeInto(into.responseTimeHist, other.responseTimeHist);
  mergeInto(into.latencyHist, other.latencyHist);
  mergeInto(into.ttftHist, other.ttftHist);
  mergeInto(into.tpsHist, other.tpsHist);
  into.outputTokensSum += other.outputTokensSum;
  into.inputTokensSum += other.inputTokensSum;
  into.costSum += other.costSum;
  return into;
}
