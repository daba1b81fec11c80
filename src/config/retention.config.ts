// How long measurements are kept: raw daily_metrics rows for METRICS_RAW_RETENTION_DAYS (deleted only
// once rolled up, in small batches on the leader), hourly and daily rollups for ROLLUP_RETENTION_DAYS.
import type { EnvReader } from './env-parsers.js';

export interface RetentionConfig {
  /** Raw rows older than this many days are deleted (after they are rolled up); 0 keeps them forever. */
  readonly rawDays: number;
  /** Rollups older than this many days are deleted; 0 keeps them forever. */
  readonly rollupDays: number;
  /** How often the leader runs the backfill and the retention; 0: never. */
  readonly intervalMs: number;
  /** Rows deleted (or rolled up by the backfill) per statement. */
  readonly batchSize: number;
  /** Pause between two batches, so that the service never waits long behind retention. */
  readonly batchPauseMs: number;
}

export function readRetentionConfig(read: EnvReader): RetentionConfig {
  const config = {
    rawDays: read.int('METRICS_RAW_RETENTION_DAYS', 30, 0, 36_500),
    rollupDays: read.int('ROLLUP_RETENTION_DAYS', 400, 0, 36_500),
    intervalMs: read.int('RETENTION_INTERVAL_MS', 3_600_000, 0, 86_400_000),
    batchSize: read.int('RETENTION_BATCH_SIZE', 5_000, 1, 100_000),
    batchPauseMs: read.int('RETENTION_BATCH_PAUSE_MS', 50, 0, 60_000),
  };
  if (config.rawDays > 0 && config.rollupDays > 0 && config.rollupDays < config.rawDays) {
    read.problems.push(
      `ROLLUP_RETENTION_DAYS (${config.rollupDays}) must be at least METRICS_RAW_RETENTION_DAYS (${config.rawDays}), or 0`,
    );
  }
  return config;
}
