import type { AlertEvent } from '../../events/domain-events.js';
import type { AlertEntity } from '../alert.entity.js';
import type { AlertResponse } from './alert.response.js';

/** The alert as the API, the webhooks and the realtime clients show it (an entity is a fact too). */
export function toAlertResponse(alert: AlertEvent): AlertResponse {
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

/** The alert.opened / alert.resolved fact (and what reminders carry): the row without its bookkeeping. */
export function toAlertEvent(alert: AlertEntity): AlertEvent {
  return {
    id: alert.id,
    type: alert.type,
    severity: alert.severity,
    subject: alert.subject,
    message: alert.message,
    createdAt: alert.createdAt,
    resolvedAt: alert.resolvedAt,
    acknowledgedAt: alert.acknowledgedAt,
  };
}
