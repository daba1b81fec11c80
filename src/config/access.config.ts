// Who may read, and how often any client may call: READ_API_KEY and the RATE_LIMIT_* settings.
import type { EnvReader } from './env-parsers.js';

/**
 * The in-memory limiter keeps one timestamp per counted request and scans them on every request, so a
 * limit stays small enough for that scan to be cheap.
 */
export const MAX_RATE_LIMIT = 10_000;

export interface AccessConfig {
  /** Keys that may read (admin keys may too). Empty: reads and the realtime feed are open. */
  readonly readKeys: readonly string[];
  readonly rateLimit: {
    readonly windowMs: number;
    /** GET and HEAD requests per client and window; 0 turns the limit off. */
    readonly reads: number;
    /** Every other method, per client and window; 0 turns the limit off. */
    readonly writes: number;
  };
}

export function readAccessConfig(read: EnvReader): AccessConfig {
  const readKeys = read.list('READ_API_KEY');
  if (readKeys.some((key) => key.length < 16)) {
    read.problems.push('READ_API_KEY entries must be at least 16 characters long');
  }
  return {
    readKeys,
    rateLimit: {
      windowMs: read.int('RATE_LIMIT_WINDOW_MS', 60_000, 1_000, 86_400_000),
      reads: read.int('RATE_LIMIT_READS', 600, 0, MAX_RATE_LIMIT),
      writes: read.int('RATE_LIMIT_WRITES', 60, 0, MAX_RATE_LIMIT),
    },
  };
}
