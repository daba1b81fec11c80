// Which channel wants which alert, and how tries are spaced. Pure.
import type { AlertSeverity } from '../common/alert-kinds.js';

/** Tries per delivery (a test message gets one). */
export const MAX_ATTEMPTS = 3;

const SEVERITY_RANK: Record<AlertSeverity, number> = { info: 0, warning: 1, critical: 2 };

export interface ChannelPreferences {
  enabled: boolean;
  /** null: every type. */
  alertTypes: readonly string[] | null;
  minSeverity: AlertSeverity;
}

export function channelWants(channel: ChannelPreferences, alert: { type: string; severity: AlertSeverity }): boolean {
  return (
    channel.enabled &&
    (channel.alertTypes === null || channel.alertTypes.includes(alert.type)) &&
    SEVERITY_RANK[alert.severity] >= SEVERITY_RANK[channel.minSeverity]
  );
}

/** The wait after failed try number `attempt` (1-based): base, then twice base, and so on. */
export function backoffDelayMs(attempt: number, baseMs: number): number {
  return baseMs * 2 ** (attempt - 1);
}

/** Answers worth another try: the receiver was overloaded or broken for a moment. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
