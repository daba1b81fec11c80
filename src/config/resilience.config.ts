// How the service rides out a database outage and how long it may take to stop: RESULT_BUFFER_MAX,
// DATABASE_RETRY_MAX_MS and SHUTDOWN_TIMEOUT_MS.
import type { EnvReader } from './env-parsers.js';

export interface ResilienceConfig {
  /** Probe results kept in memory while the database does not answer; beyond it the oldest go. */
  readonly resultBufferMax: number;
  /** The longest wait between two checks whether the database answers again. */
  readonly databaseRetryMaxMs: number;
  /** From SIGTERM (or SIGINT) to exit at the latest; past it the process exits anyway. */
  readonly shutdownTimeoutMs: number;
}

export function readResilienceConfig(read: EnvReader): ResilienceConfig {
  return {
    resultBufferMax: read.int('RESULT_BUFFER_MAX', 10_000, 1, 1_000_000),
    databaseRetryMaxMs: read.int('DATABASE_RETRY_MAX_MS', 2_000, 100, 60_000),
    shutdownTimeoutMs: read.int('SHUTDOWN_TIMEOUT_MS', 10_000, 1_000, 600_000),
  };
}

/**
 * How long work under way (a probe round, kept results, a DCRS or cartridge run winding down) may take
 * at shutdown before it is cut short: a quarter of SHUTDOWN_TIMEOUT_MS, so that the steps taken one
 * after the other, and closing the server and the database, fit within it.
 */
export function shutdownGraceMs(config: ResilienceConfig): number {
  return Math.floor(config.shutdownTimeoutMs / 4);
}
