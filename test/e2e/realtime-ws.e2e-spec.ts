// The seed's plain WebSocket endpoint (/ws) next to Socket.io on the same port, on the real app.
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { WebSocket } from 'ws';
import {
  DomainEventBus,
  type AlertEvent,
  type CartridgeResultEvent,
  type DcrsProgressEvent,
  type ManualTestFinishedEvent,
} from '../../src/events/domain-events.js';
import type { DcrsProgressPayload } from '../../src/realtime/realtime-events.js';
import { RealtimePublisher } from '../../src/realtime/realtime.publisher.js';
import { ioClient, wsClient } from '../setup/realtime-clients.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const progress = (phase: DcrsProgressEvent['phase'], completed: number): DcrsProgressEvent => ({
  runId: 11,
  date: '2026-02-01',
  phase,
  completedTests: completed,
  totalTests: 20,
  currentModel: phase === 'model_done' ? 'Groq' : null,
  bestSoFar: completed > 0 ? { model: 'Groq', score: 9.5 } : null,
});

/** What clients receive for progress(phase, completed). */
const progressPayload = (phase: DcrsProgressEvent['phase'], completed: number): DcrsProgressPayload => ({
  run_id: 11,
  date: '2026-02-01',
  phase,
  completed_tests: completed,
  total_tests: 20,
  percent: completed * 5,
  current_model: phase === 'model_done' ? 'Groq' : null,
  best_so_far: completed > 0 ? { model: 'Groq', score: 9.5 } : null,
});

describe('realtime: the raw /ws endpoint', () => {
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
    while (t.app.get(RealtimePublisher).clientCount() > 0) await sleep(10);
  });
  afterAll(async () => {
    await t.close();
  });

  it("answers the seed's text get_models with {type: models_update, models, timestamp}, to the asker only", async () => {
    const asker = track(await wsClient(t.url));
    const other = track(await wsClient(t.url));
    const viaIo = track(await ioClient(t.url));
    asker.send('get_models');
    const [answer] = await asker.inbox.until('models_update');
    const api = await request(t.server).get('/api/models').expect(200);
    expect(answer).toEqual({ type: 'models_update', models: api.body.models, timestamp: expect.any(String) });
    await other.inbox.until('model_update', 2);
    expect(other.inbox.of('models_update')).toHaveLength(0);
    expect(viaIo.inbox.of('models_update')).toHaveLength(0);
  });

  it('answers an unknown message with a JSON error and keeps the connection open', async () => {
    const client = track(await wsClient(t.url));
    client.send('hello');
    client.send('{"type":"launch_rockets"}');
    client.send(Buffer.from([1, 2, 3]), { binary: true });
    client.send('{"type":"subscribe","topics":["weather"]}');
    const errors = await client.inbox.until('error', 4);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Unknown message "hello": send get_models/),
      expect.stringMatching(/^Unknown message type "launch_rockets"/),
      expect.stringMatching(/^Binary messages are not understood/),
      expect.stringMatching(/^Unknown topic "weather"/),
    ]);
    expect(client.readyState).toBe(WebSocket.OPEN);
    client.send('get_models');
    await client.inbox.until('models_update');
  });

  it('a raw client may join topics too', async () => {
    const client = track(await wsClient(t.url));
    client.send(JSON.stringify({ type: 'subscribe', topics: ['routing'] }));
    const [subscribed] = await client.inbox.until('subscribed');
    expect(subscribed.topics).toEqual(['routing']);
    t.app.get(DomainEventBus).publish('dcrs.progress', progress('started', 0));
    t.app.get(DomainEventBus).publish('routing.changed', {
      primary: 'Groq',
      fallbacks: [],
      mode: 'auto',
      updatedAt: new Date('2026-02-01T08:05:00.000Z'),
      dcrsRunId: 11,
      reason: 'best score',
    });
    await client.inbox.until('routing_changed');
    await client.inbox.until('model_update', 4);
    expect(client.inbox.of('dcrs_progress')).toHaveLength(0);
    // A tick may have come before the subscription took effect.
    expect(client.inbox.of('neural_signal', subscribed)).toHaveLength(0);
  });

  it('streams a DCRS run from started to completed on both transports at once', async () => {
    const raw = track(await wsClient(t.url));
    const viaIo = track(await ioClient(t.url));
    const stream = [
      ['started', 0],
      ['model_done', 10],
      ['model_done', 20],
      ['completed', 20],
    ] as const;
    for (const [phase, completed] of stream) {
      t.app.get(DomainEventBus).publish('dcrs.progress', progress(phase, completed));
    }
    for (const client of [raw, viaIo]) {
      const received = await client.inbox.until('dcrs_progress', 4);
      expect(received).toEqual(
        stream.map(([phase, completed]) => ({
          ...progressPayload(phase, completed),
          type: 'dcrs_progress',
          timestamp: expect.any(String),
        })),
      );
    }
  });

  it('forwards alerts, cartridge results and manual test results with their payloads', async () => {
    const client = track(await wsClient(t.url));
    const alertsOnly = track(await wsClient(t.url));
    alertsOnly.send(JSON.stringify({ type: 'subscribe', topics: ['alerts'] }));
    await alertsOnly.inbox.until('subscribed');
    const bus = t.app.get(DomainEventBus);
    bus.publish('alert.opened', ALERT);
    bus.publish('alert.resolved', { ...ALERT, resolvedAt: new Date('2026-02-01T08:05:00.000Z') });
    bus.publish('cartridge.result', CARTRIDGE);
    bus.publish('manual_test.finished', MANUAL_TEST);
    const envelope = { timestamp: expect.any(String) };
    // The app's own rules answer the failed execution with an alert of their own: three in all.
    const alerts = await client.inbox.until('alert', 3);
    expect(alerts.filter((a) => a.alert.subject === ALERT.subject)).toEqual([
      { type: 'alert', state: 'opened', alert: ALERT_WIRE, ...envelope },
      {
        type: 'alert',
        state: 'resolved',
        alert: { ...ALERT_WIRE, resolved_at: '2026-02-01T08:05:00.000Z' },
        ...envelope,
      },
    ]);
    expect(alerts.filter((a) => a.alert.subject === CARTRIDGE.cartridge)).toEqual([
      expect.objectContaining({ state: 'opened', alert: expect.objectContaining({ type: 'cartridge_failed' }) }),
    ]);
    expect(await client.inbox.until('cartridge_result')).toEqual([
      { ...CARTRIDGE_WIRE, type: 'cartridge_result', ...envelope },
    ]);
    expect(await client.inbox.until('manual_test_result')).toEqual([
      { ...MANUAL_TEST_WIRE, type: 'manual_test_result', ...envelope },
    ]);
    // The alerts subscriber got the alerts and, by the time of a later model_update, nothing else.
    expect(await alertsOnly.inbox.until('alert', 3)).toHaveLength(3);
    await alertsOnly.inbox.until('model_update', alertsOnly.inbox.of('model_update').length + 1);
    expect(alertsOnly.inbox.of('cartridge_result')).toHaveLength(0);
    expect(alertsOnly.inbox.of('manual_test_result')).toHaveLength(0);
  });

  it('a client that disconnects mid-broadcast breaks nothing for the others', async () => {
    const survivors = [track(await wsClient(t.url)), track(await ioClient(t.url))];
    const rawLeaver = track(await wsClient(t.url));
    const ioLeaver = track(await ioClient(t.url));
    const bus = t.app.get(DomainEventBus);
    for (let i = 1; i <= 60; i += 1) {
      bus.publish('dcrs.progress', progress('model_done', i % 21));
      if (i === 20) {
        rawLeaver.terminate(); // gone without a close frame, like a dead network
        ioLeaver.disconnect();
      }
      await sleep(5);
    }
    for (const client of survivors) {
      await client.inbox.until('dcrs_progress', 60);
      const before = client.inbox.of('model_update').length;
      await client.inbox.until('model_update', before + 2);
    }
    await request(t.server).get('/api/health').expect(200);
    expect(t.app.get(RealtimePublisher).clientCount()).toBe(2);
  });
});

