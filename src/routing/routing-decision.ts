// Which model the brain should route to: ranking and the hysteresis that keeps the primary from
// flapping. Pure functions, tested scenario by scenario.
import type { ModelStatus } from '../common/model-statuses.js';

export interface RoutingCandidate {
  name: string;
  score: number;
  /** Median latency of the run's calls, ms; null when every call failed. */
  p50LatencyMs: number | null;
  uptimePercent: number;
  status: ModelStatus;
  /** Cost per successful call over the recent window; null or absent: unknown (cost_within). */
  costPerCall?: number | null;
  /** Its provider said its rate limit is used up, and the reset has not come yet. */
  quotaExhausted?: boolean;
}

export interface RankingRules {
  /** Models below this uptime (percent) are left out. */
  minUptime: number;
}

/**
 * Eligible models (not down, at or above the minimum uptime, quota not exhausted), best first: score,
 * then lower p50 latency, then higher uptime, then name.
 */
export function rankCandidates(candidates: readonly RoutingCandidate[], rules: RankingRules): RoutingCandidate[] {
  return candidates
    .filter(
      (c) =>
        c.status !== 'down' && c.status !== 'maintenance' && c.uptimePercent >= rules.minUptime && !c.quotaExhausted,
    )
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.p50LatencyMs ?? Number.POSITIVE_INFINITY) - (b.p50LatencyMs ?? Number.POSITIVE_INFINITY) ||
        b.uptimePercent - a.uptimePercent ||
        a.name.localeCompare(b.name),
    );
}

export interface RoutingDecision {
  primary: string | null;
  fallbacks: string[];
  /** True when the primary changes. */
  changed: boolean;
  reason: string;
}

/**
 * The primary changes only when there is none yet, when the current one is no longer eligible, or
 * when the new best beats it by at least `minMargin` points in this run.
 */
export function decideRouting(
  currentPrimary: string | null,
  ranked: readonly RoutingCandidate[],
  minMargin: number,
): RoutingDecision {
  const best = ranked[0];
  if (!best) {
    return {
      primary: currentPrimary,
      fallbacks: [],
      changed: false,
      reason: 'No eligible model (all down or below the minimum uptime): routing left as it was',
    };
  }
  const order = (primary: string) => ranked.map((c) => c.name).filter((name) => name !== primary);
  if (currentPrimary === null) {
    return {
      primary: best.name,
      fallbacks: order(best.name),
      changed: true,
      reason: `No primary yet: ${best.name} ranks first (${best.score})`,
    };
  }
  const current = ranked.find((c) => c.name === currentPrimary);
  if (!current) {
    return {
      primary: best.name,
      fallbacks: order(best.name),
      changed: true,
      reason: `${currentPrimary} is no longer eligible (down, below the minimum uptime or not evaluated): ${best.name} ranks first`,
    };
  }
  if (best.name !== current.name && best.score - current.score >= minMargin - 1e-9) {
    return {
      primary: best.name,
      fallbacks: order(best.name),
      changed: true,
      reason: `${best.name} (${best.score}) beats ${current.name} (${current.score}) by at least ${minMargin}`,
    };
  }
  const reason =
    best.name === current.name
      ? `${current.name} still ranks first (${current.score})`
      : `${best.name} (${best.score}) does not beat ${current.name} (${current.score}) by ${minMargin}: primary kept`;
  return { primary: current.name, fallbacks: order(current.name), changed: false, reason };
}
