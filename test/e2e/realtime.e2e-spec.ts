// Socket.io and the scheduled broadcaster, on the real app with short intervals: first on a test clock
// that only the test moves, then running on their own.
import { jest } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Socket } from 'socket.io-client';
import request from 'supertest';
import { WebSocket } from 'ws';
import {
  DomainEventBus,
  type AlertEvent,
  type CartridgeResultEvent,
  type ManualTestFinishedEvent,
  type RoutingChangedEvent,
} from '../../src/events/domain-events.js';
import { ModelListSnapshots } from '../../src/models/model-list.snapshot.js';
import type {
  AlertPayload,
  CartridgeResultPayload,
  ManualTestResultPayload,
  RoutingChangedPayload,
} from '../../src/realtime/realtime-events.js';
import { RealtimePublisher } from '../../src/realtime/realtime.publisher.js';
import { ioClient, wsClient, type IoClient, type WsClient } from '../setup/realtime-clients.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

/** Only setInterval is faked: the broadcaster ticks when a test advances time; sockets, the database and every timeout run for real. */
const FAKE_INTERVALS_ONLY: Parameters<typeof jest.useFakeTimers>[0] = {
  doNotFake: [
    'Date',
    'hrtime',
    'nextTick',
    'performance',
    'queueMicrotask',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'requestIdleCallback',
    'cancelIdleCallback',
    'setImmediate',
    'clearImmediate',
    'setTimeout',
    'clearTimeout',
  ],
};

/**
 * Asks get_models and waits for the answer: a broadcast that went out before the question arrives
 * before the answer, so the counts read after it are final. Returns [model_update, neural_signal].
 */
async function countsAfterMarker(client: IoClient | WsClient): Promise<[number, number]> {
  const answers = client.inbox.of('models_update').length;
  if (client instanceof WebSocket) client.send('get_models');
  else client.emit('get_models');
  await client.inbox.until('models_update', answers + 1);
  return [client.inbox.of('model_update').length, client.inbox.of('neural_signal').length];
}

describe('realtime: the broadcaster on a test clock', () => {
  const MODEL_UPDATE_MS = 200;
  const NEURAL_SIGNAL_MS = 300;
  let t: TestApp;
  /** Fake time at which the intervals were registered: ticks fall on its multiples of their period. */
  let origin: number;

  beforeAll(async () => {
    jest.useFakeTimers(FAKE_INTERVALS_ONLY);
    origin = jest.now();
    t = await startTestApp({
      listen: true,
      env: {
        MODEL_UPDATE_INTERVAL_MS: String(MODEL_UPDATE_MS),
        NEURAL_SIGNAL_INTERVAL_MS: String(NEURAL_SIGNAL_MS),
      },
    });
  });
  afterAll(async () => {
    await t.close();
    jest.useRealTimers();
  });

  const elapsed = (): number => jest.now() - origin;
  /** Moves the clock onto the next tick of an interval. */
  const advanceToNext = (periodMs: number) => jest.advanceTimersByTimeAsync(periodMs - (elapsed() % periodMs));
  const noClientsLeft = async () => {
    while (t.app.get(RealtimePublisher).clientCount() > 0) await sleep(10);
  };

  it('reads no models while nobody is connected, on either transport, and starts when someone is', async () => {
    const list = jest.spyOn(t.app.get(ModelListSnapshots), 'current');
    // Five model_update and three neural_signal ticks with nobody connected.
    await jest.advanceTimersByTimeAsync(1000);
    expect(list).not.toHaveBeenCalled();

    const viaWs = await wsClient(t.url);
    await advanceToNext(MODEL_UPDATE_MS);
    await viaWs.inbox.until('model_update');
    expect(list).toHaveBeenCalled();
    viaWs.close();
    await noClientsLeft();
    list.mockClear();
    await jest.advanceTimersByTimeAsync(1000);
    expect(list).not.toHaveBeenCalled();

    const viaIo = await ioClient(t.url);
    await advanceToNext(NEURAL_SIGNAL_MS);
    await viaIo.inbox.until('neural_signal');
    expect(list).toHaveBeenCalled();
    viaIo.close();
    await noClientsLeft();
    list.mockRestore();
  });

  it('sends model_update every 200 ms and neural_signal every 300 ms to both transports at once', async () => {
    const clients = [
      ['socket.io', await ioClient(t.url)],
      ['ws', await wsClient(t.url)],
    ] as const;
    try {
      // 1.2 s in 100 ms steps; after each, each client has exactly the ticks that fell due.
      for (let step = 0; step < 12; step++) {
        const before = await Promise.all(clients.map(([, client]) => countsAfterMarker(client)));
        // Ticks due at the same moment fire together, as real timers due in one loop turn do.
        jest.advanceTimersByTime(100);
        const now = elapsed();
        const due = [now % MODEL_UPDATE_MS === 0 ? 1 : 0, now % NEURAL_SIGNAL_MS === 0 ? 1 : 0];
        for (const [i, [name, client]] of clients.entries()) {
          const expected = [before[i][0] + due[0], before[i][1] + due[1]];
          await client.inbox
            .until('model_update', expected[0])
            .then(() => client.inbox.until('neural_signal', expected[1]))
            .catch((error: Error) => {
              throw new Error(`${name} at ${now} ms: ${error.message}`);
            });
          expect([name, now, await countsAfterMarker(client)]).toEqual([name, now, expected]);
        }
      }

      const api = await request(t.server).get('/api/models').expect(200);
      const [, viaIo] = clients[0];
      const update = viaIo.inbox.of('model_update')[0];
      expect(update).toEqual({
        type: 'model_update',
        models: api.body.models,
        average_score: 9.09,
        timestamp: expect.any(String),
      });
      expect(new Date(update.timestamp).toISOString()).toBe(update.timestamp);

      const [, viaWs] = clients[1];
      const [first, second] = viaWs.inbox.of('neural_signal');
      expect(first.models).toHaveLength(10);
      expect(first.models[0]).toMatchObject({ model_id: 1, name: 'Gemini', strength: 95.7 });
      expect(first.overall_strength).toEqual(expect.any(Number));
      // Nothing changed between two signals.
      expect(second.change).toBe(0);
      expect(second.models.every((m) => m.change === 0)).toBe(true);
    } finally {
      for (const [, client] of clients) client.close();
      await noClientsLeft();
    }
  });
});

