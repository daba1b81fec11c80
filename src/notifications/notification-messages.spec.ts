import { createHmac } from 'node:crypto';
import type { AlertEvent } from '../events/domain-events.js';
import {
  discordPayload,
  escapeSlack,
  headline,
  renderBody,
  signBody,
  slackPayload,
  webhookPayload,
  type OutgoingNotification,
} from './notification-messages.js';

const ALERT: AlertEvent = {
  id: 7,
  type: 'model_down',
  severity: 'critical',
  subject: 'Gemini',
  message: 'Gemini is down: its probes keep failing (last error: timeout)',
  createdAt: new Date('2026-02-01T08:00:00.000Z'),
  resolvedAt: null,
  acknowledgedAt: null,
};
const SENT = '2026-02-01T08:00:01.000Z';
const note = (overrides: Partial<OutgoingNotification> = {}): OutgoingNotification => ({
  event: 'opened',
  alert: ALERT,
  channelName: 'ops',
  sentAt: SENT,
  ...overrides,
});

describe('headline', () => {
  it('says what happened for each event', () => {
    expect(headline(note())).toBe('🔴 Alert opened: model_down (critical): Gemini');
    expect(headline(note({ event: 'resolved' }))).toBe('✅ Alert resolved: model_down (critical): Gemini');
    expect(headline(note({ event: 'reminder' }))).toBe(
      '⏰ Still open since 2026-02-01T08:00:00.000Z: model_down (critical): Gemini',
    );
    expect(headline(note({ event: 'test', alert: null }))).toBe('Test notification from SHawn-Brain for channel "ops"');
    const notice = {
      ...ALERT,
      type: 'model_recovered' as const,
      severity: 'info' as const,
      resolvedAt: ALERT.createdAt,
    };
    expect(headline(note({ alert: notice }))).toBe('🔵 model_recovered (info): Gemini');
  });
});

describe('payloads', () => {
  it('the generic webhook carries the alert as the API shows it, fields in the API order', () => {
    const payload = webhookPayload(note());
    expect(payload).toEqual({
      event: 'opened',
      alert: expect.any(Object),
      text: expect.stringContaining(ALERT.message),
      sent_at: SENT,
    });
    expect(JSON.stringify(payload.alert)).toBe(
      '{"id":7,"type":"model_down","severity":"critical","subject":"Gemini",' +
        '"message":"Gemini is down: its probes keep failing (last error: timeout)",' +
        '"created_at":"2026-02-01T08:00:00.000Z","resolved_at":null,"acknowledged_at":null}',
    );
  });

  it('Slack gets text and blocks, with <, > and & escaped so a name cannot mention @channel', () => {
    const payload = slackPayload(note({ alert: { ...ALERT, subject: '<!channel> & co' } }));
    expect(payload.text).toContain('&lt;!channel&gt; &amp; co');
    expect(payload.text).not.toContain('<!channel>');
    expect(payload.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: expect.stringMatching(/^\*🔴 Alert opened/) },
    });
    expect(escapeSlack('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
  });

  it('Discord gets content and one embed, and never pings anyone', () => {
    const payload = discordPayload(note({ alert: { ...ALERT, subject: '@everyone *bold*' } }));
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(payload.content).toContain('@everyone \\*bold\\*');
    expect(payload.embeds[0]).toMatchObject({
      title: 'model_down: @everyone *bold*',
      color: 0xd92d20,
      timestamp: SENT,
    });
    const resolved = discordPayload(note({ event: 'resolved' }));
    expect(resolved.embeds[0]).toMatchObject({ color: 0x12b76a });
  });

  it('renderBody picks the format of the channel kind', () => {
    expect(JSON.parse(renderBody('webhook', note()))).toHaveProperty('alert.id', 7);
    expect(JSON.parse(renderBody('slack', note()))).toHaveProperty('blocks');
    expect(JSON.parse(renderBody('discord', note()))).toHaveProperty('embeds');
  });

  it('text that looks like a template stays text', () => {
    const body = renderBody(
      'webhook',
      note({ alert: { ...ALERT, subject: '{{constructor.constructor("x")()}} ${process.env}' } }),
    );
    expect(JSON.parse(body).alert.subject).toBe('{{constructor.constructor("x")()}} ${process.env}');
  });
});

describe('signBody', () => {
  it('is sha256= and the hex HMAC-SHA256 of the exact bytes', () => {
    const body = renderBody('webhook', note());
    const expected = createHmac('sha256', 'a-secret-of-16-chars').update(Buffer.from(body, 'utf8')).digest('hex');
    expect(signBody(body, 'a-secret-of-16-chars')).toBe(`sha256=${expected}`);
    expect(signBody(`${body} `, 'a-secret-of-16-chars')).not.toBe(`sha256=${expected}`);
  });
});
