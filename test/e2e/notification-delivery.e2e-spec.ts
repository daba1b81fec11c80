// Delivery to a receiving HTTP server: signatures, filters, retries with backoff, timeouts, the
// Slack and Discord formats, refused addresses at send time, redirects not followed, test messages,
// and deliveries that never hold up the code that raised the alert.
import request from 'supertest';
import { AlertsService } from '../../src/alerts/alerts.service.js';
import {
  DomainEventBus,
  type CartridgeResultEvent,
  type ModelStateChangedEvent,
} from '../../src/events/domain-events.js';
import { NotificationDispatcher } from '../../src/notifications/notification-dispatcher.service.js';
import { newAdminKey, newSecret, unique } from '../factories/keys.js';
import { fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';
import {
  createChannel,
  deliveriesOf,
  hasValidSignature,
  settle,
  startReceiver,
  type Receiver,
} from './notification.helpers.js';

const ADMIN = newAdminKey();
const clock = fixedClock();
let receiver: Receiver;
let t: TestApp;
let bus: DomainEventBus;

beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestApp({
    clock,
    env: {
      ADMIN_API_KEY: ADMIN,
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      NOTIFY_BACKOFF_MS: '10',
      NOTIFY_TIMEOUT_MS: '600',
      ALERT_CHECK_INTERVAL_MS: '0',
    },
  });
  bus = t.app.get(DomainEventBus);
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});
afterEach(async () => {
  // Each test's channels go away, so that the next test's alerts reach only its own.
  const res = await request(t.server).get('/api/notification-channels').set('X-API-Key', ADMIN).expect(200);
  for (const channel of res.body.channels as { id: number }[]) {
    await request(t.server).delete(`/api/notification-channels/${channel.id}`).set('X-API-Key', ADMIN).expect(204);
  }
  receiver.reset();
});

const cartridge = (name: string, status: 'failure' | 'success'): CartridgeResultEvent => ({
  cartridge: name,
  execution: {
    id: 1,
    status,
    startedAt: clock.now(),
    finishedAt: null,
    durationMs: null,
    summary: null,
  },
  successRate: null,
});

const modelState = (name: string, status: 'down' | 'healthy'): ModelStateChangedEvent => ({
  modelId: 1,
  name,
  apiType: 'openai',
  previousStatus: status === 'down' ? 'healthy' : 'down',
  status,
  lastScore: 9,
  previousScore: 9,
  responseTime: 100,
  uptimePercent: 90,
  errorKind: status === 'down' ? 'timeout' : null,
  at: clock.now(),
});

/** A webhook channel on the receiver at `path` that wants every alert. */
const webhook = (path: string, extra: Record<string, unknown> = {}) =>
  createChannel(t, ADMIN, { name: unique('hook'), kind: 'webhook', url: `${receiver.url}${path}`, ...extra });

describe('webhook deliveries', () => {
  it('each opened and resolved alert the channel wants arrives signed; the log matches the headers', async () => {
    const secret = newSecret();
    const channel = await webhook('/signed', { secret, min_severity: 'warning' });
    bus.publish('cartridge.result', cartridge('Sig-Cart', 'failure'));
    await settle(t);
    bus.publish('cartridge.result', cartridge('Sig-Cart', 'success'));
    await settle(t);

    const received = receiver.at('/signed');
    expect(
      received.map(
        (r) =>
          (r.json as { event: string; alert: { type: string } }).event +
          ' ' +
          (r.json as { alert: { type: string } }).alert.type,
      ),
    ).toEqual(['opened cartridge_failed', 'resolved cartridge_failed']);
    for (const r of received) {
      expect(hasValidSignature(r, secret)).toBe(true);
      expect(r.headers['user-agent']).toBe('SHawn-Brain-Notifier/1.0');
    }
    const log = await deliveriesOf(t, ADMIN, channel.id);
    expect(log.map((d) => [d.event, d.status, d.attempts, d.response_status, d.error])).toEqual([
      ['resolved', 'delivered', 1, 200, null],
      ['opened', 'delivered', 1, 200, null],
    ]);
    expect(received.map((r) => [r.headers['x-shawn-event'], Number(r.headers['x-shawn-delivery'])])).toEqual([
      ['opened', log[1].id],
      ['resolved', log[0].id],
    ]);
    const [alert] = (await request(t.server).get('/api/alerts?type=cartridge_failed').expect(200)).body.alerts;
    expect((received[1].json as { alert: unknown }).alert).toEqual(alert);
  });

  it('a channel without a secret sends no signature', async () => {
    await webhook('/unsigned');
    bus.publish('cartridge.result', cartridge('Unsigned-Cart', 'failure'));
    await settle(t);
    expect(receiver.at('/unsigned')).toHaveLength(1);
    expect(receiver.at('/unsigned')[0].headers['x-signature']).toBeUndefined();
  });

  it('channels get only the types and severities they want; disabled channels get nothing', async () => {
    await webhook('/dcrs-only', { alert_types: ['dcrs_failed'] });
    await webhook('/critical-only', { min_severity: 'critical' });
    await webhook('/disabled', { enabled: false });
    bus.publish('dcrs.progress', {
      runId: 5,
      date: '2026-02-01',
      phase: 'failed',
      completedTests: 0,
      totalTests: 0,
      currentModel: null,
      bestSoFar: null,
    });
    bus.publish('model.state_changed', modelState('Filter-Model', 'down'));
    await settle(t);
    const types = (path: string) => receiver.at(path).map((r) => (r.json as { alert: { type: string } }).alert.type);
    expect(types('/dcrs-only')).toEqual(['dcrs_failed']);
    expect(types('/critical-only')).toEqual(['model_down']);
    expect(receiver.at('/disabled')).toEqual([]);
  });
});

