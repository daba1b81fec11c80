// Settings of the operational endpoints: who may scrape /metrics.
import type { EnvReader } from './env-parsers.js';

export interface TelemetryConfig {
  /** Bearer token that /metrics requires; unset: /metrics is open (keep it on a private network). */
  readonly metricsToken?: string;
}

export const METRICS_TOKEN_MIN_LENGTH = 16;

export function readTelemetryConfig(read: EnvReader): TelemetryConfig {
  const metricsToken = read.optionalString('METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < METRICS_TOKEN_MIN_LENGTH) {
    // Never echo the value: it is a secret, even when it is a bad one.
    read.problems.push(`METRICS_TOKEN must be at least ${METRICS_TOKEN_MIN_LENGTH} characters long`);
  }
  if (metricsToken !== undefined && !/^[\x21-\x7e]+$/.test(metricsToken)) {
    read.problems.push('METRICS_TOKEN must be printable ASCII without spaces (it travels in an HTTP header)');
  }
  return { metricsToken };
}
