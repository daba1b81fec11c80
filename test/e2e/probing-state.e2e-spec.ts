// What each probe does to a model's row: status (unknown, down after 3 failures in a row, healthy again
// after 2 successes), response_time (median of the last hour's successes), uptime_percent over
// UPTIME_WINDOW_HOURS, and GET /api/models/:id's 24 h / 7 d / 30 d uptime.
import request from 'supertest';
import { HOUR_MS, DAY_MS } from '../../src/common/clock.js';
import { ProbeService } from '../../src/probing/probe.service.js';
import { startFakeProvider, type FakeBehaviour, type FakeProvider } from '../fake-provider/fake-provider.server.js';
import { insertCall } from '../factories/fixtures.js';
import { newAdminKey, newProviderKey, uniqueName } from '../factories/keys.js';
import { metricRows } from '../setup/rows.js';
import { FIXED_NOW, fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';
import { createModel, modelDetail, probeNow } from './probing.helpers.js';

const ADMIN = newAdminKey();
const FAIL: FakeBehaviour = { kind: 'server_error' };
// A steady 200 ms, so that jitter under load cannot make the model degraded (p95 > 1.5 x median).
const OK: FakeBehaviour = { kind: 'answer', text: 'pong', delayMs: 200 };
const ago = (ms: number): Date => new Date(FIXED_NOW.getTime() - ms);

let fake: FakeProvider;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeProvider({ apiKey: newProviderKey(), defaultText: 'pong' });
  t = await startTestApp({
    clock: fixedClock(),
    env: { ...fake.envFor(['openai']), SIMULATE_PROVIDERS: 'false', ADMIN_API_KEY: ADMIN, UPTIME_WINDOW_HOURS: '2' },
  });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

/** A new openai model answering as scripted, one behaviour per call. */
async function scriptedModel(name: string, script: FakeBehaviour[]): Promise<number> {
  const providerModel = uniqueName(name);
  fake.script(providerModel, script);
  return (await createModel(t, ADMIN, { name, api_type: 'openai', provider_model: providerModel })).id;
}

async function probeStatuses(id: number, times: number): Promise<string[]> {
  const statuses: string[] = [];
  for (let i = 0; i < times; i++) statuses.push((await probeNow(t, ADMIN, id).expect(200)).body.status as string);
  return statuses;
}

describe('status', () => {
  it('is unknown for a new model before any probe, with no probe time and no uptime yet', async () => {
    const id = await scriptedModel('Fresh', []);
    expect(await modelDetail(t, id)).toMatchObject({
      status: 'unknown',
      last_probe_at: null,
      last_error_kind: null,
      uptime: { last_24h: null, last_7d: null, last_30d: null },
      summary_24h: { count: 0 },
    });
    expect(
      (await request(t.server).get('/api/models').expect(200)).body.models.find((m: { id: number }) => m.id === id)
        .status,
    ).toBe('unknown');
  });

  it('a new model that fails is unknown until the third failure in a row, then down; two successes bring it back', async () => {
    const id = await scriptedModel('Flaky', [FAIL, FAIL, FAIL, OK, FAIL, OK, OK]);
    expect(await probeStatuses(id, 7)).toEqual(['unknown', 'unknown', 'down', 'down', 'down', 'down', 'healthy']);
    const rows = await metricRows(t.dataSource, id);
    expect(rows.map((r) => [r.success, r.errorKind])).toEqual([
      [false, 'server_error'],
      [false, 'server_error'],
      [false, 'server_error'],
      [true, null],
      [false, 'server_error'],
      [true, null],
      [true, null],
    ]);
  });

  it('a healthy model survives two failures in a row and is down at the third', async () => {
    const id = await scriptedModel('Steady', [OK, FAIL, FAIL, OK, FAIL, FAIL, FAIL]);
    expect(await probeStatuses(id, 7)).toEqual([
      'healthy',
      'healthy',
      'healthy',
      'healthy',
      'healthy',
      'healthy',
      'down',
    ]);
    expect(await modelDetail(t, id)).toMatchObject({ status: 'down', last_error_kind: 'server_error' });
  });

  it('probe rounds move the status the same way', async () => {
    const id = await scriptedModel('Round robin', [FAIL, FAIL, FAIL, OK, OK]);
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      await t.app.get(ProbeService).probeAll();
      seen.push((await modelDetail(t, id)).status as string);
    }
    expect(seen).toEqual(['unknown', 'unknown', 'down', 'down', 'healthy']);
  });
});

