// Regressions between runs, SLO burn alerts: the settings of the insight features.
import type { EnvReader } from './env-parsers.js';

export interface InsightConfig {
  /** Cases of one model that must flip pass→fail between two runs of one suite to raise quality_regression. */
  readonly qualityRegressionMinFlips: number;
  /** Whether a changed provider fingerprint alone raises quality_regression. */
  readonly qualityRegressionOnFingerprint: boolean;
  /** How often the SLO burn rates are checked, ms; 0: never (GET /api/slo still computes them). */
  readonly sloCheckIntervalMs: number;
  /** Burn rate that both the 1 h and the 5 min window must exceed for a fast burn (SRE workbook: 14.4). */
  readonly sloFastBurnRate: number;
  /** Burn rate that both the 6 h and the 30 min window must exceed for a slower burn (SRE workbook: 6). */
  readonly sloSlowBurnRate: number;
}

export function readInsightConfig(read: EnvReader): InsightConfig {
  const sloCheckIntervalMs = read.int('SLO_CHECK_INTERVAL_MS', 60_000, 0, 86_400_000);
  if (sloCheckIntervalMs > 0 && sloCheckIntervalMs < 100) {
    read.problems.push(`SLO_CHECK_INTERVAL_MS must be 0 (off) or at least 100 (got "${sloCheckIntervalMs}")`);
  }
  return {
    qualityRegressionMinFlips: read.int('QUALITY_REGRESSION_MIN_FLIPS', 1, 1, 10_000),
    qualityRegressionOnFingerprint: read.bool('QUALITY_REGRESSION_ON_FINGERPRINT', true),
    sloCheckIntervalMs,
    sloFastBurnRate: read.number('SLO_FAST_BURN_RATE', 14.4, 1, 1000),
    sloSlowBurnRate: read.number('SLO_SLOW_BURN_RATE', 6, 1, 1000),
  };
}
