// Every alert rule opening and resolving in the running app. model_degraded is driven by real probes;
// the rules whose producers live elsewhere (DCRS, routing, cartridges, evaluations) by publishing their
// domain events; cartridge_stale (from real cartridges and executions on the test clock) and models no
// longer monitored by the periodic sweep.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { HOUR_MS, DAY_MS } from '../../src/common/clock.js';
import { AlertSweepService } from '../../src/alerts/alert-sweep.service.js';
import {
  DomainEventBus,
  type CartridgeResultEvent,
  type DcrsProgressEvent,
  type ModelStateChangedEvent,
} from '../../src/events/domain-events.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/fake-provider.server.js';
import { insertCall, minutesBefore } from '../factories/fixtures.js';
import { FIXED_NOW, fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';
import { createCartridge, postResult } from './cartridges.helpers.js';
import { listAlerts, settle } from './notification.helpers.js';

const ADMIN = `admin-${randomUUID()}`;
const INGEST = `ingest-${randomUUID()}`;
const clock = fixedClock();
let fake: FakeProvider;
let t: TestApp;
let bus: DomainEventBus;

beforeAll(async () => {
  fake = await startFakeProvider({ defaultText: 'pong' });
  // ALERT_CHECK_INTERVAL_MS=0: the sweep runs only when a test asks (it would resolve the alerts of the
  // models that exist only in published events).
  t = await startTestApp({
    clock,
    env: {
      ...fake.envFor(['openai']),
      SIMULATE_PROVIDERS: 'false',
      ADMIN_API_KEY: ADMIN,
      INGEST_API_KEYS: INGEST,
      ALERT_CHECK_INTERVAL_MS: '0',
    },
  });
  bus = t.app.get(DomainEventBus);
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

/** A worker's report of a successful execution that started at `startedAt` and took a minute. */
async function report(cartridge: string, startedAt: Date): Promise<void> {
  await postResult(t, cartridge, INGEST, randomUUID(), {
    status: 'success',
    started_at: startedAt.toISOString(),
    finished_at: new Date(startedAt.getTime() + 60_000).toISOString(),
  }).expect(201);
}

function stateChange(overrides: Partial<ModelStateChangedEvent>): ModelStateChangedEvent {
  return {
    modelId: 99,
    name: 'Event-Model',
    apiType: 'openai',
    previousStatus: 'healthy',
    status: 'healthy',
    lastScore: 9,
    previousScore: 9,
    responseTime: 500,
    uptimePercent: 100,
    errorKind: null,
    at: clock.now(),
    ...overrides,
  };
}

const dcrs = (phase: DcrsProgressEvent['phase'], runId: number, error?: string): DcrsProgressEvent => ({
  runId,
  date: '2026-02-01',
  phase,
  completedTests: 0,
  totalTests: 4,
  currentModel: null,
  bestSoFar: null,
  ...(error ? { error } : {}),
});

const cartridgeResult = (cartridge: string, id: number, status: string): CartridgeResultEvent => ({
  cartridge,
  execution: {
    id,
    status,
    startedAt: clock.now(),
    finishedAt: clock.now(),
    durationMs: 1200,
    summary: status === 'failure' ? 'upstream 503' : 'ok',
  },
  successRate: 50,
});

describe('model rules', () => {
  it('model_degraded opens when probes turn slow against the 7-day median and resolves when they are fast again', async () => {
    const providerModel = `slow-${randomUUID().slice(0, 8)}`;
    // Five slow answers (the degraded rule wants at least five calls in the hour), then fast ones.
    fake.script(providerModel, [
      ...Array.from({ length: 5 }, () => ({ kind: 'answer' as const, text: 'pong', delayMs: 700 })),
      { kind: 'answer', text: 'pong' },
    ]);
    const created = await request(t.server)
      .post('/api/models')
      .set('X-API-Key', ADMIN)
      .send({ name: 'Slow-GPT', api_type: 'openai', provider_model: providerModel })
      .expect(201);
    // A week of steady 400 ms answers: degraded above 600 ms (1.5x the median).
    for (let i = 0; i < 20; i++) {
      await insertCall(t.dataSource, {
        modelId: created.body.id,
        score: 10,
        responseTime: 400,
        timestamp: new Date(FIXED_NOW.getTime() - 2 * DAY_MS),
      });
    }
    for (let i = 0; i < 4; i++) {
      const early = await request(t.server)
        .post(`/api/models/${created.body.id}/probe`)
        .set('X-API-Key', ADMIN)
        .expect(200);
      expect(early.body.status).toBe('healthy');
    }
    const slow = await request(t.server)
      .post(`/api/models/${created.body.id}/probe`)
      .set('X-API-Key', ADMIN)
      .expect(200);
    expect(slow.body.status).toBe('degraded');
    await settle(t);
    expect(await listAlerts(t, { active: 'true', type: 'model_degraded' })).toEqual([
      expect.objectContaining({
        subject: 'Slow-GPT',
        severity: 'warning',
        message: expect.stringContaining('Slow-GPT is degraded'),
      }),
    ]);

    clock.advance(2 * HOUR_MS);
    const fast = await request(t.server)
      .post(`/api/models/${created.body.id}/probe`)
      .set('X-API-Key', ADMIN)
      .expect(200);
    expect(fast.body.status).toBe('healthy');
    await settle(t);
    expect(await listAlerts(t, { active: 'true', type: 'model_degraded' })).toEqual([]);
    const [alert] = await listAlerts(t, { type: 'model_degraded' });
    expect(alert).toMatchObject({ subject: 'Slow-GPT', resolved_at: clock.now().toISOString() });
  });

  it('model_down from the event is opened once however many down events come, even at the same moment', async () => {
    const down = stateChange({ name: 'Twice-Down', previousStatus: 'healthy', status: 'down', errorKind: 'timeout' });
    bus.publish('model.state_changed', down);
    bus.publish('model.state_changed', { ...down, previousStatus: 'down' });
    bus.publish('model.state_changed', { ...down, previousStatus: 'down' });
    await settle(t);
    expect(await listAlerts(t, { type: 'model_down' })).toEqual([
      expect.objectContaining({ subject: 'Twice-Down', resolved_at: null }),
    ]);

    bus.publish('model.state_changed', stateChange({ name: 'Twice-Down', previousStatus: 'down', status: 'healthy' }));
    await settle(t);
    expect((await listAlerts(t, { type: 'model_down' }))[0].resolved_at).not.toBeNull();
    // Down again later: a new alert, since the first one resolved.
    bus.publish('model.state_changed', down);
    await settle(t);
    const both = await listAlerts(t, { type: 'model_down' });
    expect(both.map((a) => a.resolved_at === null)).toEqual([true, false]);
  });

  it('model_down and model_degraded of a model that is no longer monitored resolve at the next sweep', async () => {
    const created = await request(t.server)
      .post('/api/models')
      .set('X-API-Key', ADMIN)
      .send({ name: 'Short-Lived', api_type: 'openai', provider_model: 'short-lived' })
      .expect(201);
    bus.publish('model.state_changed', stateChange({ name: 'Short-Lived', status: 'degraded' }));
    bus.publish(
      'model.state_changed',
      stateChange({ name: 'Short-Lived', previousStatus: 'degraded', status: 'down' }),
    );
    await settle(t);
    await t.app.get(AlertSweepService).sweep();
    await settle(t);
    const subjects = async () =>
      (await listAlerts(t, { active: 'true' })).filter((a) => a.subject === 'Short-Lived').map((a) => a.type);
    expect(await subjects()).toEqual(['model_down', 'model_degraded']);

    await request(t.server).delete(`/api/models/${created.body.id}?history=delete`).set('X-API-Key', ADMIN).expect(204);
    await t.app.get(AlertSweepService).sweep();
    await settle(t);
    expect(await subjects()).toEqual([]);
    expect(
      (await listAlerts(t, { type: 'model_down' })).find((a) => a.subject === 'Short-Lived')!.resolved_at,
    ).not.toBeNull();
  });

  it('score_drop is a warning notice: recorded resolved, once per drop', async () => {
    bus.publish('model.state_changed', stateChange({ name: 'Dropper', previousScore: 9.5, lastScore: 6 }));
    bus.publish('model.state_changed', stateChange({ name: 'Dropper', previousScore: 6, lastScore: 5.5 }));
    bus.publish('model.state_changed', stateChange({ name: 'Dropper', previousScore: 5.5, lastScore: 4 }));
    await settle(t);
    const drops = await listAlerts(t, { type: 'score_drop' });
    expect(drops.map((a) => a.message)).toEqual([
      "Dropper's evaluation score dropped by 1.5: from 5.5 to 4",
      "Dropper's evaluation score dropped by 3.5: from 9.5 to 6",
    ]);
    expect(drops.every((a) => a.severity === 'warning' && a.resolved_at === a.created_at)).toBe(true);
    expect(await listAlerts(t, { active: 'true', type: 'score_drop' })).toEqual([]);
  });
});

describe('DCRS and routing rules', () => {
  it('dcrs_failed opens at a failed run, is not opened twice, and resolves at the next completed run', async () => {
    bus.publish('dcrs.progress', dcrs('started', 41));
    bus.publish('dcrs.progress', dcrs('failed', 41, 'database gone'));
    bus.publish('dcrs.progress', dcrs('failed', 42, 'again'));
    await settle(t);
    const open = await listAlerts(t, { active: 'true', type: 'dcrs_failed' });
    expect(open).toEqual([
      expect.objectContaining({
        subject: 'dcrs',
        severity: 'warning',
        message: 'DCRS run 41 (2026-02-01) failed: database gone',
      }),
    ]);
    bus.publish('dcrs.progress', dcrs('started', 43));
    bus.publish('dcrs.progress', dcrs('model_done', 43));
    await settle(t);
    expect(await listAlerts(t, { active: 'true', type: 'dcrs_failed' })).toHaveLength(1);
    bus.publish('dcrs.progress', dcrs('completed', 43));
    await settle(t);
    expect(await listAlerts(t, { active: 'true', type: 'dcrs_failed' })).toEqual([]);
    expect(await listAlerts(t, { type: 'dcrs_failed' })).toEqual([
      expect.objectContaining({ id: open[0].id, resolved_at: expect.any(String) }),
    ]);
  });

  it('routing_changed is an info notice for every change', async () => {
    const change = {
      fallbacks: ['B', 'C'],
      mode: 'auto' as const,
      updatedAt: clock.now(),
      dcrsRunId: 43,
      reason: 'A leads by 0.4',
    };
    bus.publish('routing.changed', { ...change, primary: 'A' });
    bus.publish('routing.changed', { ...change, primary: 'B', fallbacks: ['A'] });
    await settle(t);
    const notices = await listAlerts(t, { type: 'routing_changed' });
    expect(notices.map((a) => a.message)).toEqual([
      'Routing primary is now B after DCRS run 43 (fallbacks: A): A leads by 0.4',
      'Routing primary is now A after DCRS run 43 (fallbacks: B, C): A leads by 0.4',
    ]);
    expect(
      notices.every((a) => a.severity === 'info' && a.subject === 'routing' && a.resolved_at === a.created_at),
    ).toBe(true);
  });
});

describe('cartridge rules', () => {
  it('cartridge_failed opens at a failure, once, and the next success resolves it and records cartridge_recovered', async () => {
    bus.publish('cartridge.result', cartridgeResult('Bio-Cartridge', 1, 'failure'));
    bus.publish('cartridge.result', cartridgeResult('Bio-Cartridge', 2, 'failure'));
    bus.publish('cartridge.result', cartridgeResult('Bio-Cartridge', 3, 'running'));
    await settle(t);
    expect(await listAlerts(t, { active: 'true', type: 'cartridge_failed' })).toEqual([
      expect.objectContaining({
        subject: 'Bio-Cartridge',
        message: 'Bio-Cartridge execution 1 failed: upstream 503 (30-day success rate 50%)',
      }),
    ]);
    expect(await listAlerts(t, { type: 'cartridge_recovered' })).toEqual([]);

    bus.publish('cartridge.result', cartridgeResult('Bio-Cartridge', 3, 'success'));
    await settle(t);
    expect(await listAlerts(t, { active: 'true', type: 'cartridge_failed' })).toEqual([]);
    expect(await listAlerts(t, { type: 'cartridge_recovered' })).toEqual([
      expect.objectContaining({
        subject: 'Bio-Cartridge',
        severity: 'info',
        message: 'Bio-Cartridge succeeded again (execution 3) (30-day success rate 50%)',
      }),
    ]);
    bus.publish('cartridge.result', cartridgeResult('Bio-Cartridge', 4, 'success'));
    await settle(t);
    expect(await listAlerts(t, { type: 'cartridge_recovered' })).toHaveLength(1);
  });

  it('cartridge_stale: the sweep opens it for a scheduled cartridge that stopped running, and only for that one', async () => {
    const sweeper = t.app.get(AlertSweepService);
    const hourly = { schedule: { cron: '0 * * * *' } };
    // Stale: an hourly cartridge last run more than two hours ago. Not stale: one run ten minutes ago,
    // an unscheduled one run days ago, and a scheduled one that never ran (idle).
    await createCartridge(t, ADMIN, { name: 'Stopped-Hourly', ...hourly });
    await createCartridge(t, ADMIN, { name: 'Running-Hourly', ...hourly });
    await createCartridge(t, ADMIN, { name: 'Unscheduled' });
    await createCartridge(t, ADMIN, { name: 'Never-Ran', ...hourly });
    const stoppedAt = minutesBefore(clock.now(), 121);
    await report('Stopped-Hourly', stoppedAt);
    await report('Running-Hourly', minutesBefore(clock.now(), 10));
    await report('Unscheduled', minutesBefore(clock.now(), 5 * 24 * 60));
    const stale = async () => (await listAlerts(t, { active: 'true', type: 'cartridge_stale' })).map((a) => a.subject);
    expect(await stale()).toEqual([]);

    await sweeper.sweep();
    await sweeper.sweep();
    await settle(t);
    expect(await listAlerts(t, { active: 'true', type: 'cartridge_stale' })).toEqual([
      expect.objectContaining({
        subject: 'Stopped-Hourly',
        severity: 'warning',
        message: expect.stringContaining(`last execution: ${stoppedAt.toISOString()}`),
      }),
    ]);

    // Two hours on, the cartridge that was running has not run again either.
    clock.advance(2 * HOUR_MS);
    await sweeper.sweep();
    await settle(t);
    expect((await stale()).sort()).toEqual(['Running-Hourly', 'Stopped-Hourly']);

    // Any execution resolves it at once; the next sweep leaves it resolved.
    await report('Stopped-Hourly', minutesBefore(clock.now(), 1));
    await settle(t);
    expect(await stale()).toEqual(['Running-Hourly']);
    await sweeper.sweep();
    await settle(t);
    expect(await stale()).toEqual(['Running-Hourly']);

    // A cartridge that is gone is no longer stale.
    await request(t.server).delete('/api/cartridges/Running-Hourly?history=keep').set('X-API-Key', ADMIN).expect(204);
    await sweeper.sweep();
    await settle(t);
    expect(await stale()).toEqual([]);
    expect((await listAlerts(t, { type: 'cartridge_stale' })).map((a) => [a.subject, a.resolved_at !== null])).toEqual([
      ['Running-Hourly', true],
      ['Stopped-Hourly', true],
    ]);
  });
});
