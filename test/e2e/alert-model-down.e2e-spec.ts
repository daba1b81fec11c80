// The "done when": a model going down opens one model_down alert, delivers one signed
// webhook, and resolves when the model recovers. Driven by real probes against the fake provider.
import { EventEmitter2 } from '@nestjs/event-emitter';
import request from 'supertest';
import type { AlertEvent } from '../../src/events/domain-events.js';
import { startFakeProvider, type FakeBehaviour, type FakeProvider } from '../fake-provider/fake-provider.server.js';
import { newAdminKey, newSecret, uniqueName } from '../factories/keys.js';
import { fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';
import {
  deliveriesOf,
  hasValidSignature,
  listAlerts,
  settle,
  startReceiver,
  type Receiver,
} from './notification.helpers.js';

const ADMIN = newAdminKey();
const SECRET = newSecret();
const FAIL: FakeBehaviour = { kind: 'server_error' };
// A steady 100 ms, so that jitter cannot make the model degraded.
const OK: FakeBehaviour = { kind: 'answer', text: 'pong', delayMs: 100 };

let fake: FakeProvider;
let receiver: Receiver;
let t: TestApp;
const published: { name: string; alert: AlertEvent }[] = [];

beforeAll(async () => {
  fake = await startFakeProvider({ defaultText: 'pong' });
  receiver = await startReceiver();
  t = await startTestApp({
    clock: fixedClock(),
    env: {
      ...fake.envFor(['openai']),
      SIMULATE_PROVIDERS: 'false',
      ADMIN_API_KEY: ADMIN,
      FAILURE_THRESHOLD: '3',
      SUCCESS_THRESHOLD: '2',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      NOTIFY_WEBHOOK_URL: `${receiver.url}/hook`,
      NOTIFY_WEBHOOK_SECRET: SECRET,
      NOTIFY_ALERT_TYPES: 'model_down',
      NOTIFY_BACKOFF_MS: '10',
    },
  });
  const emitter = t.app.get(EventEmitter2);
  emitter.on('alert.opened', (alert: AlertEvent) => published.push({ name: 'alert.opened', alert }));
  emitter.on('alert.resolved', (alert: AlertEvent) => published.push({ name: 'alert.resolved', alert }));
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
  await fake?.close();
});

async function probe(id: number): Promise<string> {
  const res = await request(t.server).post(`/api/models/${id}/probe`).set('X-API-Key', ADMIN).expect(200);
  await settle(t);
  return res.body.status as string;
}

it('a model going down opens one model_down alert, delivers one signed webhook, and resolves when the model recovers', async () => {
  const providerModel = uniqueName('down');
  fake.script(providerModel, [OK, FAIL, FAIL, FAIL, FAIL, OK, OK]);
  const created = await request(t.server)
    .post('/api/models')
    .set('X-API-Key', ADMIN)
    .send({ name: 'Flaky-GPT', api_type: 'openai', provider_model: providerModel })
    .expect(201);
  const id = created.body.id as number;

  expect(await probe(id)).toBe('healthy');
  expect([await probe(id), await probe(id)]).toEqual(['healthy', 'healthy']);
  expect(await listAlerts(t, { type: 'model_down' })).toEqual([]);
  expect(receiver.requests).toHaveLength(0);

  // The third failure in a row: down. A fourth failure changes nothing.
  expect(await probe(id)).toBe('down');
  expect(await probe(id)).toBe('down');
  const open = await listAlerts(t, { active: 'true', type: 'model_down' });
  expect(open).toEqual([
    {
      id: expect.any(Number),
      type: 'model_down',
      severity: 'critical',
      subject: 'Flaky-GPT',
      message: 'Flaky-GPT is down: its probes keep failing (last error: server_error)',
      created_at: expect.any(String),
      resolved_at: null,
      acknowledged_at: null,
    },
  ]);
  expect(receiver.requests).toHaveLength(1);
  const [opened] = receiver.requests;
  expect(opened.method).toBe('POST');
  expect(opened.path).toBe('/hook');
  expect(opened.headers['content-type']).toBe('application/json');
  expect(hasValidSignature(opened, SECRET)).toBe(true);
  expect(hasValidSignature(opened, `${SECRET}x`)).toBe(false);
  expect(opened.json).toEqual({
    event: 'opened',
    alert: open[0],
    text: expect.stringContaining('Flaky-GPT is down'),
    sent_at: expect.any(String),
  });

  // One success is not enough to be back (SUCCESS_THRESHOLD=2); the second is.
  expect(await probe(id)).toBe('down');
  expect(receiver.requests).toHaveLength(1);
  expect(await probe(id)).toBe('healthy');

  const all = await listAlerts(t, { type: 'model_down' });
  expect(all).toHaveLength(1);
  expect(all[0]).toMatchObject({ id: open[0].id, resolved_at: expect.any(String) });
  expect(await listAlerts(t, { active: 'true' })).toEqual([]);
  const recovered = await listAlerts(t, { type: 'model_recovered' });
  expect(recovered).toEqual([
    expect.objectContaining({ subject: 'Flaky-GPT', severity: 'info', resolved_at: recovered[0].created_at }),
  ]);

  // The channel wants model_down only: the resolution, signed, and nothing about the recovery notice.
  expect(receiver.requests).toHaveLength(2);
  const resolved = receiver.requests[1];
  expect(hasValidSignature(resolved, SECRET)).toBe(true);
  expect(resolved.json).toMatchObject({
    event: 'resolved',
    alert: { id: open[0].id, type: 'model_down', resolved_at: all[0].resolved_at },
  });

  const modelDown = published.filter((p) => p.alert.type === 'model_down').map((p) => p.name);
  expect(modelDown).toEqual(['alert.opened', 'alert.resolved']);

  const channels = await request(t.server).get('/api/notification-channels').set('X-API-Key', ADMIN).expect(200);
  const channel = channels.body.channels.find((c: { name: string }) => c.name === 'env:webhook');
  expect(channel).toMatchObject({ origin: 'env', kind: 'webhook', has_secret: true, alert_types: ['model_down'] });
  const log = await deliveriesOf(t, ADMIN, channel.id);
  expect(log.map((d) => [d.event, d.status, d.attempts, d.response_status, d.alert_id])).toEqual([
    ['resolved', 'delivered', 1, 200, open[0].id],
    ['opened', 'delivered', 1, 200, open[0].id],
  ]);
});
