// The vocabulary of alerts, shared by the alerts feature, its events, notification filters and the
// NOTIFY_* settings, so that none of them has to import the alerts feature for it.

export const ALERT_TYPES = [
  'model_down',
  'model_recovered',
  'model_degraded',
  'score_drop',
  'dcrs_failed',
  'routing_changed',
  'cartridge_failed',
  'cartridge_stale',
  'cartridge_recovered',
  'quality_regression',
  'slo_burn',
  'quota_low',
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
