// What the readers take from a window's rollups (rollups.repository.ts windowByKind). Pure.
import { histogramMedian, histogramPercentile, histogramPercentiles, totalCount } from '../../common/log-histogram.js';
import { round } from '../../common/stats.js';
import type { MetricKind } from '../metric.entity.js';
import { emptyDelta, mergeDelta, type RollupDelta } from './rollup-deltas.js';

/** Kinds that are real calls of the model (the demo history is not). */
export const MEASURED_KINDS: readonly MetricKind[] = ['probe', 'simulated', 'evaluation', 'manual'];
export const EVALUATION_KINDS: readonly MetricKind[] = ['evaluation', 'manual'];

/** The window's kinds merged into one (all of them, or only `kinds`). */
export function mergeKinds(byKind: ReadonlyMap<MetricKind, RollupDelta>, kinds?: readonly MetricKind[]): RollupDelta {
  const total = emptyDelta('hour', new Date(0), 0, 'probe');
  for (const [kind, delta] of byKind) if (!kinds || kinds.includes(kind)) mergeDelta(total, delta);
  return total;
}

export function uptimeCounts(delta: RollupDelta): { counted: number; up: number } {
  return { counted: delta.uptimeCounted, up: delta.uptimeUp };
}

export function meanOrNull(sum: number, count: number): number | null {
  return count === 0 ? null : sum / count;
}

const pct = (value: number | null, decimals = 0): number | null => (value === null ? null : round(value, decimals));

export interface SpeedSummary {
  calls: number;
  successes: number;
  errors_by_kind: Record<string, number>;
  response_time_ms: { p50: number | null; p95: number | null; p99: number | null };
  ttft_ms: { p50: number | null; p95: number | null };
  tokens_per_second: { p50: number | null };
}

/**
 * Speed as people who pick providers measure it: percentiles of the successful calls' response
 * time, TTFT and tokens/s (within the histogram's stated error), and the calls and errors behind them.
 */
export function speedSummary(delta: RollupDelta): SpeedSummary {
  const [p50, p95, p99] = histogramPercentiles(delta.latencyHist, [50, 95, 99]);
  const [ttft50, ttft95] = histogramPercentiles(delta.ttftHist, [50, 95]);
  return {
    calls: delta.calls,
    successes: delta.successes,
    errors_by_kind: { ...delta.errors },
    response_time_ms: { p50: pct(p50), p95: pct(p95), p99: pct(p99) },
    ttft_ms: { p50: pct(ttft50), p95: pct(ttft95) },
    tokens_per_second: { p50: pct(histogramPercentiles(delta.tpsHist, [50])[0], 1) },
  };
}

/** Successful-call latency evidence for the state decisions: count, p95 and median. */
export function latencyOf(delta: RollupDelta): { samples: number; p95: number | null; median: number | null } {
  return {
    samples: totalCount(delta.latencyHist),
    p95: histogramPercentile(delta.latencyHist, 95),
    median: histogramMedian(delta.latencyHist),
  };
}
