// Error budgets and burn rates of a model's SLOs, and the slo_burn alert decision. Pure.
//
// Availability: the share of counted probes that succeeded (rate-limited probes and probes inside a
// maintenance window are not counted). The error budget over the SLO window is (1 - objective) of
// the calls; the burn rate of a period is its error rate over that allowance: 1 spends the budget
// exactly over the window, 14.4 spends 2 % of a 30-day budget in one hour.
//
// Fast burn, as the Google SRE workbook's multi-window, multi-burn-rate alert: the 1 h AND the 5 min
// burn rate above SLO_FAST_BURN_RATE (14.4), or the 6 h AND the 30 min above SLO_SLOW_BURN_RATE (6).
// The short window makes the alert resolve soon after the model recovers.
import { openKey, type AlertAction, type OpenAlertKeys } from '../alerts/alert-rules.js';

export interface WindowStats {
  /** Calls counted for availability (probes, rate-limited and maintenance ones left out). */
  calls: number;
  successes: number;
  /** p95 of the successful measured calls' latency / time to first token, ms; null without calls. */
  latencyP95: number | null;
  ttftP95: number | null;
  /** Mean evaluation score (0-10); null without evaluations. */
  meanScore: number | null;
}

/** Successful share of the calls, percent with 3 decimals; null without calls. */
export function availabilityPercent(stats: Pick<WindowStats, 'calls' | 'successes'>): number | null {
  if (stats.calls === 0) return null;
  return Math.round((100_000 * stats.successes) / stats.calls) / 1000;
}

/** Error rate over the allowed error rate; null without calls. An objective of 100 % burns at Infinity on any error. */
export function burnRate(stats: Pick<WindowStats, 'calls' | 'successes'>, objectivePercent: number): number | null {
  if (stats.calls === 0) return null;
  const errorRate = (stats.calls - stats.successes) / stats.calls;
  const allowed = 1 - objectivePercent / 100;
  if (allowed <= 0) return errorRate > 0 ? Number.POSITIVE_INFINITY : 0;
  return Math.round((errorRate / allowed) * 100) / 100;
}

/**
 * Budget left over the SLO window, percent of the budget (100: untouched, 0: spent, below 0:
 * overspent); null without calls.
 */
export function budgetLeftPercent(
  stats: Pick<WindowStats, 'calls' | 'successes'>,
  objectivePercent: number,
): number | null {
  if (stats.calls === 0) return null;
  const allowedFailures = (1 - objectivePercent / 100) * stats.calls;
  const failures = stats.calls - stats.successes;
  if (allowedFailures <= 0) return failures === 0 ? 100 : Number.NEGATIVE_INFINITY;
  return Math.round((1 - failures / allowedFailures) * 10_000) / 100;
}

export interface BurnRates {
  m5: number | null;
  m30: number | null;
  h1: number | null;
  h6: number | null;
}

export interface BurnThresholds {
  fast: number;
  slow: number;
}

/** 'fast' (1 h and 5 min), 'slow' (6 h and 30 min), or null when neither pair is above its threshold. */
export function burnSeverity(rates: BurnRates, thresholds: BurnThresholds): 'fast' | 'slow' | null {
  const above = (rate: number | null, threshold: number): boolean => rate !== null && rate > threshold;
  if (above(rates.h1, thresholds.fast) && above(rates.m5, thresholds.fast)) return 'fast';
  if (above(rates.h6, thresholds.slow) && above(rates.m30, thresholds.slow)) return 'slow';
  return null;
}

/** Whether a "p95 at most" objective holds; null when there is nothing to measure. */
export function atMost(value: number | null, objective: number): boolean | null {
  return value === null ? null : value <= objective;
}

/** Whether a "score at least" objective holds; null when there is nothing to measure. */
export function atLeast(value: number | null, objective: number): boolean | null {
  return value === null ? null : value >= objective;
}

const show = (rate: number | null): string => (rate === null ? 'n/a' : String(rate));

/** slo_burn is a condition per model: open while the budget burns fast, resolved when it no longer does. */
export function decideSloBurnAlerts(
  model: string,
  objectivePercent: number,
  rates: BurnRates,
  thresholds: BurnThresholds,
  open: OpenAlertKeys,
): AlertAction[] {
  const severity = burnSeverity(rates, thresholds);
  const isOpen = open.has(openKey('slo_burn', model));
  if (severity && !isOpen) {
    const windows =
      severity === 'fast'
        ? `1 h burn rate ${show(rates.h1)} and 5 min ${show(rates.m5)} above ${thresholds.fast}`
        : `6 h burn rate ${show(rates.h6)} and 30 min ${show(rates.m30)} above ${thresholds.slow}`;
    return [
      {
        action: 'open',
        type: 'slo_burn',
        severity: severity === 'fast' ? 'critical' : 'warning',
        subject: model,
        message: `${model} is burning its ${objectivePercent}% availability error budget: ${windows}`,
      },
    ];
  }
  if (!severity && isOpen) return [{ action: 'resolve', type: 'slo_burn', subject: model }];
  return [];
}
