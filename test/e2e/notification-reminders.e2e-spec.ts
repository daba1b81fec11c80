// Reminders: an open, unacknowledged critical alert is sent again at most every ALERT_REMIND_MINUTES,
// until it is acknowledged or resolved. Time comes from a fixed clock the test moves.
import request from 'supertest';
import { DomainEventBus, type ModelStateChangedEvent } from '../../src/events/domain-events.js';
import { AlertRemindersService } from '../../src/notifications/alert-reminders.service.js';
import { newAdminKey } from '../factories/keys.js';
import { fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';
import {
  createChannel,
  deliveriesOf,
  listAlerts,
  settle,
  startReceiver,
  type Receiver,
} from './notification.helpers.js';

const ADMIN = newAdminKey();
const MINUTE = 60_000;
const clock = fixedClock();
let receiver: Receiver;
let t: TestApp;

beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestApp({
    clock,
    env: {
      ADMIN_API_KEY: ADMIN,
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      ALERT_REMIND_MINUTES: '30',
      ALERT_CHECK_INTERVAL_MS: '0',
    },
  });
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
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

it('reminds of open critical alerts every ALERT_REMIND_MINUTES until acknowledged; never of warnings', async () => {
  const reminders = t.app.get(AlertRemindersService);
  const bus = t.app.get(DomainEventBus);
  const channel = await createChannel(t, ADMIN, { name: 'pager', kind: 'webhook', url: `${receiver.url}/pager` });
  const remind = async (): Promise<number> => {
    const count = await reminders.remindDue();
    await settle(t);
    return count;
  };

  bus.publish('model.state_changed', modelState('Remind-Me', 'down'));
  bus.publish('dcrs.progress', {
    runId: 1,
    date: '2026-02-01',
    phase: 'failed',
    completedTests: 0,
    totalTests: 0,
    currentModel: null,
    bestSoFar: null,
  });
  await settle(t);
  const [alert] = await listAlerts(t, { type: 'model_down' });
  expect(await remind()).toBe(0);
  clock.advance(29 * MINUTE);
  expect(await remind()).toBe(0);
  clock.advance(MINUTE);
  expect(await remind()).toBe(1);
  expect(await remind()).toBe(0);
  clock.advance(30 * MINUTE);
  expect(await remind()).toBe(1);

  const events = (await deliveriesOf(t, ADMIN, channel.id)).filter((d) => d.alert_id === alert.id).map((d) => d.event);
  expect(events).toEqual(['reminder', 'reminder', 'opened']);
  const reminder = receiver.at('/pager').find((r) => (r.json as { event: string }).event === 'reminder');
  expect(reminder!.json).toMatchObject({
    alert: { id: alert.id, type: 'model_down' },
    text: expect.stringContaining('Still open since'),
  });

  await request(t.server).post(`/api/alerts/${alert.id}/ack`).set('X-API-Key', ADMIN).expect(200);
  clock.advance(60 * MINUTE);
  expect(await remind()).toBe(0);
});

it('stops reminding once the alert resolves', async () => {
  const bus = t.app.get(DomainEventBus);
  bus.publish('model.state_changed', modelState('Resolve-Me', 'down'));
  await settle(t);
  clock.advance(31 * MINUTE);
  bus.publish('model.state_changed', modelState('Resolve-Me', 'healthy'));
  await settle(t);
  expect(await t.app.get(AlertRemindersService).remindDue()).toBe(0);
});
