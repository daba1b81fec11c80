import type { AlertEntity } from '../alert.entity.js';
import type { AlertResponse } from './alert.response.js';

export function toAlertResponse(alert: AlertEntity): AlertResponse {
  return {
    id: alert.id,
    type: alert.type,
    severity: alert.severity,
    subject: alert.subject,
    message: alert.message,
    created_at: alert.createdAt.toISOString(),
    resolved_at: alert.resolvedAt?.toISOString() ?? null,
    acknowledged_at: alert.acknowledgedAt?.toISOString() ?? null,
  };
}
