// What a channel receives, built with plain string functions (no template engine: nothing an admin
// or a model name contains is ever evaluated). Pure.
import { createHmac } from 'node:crypto';
import { toAlertResponse } from '../alerts/dto/alert.mapper.js';
import type { AlertEvent } from '../events/domain-events.js';
import type { ChannelKind } from './notification-channel.entity.js';
import type { DeliveryEvent } from './notification-deliveries.repository.js';

export interface OutgoingNotification {
  event: DeliveryEvent;
  /** null for a test message. */
  alert: AlertEvent | null;
  channelName: string;
  sentAt: string;
}

const SEVERITY_ICON: Record<AlertEvent['severity'], string> = { critical: '🔴', warning: '🟠', info: '🔵' };
const SEVERITY_COLOR: Record<AlertEvent['severity'], number> = {
  critical: 0xd92d20,
  warning: 0xf79009,
  info: 0x2e90fa,
};
const RESOLVED_COLOR = 0x12b76a;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** One line saying what happened. */
export function headline(n: OutgoingNotification): string {
  const alert = n.alert;
  if (alert === null) return `Test notification from SHawn-Brain for channel "${n.channelName}"`;
  const what = `${alert.type} (${alert.severity}): ${alert.subject}`;
  switch (n.event) {
    case 'opened':
      return alert.resolvedAt === null
        ? `${SEVERITY_ICON[alert.severity]} Alert opened: ${what}`
        : `${SEVERITY_ICON[alert.severity]} ${what}`;
    case 'resolved':
      return `✅ Alert resolved: ${what}`;
    case 'reminder':
      return `⏰ Still open since ${alert.createdAt.toISOString()}: ${what}`;
    case 'test':
      return `Test notification: ${what}`;
    default: {
      const unreachable: never = n.event;
      return unreachable;
    }
  }
}

function body(n: OutgoingNotification): string {
  return n.alert?.message ?? 'If you can read this, alerts will reach this channel.';
}

export function plainText(n: OutgoingNotification): string {
  return `${headline(n)}\n${body(n)}`;
}

/** The generic webhook: the alert as the API shows it, plus the event and a readable text. */
export function webhookPayload(n: OutgoingNotification): Record<string, unknown> {
  return { event: n.event, alert: n.alert && toAlertResponse(n.alert), text: plainText(n), sent_at: n.sentAt };
}

/** Slack mrkdwn: only &, < and > are special (they would also let a name mention @channel). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Slack incoming webhook message: `text` (the notification fallback) and `blocks`. */
export function slackPayload(n: OutgoingNotification): { text: string; blocks: unknown[] } {
  const context =
    n.alert === null
      ? `SHawn-Brain · ${n.sentAt}`
      : `SHawn-Brain · alert #${n.alert.id} · opened ${n.alert.createdAt.toISOString()}`;
  return {
    text: escapeSlack(plainText(n)),
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: clip(`*${escapeSlack(headline(n))}*\n${escapeSlack(body(n))}`, 3000) },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(context) }] },
    ],
  };
}

/** Discord markdown, escaped so that names render as written (a quote only starts a line). */
export function escapeDiscord(text: string): string {
  return text.replace(/([\\*_~`|])/g, '\\$1').replace(/^>/gm, '\\>');
}

/** A Discord webhook message: `content` and one embed; mentions are never parsed (no @everyone from a name). */
export function discordPayload(n: OutgoingNotification): {
  content: string;
  embeds: unknown[];
  allowed_mentions: { parse: string[] };
} {
  const alert = n.alert;
  const color =
    alert === null ? SEVERITY_COLOR.info : n.event === 'resolved' ? RESOLVED_COLOR : SEVERITY_COLOR[alert.severity];
  return {
    content: clip(escapeDiscord(headline(n)), 2000),
    embeds: [
      {
        title: clip(alert === null ? 'Test notification' : `${alert.type}: ${alert.subject}`, 256),
        description: clip(escapeDiscord(body(n)), 4096),
        color,
        timestamp: n.sentAt,
        fields:
          alert === null
            ? []
            : [
                { name: 'Severity', value: alert.severity, inline: true },
                { name: 'Event', value: n.event, inline: true },
                { name: 'Alert', value: `#${alert.id}`, inline: true },
              ],
        footer: { text: 'SHawn-Brain' },
      },
    ],
    allowed_mentions: { parse: [] },
  };
}

/** The exact body sent to a channel of this kind. */
export function renderBody(kind: ChannelKind, n: OutgoingNotification): string {
  switch (kind) {
    case 'webhook':
      return JSON.stringify(webhookPayload(n));
    case 'slack':
      return JSON.stringify(slackPayload(n));
    case 'discord':
      return JSON.stringify(discordPayload(n));
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** The X-Signature header's value: HMAC-SHA256 of the exact body bytes with the channel's secret. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