describe('realtime: Socket.io and the broadcaster', () => {
  let t: TestApp;
  const open: { close(): void }[] = [];
  const track = <T extends { close(): void }>(client: T): T => {
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp({
      listen: true,
      env: { MODEL_UPDATE_INTERVAL_MS: '200', NEURAL_SIGNAL_INTERVAL_MS: '300' },
    });
  });
  afterEach(async () => {
    for (const client of open.splice(0)) client.close();
    const publisher = t.app.get(RealtimePublisher);
    while (publisher.clientCount() > 0) await sleep(10);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers get_models with models_update to the asker only', async () => {
    const asker = track(await ioClient(t.url));
    const bystander = track(await ioClient(t.url));
    const rawBystander = track(await wsClient(t.url));
    asker.emit('get_models');
    const [answer] = await asker.inbox.until('models_update');
    expect(answer).toEqual({ type: 'models_update', models: expect.any(Array), timestamp: expect.any(String) });
    expect(answer.models.map((m) => m.name)).toContain('Groq');
    await bystander.inbox.until('model_update', 2);
    expect(bystander.inbox.of('models_update')).toHaveLength(0);
    expect(rawBystander.inbox.of('models_update')).toHaveLength(0);
  });

  it('a client that joined topics receives those and model_update; one that never subscribed receives everything', async () => {
    const dashboard = track(await ioClient(t.url));
    const everything = track(await ioClient(t.url));
    dashboard.emit('subscribe', ['dcrs', 'alerts']);
    const [subscribed] = await dashboard.inbox.until('subscribed');
    expect(subscribed.topics).toEqual(['alerts', 'dcrs']);

    const bus = t.app.get(DomainEventBus);
    bus.publish('routing.changed', ROUTING);
    bus.publish('dcrs.progress', { ...PROGRESS, phase: 'started' });
    await everything.inbox.until('dcrs_progress');
    await everything.inbox.until('neural_signal');
    await dashboard.inbox.until('dcrs_progress');
    await dashboard.inbox.until('model_update', 3);
    expect(everything.inbox.of('routing_changed')).toHaveLength(1);
    expect(dashboard.inbox.of('routing_changed')).toHaveLength(0);
    // A tick may have come before the subscription took effect.
    expect(dashboard.inbox.of('neural_signal', subscribed)).toHaveLength(0);

    dashboard.emit('unsubscribe', ['dcrs']);
    const [, resubscribed] = await dashboard.inbox.until('subscribed', 2);
    expect(resubscribed.topics).toEqual(['alerts']);
    bus.publish('dcrs.progress', { ...PROGRESS, phase: 'completed' });
    await everything.inbox.until('dcrs_progress', 2);
    await dashboard.inbox.until('model_update', dashboard.inbox.of('model_update').length + 1);
    expect(dashboard.inbox.of('dcrs_progress')).toHaveLength(1);
  });

  it('an unknown topic or event gets an error naming it, and changes nothing', async () => {
    const client = track(await ioClient(t.url));
    client.emit('subscribe', ['dcrs', 'weather']);
    const [error] = await client.inbox.until('error');
    expect(error.message).toBe(
      'Unknown topic "weather" (known topics: models, alerts, dcrs, cartridges, manual_tests, routing)',
    );
    (client as unknown as Socket).emit('launch_rockets');
    const errors = await client.inbox.until('error', 2);
    expect(errors[1].message).toMatch(/^Unknown event "launch_rockets"/);
    t.app.get(DomainEventBus).publish('routing.changed', ROUTING);
    await client.inbox.until('routing_changed');
    expect(client.connected).toBe(true);
  });

  it('forwards alerts, cartridge results, manual test results and routing changes with their payloads', async () => {
    const client = track(await ioClient(t.url, { transports: ['polling', 'websocket'] }));
    const bus = t.app.get(DomainEventBus);
    bus.publish('alert.opened', ALERT);
    bus.publish('alert.resolved', { ...ALERT, resolvedAt: new Date('2026-02-01T08:05:00.000Z') });
    bus.publish('cartridge.result', CARTRIDGE);
    bus.publish('manual_test.finished', MANUAL_TEST);
    bus.publish('routing.changed', ROUTING);
    await client.inbox.until('routing_changed');
    // The app's own alert rules may announce alerts of their own (e.g. about the routing change).
    const alerts = client.inbox.of('alert').filter((a) => a.alert.subject === ALERT.subject);
    expect(alerts.map((a) => [a.state, a.alert.resolved_at])).toEqual([
      ['opened', null],
      ['resolved', '2026-02-01T08:05:00.000Z'],
    ]);
    expect(alerts[0]).toEqual({ type: 'alert', state: 'opened', alert: ALERT_WIRE, timestamp: expect.any(String) });
    expect((await client.inbox.until('cartridge_result'))[0]).toEqual({
      ...CARTRIDGE_WIRE,
      type: 'cartridge_result',
      timestamp: expect.any(String),
    });
    expect((await client.inbox.until('manual_test_result'))[0]).toEqual({
      ...MANUAL_TEST_WIRE,
      type: 'manual_test_result',
      timestamp: expect.any(String),
    });
    expect((await client.inbox.until('routing_changed'))[0]).toEqual({
      ...ROUTING_WIRE,
      type: 'routing_changed',
      timestamp: expect.any(String),
    });
  });
});

