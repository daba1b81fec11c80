// Maintenance windows and SLOs against the fake provider, on a fixed clock: a window keeps uptime at
// 100 % and opens no alert while the provider fails, and the status reads maintenance; a fast burn
// of the error budget opens slo_burn and recovery resolves it; the monthly report; the timeline.
import request from 'supertest';
import { SloBurnService } from '../../src/slo/slo-burn.service.js';
import { startFakeProvider, type FakeBehaviour, type FakeProvider } from '../fake-provider/fake-provider.server.js';
import { newAdminKey, uniqueName } from '../factories/keys.js';
import { FIXED_NOW, fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';
import { listAlerts, settle } from './notification.helpers.js';
import { createModel, modelDetail } from './probing.helpers.js';

const ADMIN = newAdminKey();
const FAIL: FakeBehaviour = { kind: 'server_error' };
const OK: FakeBehaviour = { kind: 'answer', text: 'pong', delayMs: 20 };
const MINUTE = 60_000;

let fake: FakeProvider;
let t: TestApp;
const clock = fixedClock();

beforeAll(async () => {
  fake = await startFakeProvider({ defaultText: 'pong' });
  t = await startTestApp({
    clock,
    env: {
      ...fake.envFor(['openai']),
      SIMULATE_PROVIDERS: 'false',
      ADMIN_API_KEY: ADMIN,
      FAILURE_THRESHOLD: '3',
      SUCCESS_THRESHOLD: '2',
      SLO_CHECK_INTERVAL_MS: '0',
      ALERT_CHECK_INTERVAL_MS: '0',
    },
  });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

async function probe(id: number): Promise<string> {
  const res = await request(t.server).post(`/api/models/${id}/probe`).set('X-API-Key', ADMIN).expect(200);
  await settle(t);
  return res.body.status as string;
}

async function newModel(prefix: string): Promise<{ id: number; name: string; providerModel: string }> {
  const providerModel = uniqueName(prefix);
  const model = await createModel(t, ADMIN, {
    name: uniqueName(prefix),
    api_type: 'openai',
    provider_model: providerModel,
  });
  return { id: model.id, name: model.name, providerModel };
}

const iso = (offsetMs: number): string => new Date(clock.now().getTime() + offsetMs).toISOString();

describe('maintenance windows', () => {
  it('refuse bad windows with a 400 naming the field, and writes without the admin key', async () => {
    const post = (body: Record<string, unknown>): request.Test =>
      request(t.server).post('/api/maintenance-windows').set('X-API-Key', ADMIN).send(body);
    expect((await post({ cron: 'every night', duration_minutes: 30, reason: 'x' }).expect(400)).body.message).toContain(
      'cron must be a cron expression',
    );
    expect((await post({ starts_at: iso(0), reason: 'x' }).expect(400)).body.message).toContain('ends_at is required');
    expect(
      (
        await post({
          starts_at: iso(0),
          ends_at: iso(MINUTE),
          cron: '0 2 * * *',
          duration_minutes: 5,
          reason: 'x',
        }).expect(400)
      ).body.message,
    ).toContain('cannot be combined');
    expect((await post({ starts_at: iso(MINUTE), ends_at: iso(0), reason: 'x' }).expect(400)).body.message).toContain(
      'ends_at must be after starts_at',
    );
    expect((await post({ starts_at: 'tomorrow', ends_at: iso(0), reason: 'x' }).expect(400)).body.message).toContain(
      'starts_at must be an ISO 8601',
    );
    expect((await post({ cron: '0 2 * * *', duration_minutes: 0, reason: 'x' }).expect(400)).body.message).toContain(
      'duration_minutes must be an integer from 1 to 10080',
    );
    expect((await post({ cron: '0 2 * * *', duration_minutes: 5 }).expect(400)).body.message).toContain('reason');
    await post({ model_id: 999_999, cron: '0 2 * * *', duration_minutes: 5, reason: 'x' }).expect(404);
    await request(t.server)
      .post('/api/maintenance-windows')
      .send({ cron: '0 2 * * *', duration_minutes: 5, reason: 'x' })
      .expect(401);
    await request(t.server).delete('/api/maintenance-windows/1').expect(401);
  });

  it('keep uptime at 100 %, open no alert and read maintenance while the provider fails; SLO budgets leave them out', async () => {
    const model = await newModel('maint');
    fake.script(model.providerModel, [OK, OK, FAIL, FAIL, FAIL, FAIL, FAIL]);
    await request(t.server)
      .put(`/api/models/${model.id}/slo`)
      .set('X-API-Key', ADMIN)
      .send({ availability_percent: 99 })
      .expect(200);
    expect([await probe(model.id), await probe(model.id)]).toEqual(['healthy', 'healthy']);

    const created = await request(t.server)
      .post('/api/maintenance-windows')
      .set('X-API-Key', ADMIN)
      .send({ model_id: model.id, starts_at: iso(10 * MINUTE), ends_at: iso(70 * MINUTE), reason: 'Provider upgrade' })
      .expect(201);
    expect(created.body).toMatchObject({
      model_id: model.id,
      cron: null,
      reason: 'Provider upgrade',
      active: false,
      next_occurrence: { starts_at: iso(10 * MINUTE), ends_at: iso(70 * MINUTE) },
    });

    clock.advance(15 * MINUTE);
    const during = [];
    for (let i = 0; i < 4; i++) during.push(await probe(model.id));
    expect(during).toEqual(['maintenance', 'maintenance', 'maintenance', 'maintenance']);
    const detail = await modelDetail(t, model.id);
    expect(detail).toMatchObject({ status: 'maintenance', uptime_percent: 100 });
    expect(detail['uptime']).toEqual({ last_24h: 100, last_7d: 100, last_30d: 100 });
    await t.app.get(SloBurnService).check();
    await settle(t);
    expect((await listAlerts(t)).filter((a) => a.subject === model.name)).toEqual([]);
    const slo = await request(t.server).get('/api/slo').expect(200);
    const mine = (slo.body.models as { model_id: number; objectives: unknown[] }[]).find(
      (m) => m.model_id === model.id,
    );
    expect(mine?.objectives).toEqual([
      {
        objective: 'availability',
        target: 99,
        current: 100,
        met: true,
        budget_left_percent: 100,
        burn_rate_1h: 0,
        burn_rate_6h: 0,
      },
    ]);
    const listed = await request(t.server).get('/api/maintenance-windows').expect(200);
    expect(listed.body.windows).toContainEqual(expect.objectContaining({ id: created.body.id, active: true }));

    // Removed, the window no longer shields the model; its streaks did not move while it lasted, so
    // one failure now is one failure, not the fifth in a row.
    await request(t.server).delete(`/api/maintenance-windows/${created.body.id}`).set('X-API-Key', ADMIN).expect(204);
    await request(t.server).delete(`/api/maintenance-windows/${created.body.id}`).set('X-API-Key', ADMIN).expect(404);
    expect(await probe(model.id)).toBe('healthy');
    expect((await modelDetail(t, model.id))['uptime_percent']).toBe(66.67);

    const timeline = await request(t.server).get(`/api/models/${model.id}/timeline`).query({ days: 1 }).expect(200);
    const items = timeline.body.items as { at: string; type: string; summary: string }[];
    expect(items.map((i) => i.type)).toEqual(['status_change', 'status_change', 'status_change']);
    expect(items.map((i) => i.summary)).toEqual([
      'unknown → healthy: first successful answer',
      'healthy → maintenance: inside a planned maintenance window',
      'maintenance → healthy: the maintenance window ended',
    ]);
    const times = items.map((i) => Date.parse(i.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('a cron window reads as recurring with its next occurrence, and covers every model when model_id is null', async () => {
    const created = await request(t.server)
      .post('/api/maintenance-windows')
      .set('X-API-Key', ADMIN)
      .send({ model_id: null, cron: '0 3 * * *', duration_minutes: 30, reason: 'Nightly restart' })
      .expect(201);
    const now = clock.now();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 3));
    if (next.getTime() + 30 * MINUTE <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
    expect(created.body).toMatchObject({
      model_id: null,
      starts_at: null,
      ends_at: null,
      cron: '0 3 * * *',
      duration_minutes: 30,
      next_occurrence: { starts_at: next.toISOString() },
    });
    await request(t.server).delete(`/api/maintenance-windows/${created.body.id}`).set('X-API-Key', ADMIN).expect(204);
  });
});

describe('SLOs and error budgets', () => {
  it('refuse bad objectives naming the field; 404 for an unknown model', async () => {
    const put = (id: number, body: Record<string, unknown>): request.Test =>
      request(t.server).put(`/api/models/${id}/slo`).set('X-API-Key', ADMIN).send(body);
    const model = await newModel('slo-bad');
    expect((await put(model.id, { availability_percent: 120 }).expect(400)).body.message).toContain(
      'availability_percent must be a number from 50 to 100',
    );
    expect((await put(model.id, { window_days: 0 }).expect(400)).body.message).toContain('window_days');
    expect((await put(model.id, { min_score: 'high' }).expect(400)).body.message).toContain('min_score');
    await put(999_999, { availability_percent: 99 }).expect(404);
    await request(t.server).put(`/api/models/${model.id}/slo`).send({ availability_percent: 99 }).expect(401);
    await request(t.server).get(`/api/models/${model.id}/slo`).expect(404);
  });

  it('a fast burn opens slo_burn, and recovery resolves it', async () => {
    const model = await newModel('burn');
    fake.script(model.providerModel, [OK, OK, FAIL, FAIL, FAIL, OK, OK, OK]);
    const put = await request(t.server)
      .put(`/api/models/${model.id}/slo`)
      .set('X-API-Key', ADMIN)
      .send({ availability_percent: 99, window_days: 30, latency_p95_ms: 60_000 })
      .expect(200);
    expect(put.body).toMatchObject({ model_id: model.id, availability_percent: 99, window_days: 30, min_score: null });
    // Fields left out keep their value.
    const again = await request(t.server)
      .put(`/api/models/${model.id}/slo`)
      .set('X-API-Key', ADMIN)
      .send({ min_score: 7 })
      .expect(200);
    expect(again.body).toMatchObject({ availability_percent: 99, latency_p95_ms: 60_000, min_score: 7 });

    await probe(model.id);
    await probe(model.id);
    clock.advance(MINUTE);
    for (let i = 0; i < 3; i++) await probe(model.id);
    // 3 failures in 5 probes: an error rate of 60 % where 1 % is allowed, a burn rate of 60 on every window.
    await t.app.get(SloBurnService).check();
    await settle(t);
    const open = (await listAlerts(t, { active: 'true', type: 'slo_burn' })).filter((a) => a.subject === model.name);
    expect(open).toEqual([
      expect.objectContaining({
        severity: 'critical',
        message: `${model.name} is burning its 99% availability error budget: 1 h burn rate 60 and 5 min 60 above 14.4`,
      }),
    ]);
    const status = await request(t.server).get('/api/slo').expect(200);
    const mine = (status.body.models as { model_id: number; objectives: { objective: string }[] }[]).find(
      (m) => m.model_id === model.id,
    );
    expect(mine?.objectives.map((o) => o.objective)).toEqual(['availability', 'latency_p95', 'min_score']);
    expect(mine?.objectives[0]).toEqual({
      objective: 'availability',
      target: 99,
      current: 40,
      met: false,
      budget_left_percent: -5900,
      burn_rate_1h: 60,
      burn_rate_6h: 60,
    });
    expect(mine?.objectives[2]).toMatchObject({ objective: 'min_score', current: null, met: null });

    // Past 30 minutes, the short windows hold only successes: neither pair burns, the alert resolves.
    clock.advance(31 * MINUTE);
    for (let i = 0; i < 3; i++) await probe(model.id);
    await t.app.get(SloBurnService).check();
    await settle(t);
    expect((await listAlerts(t, { active: 'true', type: 'slo_burn' })).filter((a) => a.subject === model.name)).toEqual(
      [],
    );
    const all = (await listAlerts(t, { type: 'slo_burn' })).filter((a) => a.subject === model.name);
    expect(all).toEqual([expect.objectContaining({ resolved_at: expect.any(String) })]);

    const timeline = await request(t.server).get(`/api/models/${model.id}/timeline`).expect(200);
    const items = timeline.body.items as { type: string; summary: string; details: Record<string, unknown> }[];
    expect(items.map((i) => i.type)).toEqual([
      'status_change',
      'status_change',
      'alert_opened',
      'alert_opened',
      'status_change',
      // At one instant: the status change, then the alerts it resolved, then those it opened.
      'alert_resolved',
      'alert_resolved',
      'alert_opened',
    ]);
    expect(items[1]?.summary).toBe('healthy → down: 3 failures in a row: server_error');
    expect(items.filter((i) => i.type === 'alert_opened').map((i) => i.details['alert_type'])).toEqual([
      'model_down',
      'slo_burn',
      'model_recovered',
    ]);
  });

  it('the monthly report, as JSON and as CSV; a bad month is a 400 naming it', async () => {
    const month = FIXED_NOW.toISOString().slice(0, 7);
    const json = await request(t.server).get('/api/slo/report').query({ month }).expect(200);
    expect(json.body).toMatchObject({ month, from: `${month}-01T00:00:00.000Z` });
    const rows = json.body.rows as { objective: string; calls: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const csv = await request(t.server).get('/api/slo/report').query({ month, format: 'csv' }).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('month,model_id,model,objective,target,value,met,budget_left_percent,calls');
    expect(lines).toHaveLength(rows.length + 1);
    const byAccept = await request(t.server)
      .get('/api/slo/report')
      .query({ month })
      .set('Accept', 'text/csv')
      .expect(200);
    expect(byAccept.text).toBe(csv.text);
    expect(
      (await request(t.server).get('/api/slo/report').query({ month: '2026-13' }).expect(400)).body.message,
    ).toContain('month must be YYYY-MM');
    const empty = await request(t.server).get('/api/slo/report').query({ month: '2020-01' }).expect(200);
    expect((empty.body.rows as { calls: number }[]).every((r) => r.calls === 0)).toBe(true);
  });

  it('the timeline refuses more than 90 days and unknown models', async () => {
    await request(t.server).get('/api/models/1/timeline').query({ days: 91 }).expect(400);
    await request(t.server).get('/api/models/999999/timeline').expect(404);
  });
});