describe('retries', () => {
  it('a 500 is tried three times with the same signed body, then the log says failed', async () => {
    const secret = newSecret();
    const channel = await webhook('/flaky', { secret });
    receiver.script('/flaky', [{ status: 500 }, { status: 502 }, { status: 500 }]);
    bus.publish('cartridge.result', cartridge('Retry-Cart', 'failure'));
    await settle(t);
    const tries = receiver.at('/flaky');
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((r) => r.raw)).size).toBe(1);
    expect(tries.every((r) => hasValidSignature(r, secret))).toBe(true);
    const [delivery] = await deliveriesOf(t, ADMIN, channel.id);
    expect(delivery).toMatchObject({
      event: 'opened',
      status: 'failed',
      attempts: 3,
      response_status: 500,
      error: 'HTTP 500',
    });
  });

  it('a 503 then a 200 is delivered at the second try', async () => {
    const channel = await webhook('/recovering');
    receiver.script('/recovering', [{ status: 503 }]);
    bus.publish('cartridge.result', cartridge('Second-Try-Cart', 'failure'));
    await settle(t);
    expect(receiver.at('/recovering')).toHaveLength(2);
    expect((await deliveriesOf(t, ADMIN, channel.id))[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      response_status: 200,
      error: null,
    });
  });

  it('a 404 is not tried again', async () => {
    const channel = await webhook('/gone');
    receiver.script('/gone', [{ status: 404 }]);
    bus.publish('cartridge.result', cartridge('Gone-Cart', 'failure'));
    await settle(t);
    expect(receiver.at('/gone')).toHaveLength(1);
    expect((await deliveriesOf(t, ADMIN, channel.id))[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      response_status: 404,
      error: 'HTTP 404',
    });
  });

  it('a receiver that never answers times out (NOTIFY_TIMEOUT_MS) and is tried three times', async () => {
    const channel = await webhook('/hang');
    receiver.script('/hang', [{ hang: true }, { hang: true }, { hang: true }]);
    bus.publish('cartridge.result', cartridge('Hang-Cart', 'failure'));
    await settle(t);
    expect(receiver.at('/hang')).toHaveLength(3);
    expect((await deliveriesOf(t, ADMIN, channel.id))[0]).toMatchObject({
      status: 'failed',
      attempts: 3,
      response_status: null,
      error: 'timeout after 600 ms',
    });
  });

  it('never holds up the code that raised the alert: the rules finish while the delivery is still going', async () => {
    const channel = await webhook('/slow');
    receiver.script('/slow', [{ status: 200, delayMs: 400 }]);
    bus.publish('cartridge.result', cartridge('Slow-Cart', 'failure'));
    await t.app.get(AlertsService).idle();
    expect(await request(t.server).get('/api/alerts?type=cartridge_failed&active=true').expect(200)).toHaveProperty(
      'body.alerts.0.subject',
      'Slow-Cart',
    );
    expect((await deliveriesOf(t, ADMIN, channel.id))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    await t.app.get(NotificationDispatcher).idle();
    expect((await deliveriesOf(t, ADMIN, channel.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });
});

describe('Slack and Discord', () => {
  it('Slack receives {text, blocks} and Discord {content, embeds}, unsigned', async () => {
    await createChannel(t, ADMIN, { name: 'slack', kind: 'slack', url: `${receiver.url}/services/T/B/token` });
    await createChannel(t, ADMIN, { name: 'discord', kind: 'discord', url: `${receiver.url}/api/webhooks/1/token` });
    bus.publish('model.state_changed', modelState('<Chat> & Co', 'down'));
    await settle(t);
    const [slack] = receiver.at('/services/T/B/token');
    expect(slack.json).toEqual({
      text: '🔴 Alert opened: model_down (critical): &lt;Chat&gt; &amp; Co\n&lt;Chat&gt; &amp; Co is down: its probes keep failing (last error: timeout)',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: expect.stringMatching(/^\*🔴 Alert opened: model_down \(critical\): &lt;Chat&gt; &amp; Co\*\n/),
          },
        },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: expect.stringMatching(/^SHawn-Brain · alert #\d+ · opened /) }],
        },
      ],
    });
    const [discord] = receiver.at('/api/webhooks/1/token');
    expect(discord.json).toEqual({
      // Markdown is escaped (model\_down renders as model_down); mentions are never parsed.
      content: '🔴 Alert opened: model\\_down (critical): <Chat> & Co',
      embeds: [
        {
          title: 'model_down: <Chat> & Co',
          description: '<Chat> & Co is down: its probes keep failing (last error: timeout)',
          color: 0xd92d20,
          timestamp: clock.now().toISOString(),
          fields: [
            { name: 'Severity', value: 'critical', inline: true },
            { name: 'Event', value: 'opened', inline: true },
            { name: 'Alert', value: expect.stringMatching(/^#\d+$/), inline: true },
          ],
          footer: { text: 'SHawn-Brain' },
        },
      ],
      allowed_mentions: { parse: [] },
    });
    expect(slack.headers['x-signature']).toBeUndefined();
    expect(discord.headers['x-signature']).toBeUndefined();
  });
});

describe('addresses and redirects at send time', () => {
  it('a host that resolves to a refused address (localhost) saves, but nothing is sent to it', async () => {
    const channel = await createChannel(t, ADMIN, {
      name: 'sneaky',
      kind: 'webhook',
      url: `http://localhost:${receiver.port}/sneaky`,
    });
    const test = await request(t.server)
      .post(`/api/notification-channels/${channel.id}/test`)
      .set('X-API-Key', ADMIN)
      .expect(200);
    expect(test.body).toMatchObject({ status: 'failed', attempts: 1, response_status: null });
    expect(test.body.error).toMatch(/^refused: localhost resolves to a loopback address \((127\.0\.0\.1|::1)\)$/);
    bus.publish('cartridge.result', cartridge('Sneaky-Cart', 'failure'));
    await settle(t);
    expect((await deliveriesOf(t, ADMIN, channel.id))[0]).toMatchObject({
      event: 'opened',
      status: 'failed',
      attempts: 1,
    });
    expect(receiver.at('/sneaky')).toEqual([]);
  });

  it('a redirect is not followed and not tried again', async () => {
    const channel = await webhook('/moved');
    receiver.script('/moved', [{ status: 302, headers: { location: `${receiver.url}/elsewhere` } }]);
    const test = await request(t.server)
      .post(`/api/notification-channels/${channel.id}/test`)
      .set('X-API-Key', ADMIN)
      .expect(200);
    expect(test.body).toMatchObject({
      status: 'failed',
      attempts: 1,
      response_status: 302,
      error: 'redirect not followed (HTTP 302)',
    });
    expect(receiver.at('/moved')).toHaveLength(1);
    expect(receiver.at('/elsewhere')).toEqual([]);
  });
});

describe('test messages', () => {
  it('POST /:id/test sends one signed test message, whatever the filters, and answers its log entry', async () => {
    const secret = newSecret();
    const channel = await webhook('/test', {
      secret,
      alert_types: ['model_down'],
      min_severity: 'critical',
      enabled: false,
    });
    const res = await request(t.server)
      .post(`/api/notification-channels/${channel.id}/test`)
      .set('X-API-Key', ADMIN)
      .expect(200);
    expect(res.body).toEqual({
      id: expect.any(Number),
      channel_id: channel.id,
      alert_id: null,
      event: 'test',
      status: 'delivered',
      attempts: 1,
      response_status: 200,
      error: null,
      created_at: clock.now().toISOString(),
      finished_at: clock.now().toISOString(),
    });
    const [received] = receiver.at('/test');
    expect(hasValidSignature(received, secret)).toBe(true);
    expect(received.json).toMatchObject({
      event: 'test',
      alert: null,
      text: expect.stringContaining(channel.name as string),
    });
    expect((await deliveriesOf(t, ADMIN, channel.id))[0]).toEqual(res.body);
  });

  it('a failing test message is tried once', async () => {
    const channel = await webhook('/test-fails');
    receiver.script('/test-fails', [{ status: 500 }]);
    const res = await request(t.server)
      .post(`/api/notification-channels/${channel.id}/test`)
      .set('X-API-Key', ADMIN)
      .expect(200);
    expect(res.body).toMatchObject({ status: 'failed', attempts: 1, response_status: 500, error: 'HTTP 500' });
  });
});