describe('realtime: browser origins (CORS_ORIGINS)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      listen: true,
      env: { CORS_ORIGINS: 'https://dash.example.com', MODEL_UPDATE_INTERVAL_MS: '0' },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('admits a listed origin and clients that send none on both transports, and refuses other pages', async () => {
    const admitted = [
      await wsClient(t.url, 'https://dash.example.com'),
      await wsClient(t.url),
      await ioClient(t.url, { origin: 'https://dash.example.com' }),
      await ioClient(t.url),
    ];
    for (const client of admitted) client.close();

    const refused = new WebSocket(`${t.url.replace('http', 'ws')}/ws`, { origin: 'https://evil.example.net' });
    const [, response] = (await once(refused, 'unexpected-response')) as [unknown, { statusCode: number }];
    expect(response.statusCode).toBe(403);
    await expect(ioClient(t.url, { origin: 'https://evil.example.net' })).rejects.toThrow();
  });
});

// Facts published on the bus, and the snake_case payloads the /ws clients must receive for them.
const ALERT: AlertEvent = {
  id: 5,
  type: 'cartridge_failed',
  severity: 'warning',
  subject: 'raw-ws-e2e',
  message: 'raw-ws-e2e execution 4 failed',
  createdAt: new Date('2026-02-01T08:00:00.000Z'),
  resolvedAt: null,
  acknowledgedAt: null,
};
const ALERT_WIRE = {
  id: 5,
  type: 'cartridge_failed',
  severity: 'warning',
  subject: 'raw-ws-e2e',
  message: 'raw-ws-e2e execution 4 failed',
  created_at: '2026-02-01T08:00:00.000Z',
  resolved_at: null,
  acknowledged_at: null,
};
const CARTRIDGE: CartridgeResultEvent = {
  cartridge: 'Investment-Cartridge',
  execution: {
    id: 4,
    status: 'failure',
    startedAt: new Date('2026-02-01T08:00:00.000Z'),
    finishedAt: new Date('2026-02-01T08:00:02.000Z'),
    durationMs: 2000,
    summary: 'upstream 503',
  },
  successRate: 75,
};
const CARTRIDGE_WIRE = {
  cartridge: 'Investment-Cartridge',
  execution: {
    id: 4,
    status: 'failure',
    started_at: '2026-02-01T08:00:00.000Z',
    finished_at: '2026-02-01T08:00:02.000Z',
    duration_ms: 2000,
    summary: 'upstream 503',
  },
  success_rate: 75,
};
const MANUAL_TEST: ManualTestFinishedEvent = {
  runId: 'run-ws',
  status: 'completed',
  models: ['Gemini'],
  startTime: new Date('2026-02-01T08:00:00.000Z'),
  endTime: new Date('2026-02-01T08:01:00.000Z'),
  error: null,
  results: [{ model: 'Gemini', score: 9.1, responseTime: 1200, passed: 3, failed: 1, error: null }],
};
const MANUAL_TEST_WIRE = {
  run_id: 'run-ws',
  status: 'completed',
  models: ['Gemini'],
  start_time: '2026-02-01T08:00:00.000Z',
  end_time: '2026-02-01T08:01:00.000Z',
  error: null,
  results: [{ model: 'Gemini', score: 9.1, response_time: 1200, passed: 3, failed: 1, error: null }],
};
