import type { NotificationChannelEntity } from '../notification-channel.entity.js';
import type { NotificationDeliveryEntity } from '../notification-delivery.entity.js';
import type { ChannelResponse, DeliveryResponse } from './channel.response.js';

/**
 * Slack and Discord webhook URLs carry their secret in the path: only scheme and host are shown.
 * A generic webhook shows its path (to tell endpoints apart) but never its query.
 */
export function maskChannelUrl(kind: NotificationChannelEntity['kind'], raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '***';
  }
  const origin = `${url.protocol}//${url.host}`;
  if (kind !== 'webhook') return `${origin}/***`;
  return `${origin}${url.pathname}${url.search === '' ? '' : '?***'}`;
}

export function toChannelResponse(channel: NotificationChannelEntity): ChannelResponse {
  return {
    id: channel.id,
    name: channel.name,
    kind: channel.kind,
    url: maskChannelUrl(channel.kind, channel.url),
    has_secret: channel.secret !== null && channel.secret !== '',
    alert_types: channel.alertTypes,
    min_severity: channel.minSeverity,
    enabled: channel.enabled,
    origin: channel.origin,
    created_at: channel.createdAt.toISOString(),
    updated_at: channel.updatedAt.toISOString(),
  };
}

export function toDeliveryResponse(delivery: NotificationDeliveryEntity): DeliveryResponse {
  return {
    id: delivery.id,
    channel_id: delivery.channelId,
    alert_id: delivery.alertId,
    event: delivery.event,
    status: delivery.status,
    attempts: delivery.attempts,
    response_status: delivery.responseStatus,
    error: delivery.error,
    created_at: delivery.createdAt.toISOString(),
    finished_at: delivery.finishedAt?.toISOString() ?? null,
  };
}