describe('response_time', () => {
  it("is the median latency of the last hour's successful calls: failures and older calls left out", async () => {
    const id = await scriptedModel('Median', [
      { kind: 'answer', text: 'pong', delayMs: 20 },
      { kind: 'server_error', delayMs: 900 },
      { kind: 'answer', text: 'pong', delayMs: 120 },
      { kind: 'answer', text: 'pong', delayMs: 700 },
    ]);
    await insertCall(t.dataSource, {
      modelId: id,
      timestamp: ago(HOUR_MS + 60_000),
      success: true,
      responseTime: 20_000,
    });
    for (let i = 0; i < 4; i++) await probeNow(t, ADMIN, id).expect(200);

    const probes = (await metricRows(t.dataSource, id)).filter((r) => r.timestamp.getTime() === FIXED_NOW.getTime());
    expect(probes.map((r) => r.success)).toEqual([true, false, true, true]);
    const successes = probes.filter((r) => r.success).map((r) => r.responseTime);
    const middle = [...successes].sort((a, b) => a - b)[1];
    expect(middle).toBe(successes[1]); // the 120 ms answer
    const detail = await modelDetail(t, id);
    expect(detail.response_time).toBe(middle);
    expect(middle).toBeGreaterThanOrEqual(120);
    expect(middle).toBeLessThan(600);
  });
});

describe('uptime', () => {
  it('uptime_percent: successes over probes within UPTIME_WINDOW_HOURS, rate-limited left out, auth errors down', async () => {
    const id = await scriptedModel('Window', [OK]);
    const within = ago(HOUR_MS);
    await insertCall(t.dataSource, { modelId: id, timestamp: within, success: true });
    await insertCall(t.dataSource, { modelId: id, timestamp: within, success: false, errorKind: 'auth' });
    await insertCall(t.dataSource, { modelId: id, timestamp: within, success: false, errorKind: 'rate_limited' });
    await insertCall(t.dataSource, {
      modelId: id,
      timestamp: within,
      success: false,
      errorKind: 'timeout',
      kind: 'manual',
    });
    for (let i = 0; i < 3; i++)
      await insertCall(t.dataSource, { modelId: id, timestamp: ago(3 * HOUR_MS), success: false });

    const after = (await probeNow(t, ADMIN, id).expect(200)).body;
    // counted: the success and the auth error an hour ago, and this probe: 2 of 3
    expect(after.uptime_percent).toBe(66.67);
  });

  it('GET /api/models/:id shows the uptime over 24 hours, 7 days and 30 days', async () => {
    const id = await scriptedModel('History', []);
    const rows: [number, boolean, string?][] = [
      [2 * HOUR_MS, true],
      [5 * HOUR_MS, true],
      [20 * HOUR_MS, false, 'auth'],
      [21 * HOUR_MS, false, 'rate_limited'],
      [3 * DAY_MS, true],
      [6 * DAY_MS, false, 'timeout'],
      [10 * DAY_MS, false, 'server_error'],
      [29 * DAY_MS, true],
      [31 * DAY_MS, false, 'network'],
    ];
    for (const [age, success, errorKind] of rows) {
      await insertCall(t.dataSource, { modelId: id, timestamp: ago(age), success, errorKind: errorKind ?? null });
    }
    // Evaluation calls are not probes: they never count.
    await insertCall(t.dataSource, { modelId: id, timestamp: ago(HOUR_MS), success: false, kind: 'manual' });

    const detail = await modelDetail(t, id);
    expect(detail.uptime).toEqual({ last_24h: 66.67, last_7d: 60, last_30d: 57.14 });
  });
});