// What the tests publish (domain events) and what clients must receive for them (wire payloads).
const PROGRESS = {
  runId: 7,
  date: '2026-02-01',
  completedTests: 0,
  totalTests: 20,
  currentModel: null,
  bestSoFar: null,
} as const;
const ROUTING: RoutingChangedEvent = {
  primary: 'Groq',
  fallbacks: ['Gemini'],
  mode: 'auto',
  updatedAt: new Date('2026-02-01T08:05:00.000Z'),
  dcrsRunId: 7,
  reason: 'best score',
};
const ROUTING_WIRE: RoutingChangedPayload = {
  primary: 'Groq',
  fallbacks: ['Gemini'],
  mode: 'auto',
  updated_at: '2026-02-01T08:05:00.000Z',
  dcrs_run_id: 7,
  reason: 'best score',
};
const ALERT: AlertEvent = {
  id: 3,
  type: 'model_down',
  severity: 'critical',
  subject: 'realtime-e2e',
  message: 'realtime-e2e is down',
  createdAt: new Date('2026-02-01T08:00:00.000Z'),
  resolvedAt: null,
  acknowledgedAt: null,
};
const ALERT_WIRE: AlertPayload = {
  id: 3,
  type: 'model_down',
  severity: 'critical',
  subject: 'realtime-e2e',
  message: 'realtime-e2e is down',
  created_at: '2026-02-01T08:00:00.000Z',
  resolved_at: null,
  acknowledged_at: null,
};
const CARTRIDGE: CartridgeResultEvent = {
  cartridge: 'Bio-Cartridge',
  execution: {
    id: 1,
    status: 'success',
    startedAt: new Date('2026-02-01T08:00:00.000Z'),
    finishedAt: null,
    durationMs: null,
    summary: null,
  },
  successRate: 100,
};
const CARTRIDGE_WIRE: CartridgeResultPayload = {
  cartridge: 'Bio-Cartridge',
  execution: {
    id: 1,
    status: 'success',
    started_at: '2026-02-01T08:00:00.000Z',
    finished_at: null,
    duration_ms: null,
    summary: null,
  },
  success_rate: 100,
};
const MANUAL_TEST: ManualTestFinishedEvent = {
  runId: 'run-1',
  status: 'completed',
  models: ['Groq'],
  startTime: new Date('2026-02-01T08:00:00.000Z'),
  endTime: new Date('2026-02-01T08:01:00.000Z'),
  error: null,
  results: [{ model: 'Groq', score: 9.5, responseTime: 900, passed: 4, failed: 0, error: null }],
};
const MANUAL_TEST_WIRE: ManualTestResultPayload = {
  run_id: 'run-1',
  status: 'completed',
  models: ['Groq'],
  start_time: '2026-02-01T08:00:00.000Z',
  end_time: '2026-02-01T08:01:00.000Z',
  error: null,
  results: [{ model: 'Groq', score: 9.5, response_time: 900, passed: 4, failed: 0, error: null }],
};
