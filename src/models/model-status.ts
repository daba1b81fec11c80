// The decisions about a model's state after each probe: streaks, status and uptime. Pure.
import { median, percentile } from '../common/stats.js';
import type { ModelStatus } from '../common/model-statuses.js';

export interface Thresholds {
  /** Failures in a row that make a model down. */
  failureThreshold: number;
  /** Successes in a row that bring a down model back. */
  successThreshold: number;
}

export interface Streaks {
  consecutiveFailures: number;
  consecutiveSuccesses: number;
}

export type ProbeVerdict = 'success' | 'failure' | 'rate_limited';

/** A rate-limited probe says nothing about the model's health: it leaves the streaks alone. */
export function applyVerdict(streaks: Streaks, verdict: ProbeVerdict): Streaks {
  switch (verdict) {
    case 'success':
      return { consecutiveFailures: 0, consecutiveSuccesses: streaks.consecutiveSuccesses + 1 };
    case 'failure':
      return { consecutiveFailures: streaks.consecutiveFailures + 1, consecutiveSuccesses: 0 };
    case 'rate_limited':
      return streaks;
    default: {
      const unreachable: never = verdict;
      return unreachable;
    }
  }
}

export interface StatusEvidence {
  previous: ModelStatus;
  streaks: Streaks;
  /** p95 latency of the last hour's successful calls, ms. */
  p95LastHourMs: number | null;
  /** Median latency of the model's own last 7 days of successful calls, ms. */
  median7dMs: number | null;
  /** Latest evaluation score and the mean of the last 7 days' evaluation scores. */
  lastScore: number | null;
  meanScore7d: number | null;
  /** Inside a planned maintenance window: the status reads maintenance whatever the evidence. */
  inMaintenance?: boolean;
}

export const LATENCY_DEGRADED_FACTOR = 1.5;
/** Fewer calls than this say too little about latency to call a model degraded. */
export const MIN_LAST_HOUR_SAMPLES = 5;
export const MIN_BASELINE_SAMPLES = 20;

/** The latency evidence for the degraded rule, or nulls where there are too few calls to judge. */
export function latencyEvidence(
  lastHour: readonly number[],
  week: readonly number[],
): { p95LastHourMs: number | null; median7dMs: number | null } {
  return {
    p95LastHourMs: lastHour.length >= MIN_LAST_HOUR_SAMPLES ? percentile(lastHour, 95) : null,
    median7dMs: week.length >= MIN_BASELINE_SAMPLES ? median(week) : null,
  };
}
export const SCORE_DROP_DEGRADED = 1.0;

/**
 * down: FAILURE_THRESHOLD failures in a row; a down model stays down until SUCCESS_THRESHOLD
 * successes in a row. unknown: never answered yet. maintenance: inside a planned window. Otherwise degraded when the last hour's p95
 * latency exceeds 1.5x its 7-day median, or its last score fell 1.0 or more below its 7-day mean.
 */
export function decideModelStatus(evidence: StatusEvidence, thresholds: Thresholds): ModelStatus {
  const { previous, streaks } = evidence;
  if (evidence.inMaintenance) return 'maintenance';
  if (streaks.consecutiveFailures >= thresholds.failureThreshold) return 'down';
  if (previous === 'down' && streaks.consecutiveSuccesses < thresholds.successThreshold) return 'down';
  if (previous === 'unknown' && streaks.consecutiveSuccesses === 0) return 'unknown';
  return isDegraded(evidence) ? 'degraded' : 'healthy';
}

export function isDegraded(
  evidence: Pick<StatusEvidence, 'p95LastHourMs' | 'median7dMs' | 'lastScore' | 'meanScore7d'>,
): boolean {
  const slow =
    evidence.p95LastHourMs !== null &&
    evidence.median7dMs !== null &&
    evidence.median7dMs > 0 &&
    evidence.p95LastHourMs > LATENCY_DEGRADED_FACTOR * evidence.median7dMs;
  const scoreDropped =
    evidence.lastScore !== null &&
    evidence.meanScore7d !== null &&
    evidence.meanScore7d - evidence.lastScore >= SCORE_DROP_DEGRADED - 1e-9;
  return slow || scoreDropped;
}

export interface ProbeRecord {
  success: boolean;
  errorKind: string | null;
}

/**
 * Successful share of the probes, in percent with 2 decimals. Rate-limited probes are left out
 * (the provider refused to answer, which says nothing of its health); auth errors count as down.
 * null when no probe counts.
 */
export function uptimePercent(probes: readonly ProbeRecord[]): number | null {
  const counted = probes.filter((p) => p.errorKind !== 'rate_limited');
  return uptimeFromCounts({ counted: counted.length, up: counted.filter((p) => p.success).length });
}

/** The same from counts already aggregated (rate-limited probes excluded). */
export function uptimeFromCounts(counts: { counted: number; up: number }): number | null {
  if (counts.counted === 0) return null;
  return Math.round((10_000 * counts.up) / counts.counted) / 100;
}

/**
 * Why the status changed, in words a person reads on the timeline ("3 failures in a row: timeout").
 * null when it did not change.
 */
export function describeStatusChange(
  evidence: StatusEvidence,
  status: ModelStatus,
  lastErrorKind: string | null,
): string | null {
  const { previous, streaks } = evidence;
  if (status === previous) return null;
  switch (status) {
    case 'maintenance':
      return 'inside a planned maintenance window';
    case 'down':
      return `${streaks.consecutiveFailures} failures in a row: ${lastErrorKind ?? 'unknown error'}`;
    case 'degraded':
      return degradedCause(evidence);
    case 'healthy':
      if (previous === 'down') return `${streaks.consecutiveSuccesses} successes in a row`;
      if (previous === 'maintenance') return 'the maintenance window ended';
      if (previous === 'unknown') return 'first successful answer';
      return 'latency and score back to normal';
    case 'unknown':
      return 'no answer yet';
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

function degradedCause(evidence: StatusEvidence): string {
  const causes: string[] = [];
  const { p95LastHourMs: p95, median7dMs: median, lastScore, meanScore7d } = evidence;
  if (p95 !== null && median !== null && median > 0 && p95 > LATENCY_DEGRADED_FACTOR * median) {
    causes.push(`p95 latency ${Math.round(p95)} ms over 1.5x its 7-day median ${Math.round(median)} ms`);
  }
  if (lastScore !== null && meanScore7d !== null && meanScore7d - lastScore >= SCORE_DROP_DEGRADED - 1e-9) {
    causes.push(`score ${lastScore} fell below its 7-day mean ${Math.round(meanScore7d * 100) / 100}`);
  }
  if (evidence.previous === 'down') causes.unshift(`${evidence.streaks.consecutiveSuccesses} successes in a row`);
  return causes.join('; ') || 'degraded';
}
