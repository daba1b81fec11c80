// GET /api/alerts (filters, validation) and POST /api/alerts/:id/ack (admin, idempotent), plus the
// database's guard against a second open alert of the same type and subject.
import request from 'supertest';
import { AlertsRepository } from '../../src/alerts/alerts.repository.js';
import { DomainEventBus, type DcrsProgressEvent } from '../../src/events/domain-events.js';
import { newAdminKey } from '../factories/keys.js';
import { FIXED_NOW, fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';
import { listAlerts, settle } from './notification.helpers.js';

const ADMIN = newAdminKey();
const clock = fixedClock();
let t: TestApp;

const failed = (runId: number): DcrsProgressEvent => ({
  runId,
  date: '2026-02-01',
  phase: 'failed',
  completedTests: 0,
  totalTests: 0,
  currentModel: null,
  bestSoFar: null,
  error: 'boom',
});

beforeAll(async () => {
  t = await startTestApp({ clock, env: { ADMIN_API_KEY: ADMIN, ALERT_CHECK_INTERVAL_MS: '0' } });
  const bus = t.app.get(DomainEventBus);
  // One open condition and two notices, a minute apart.
  bus.publish('dcrs.progress', failed(1));
  await settle(t);
  clock.advance(60_000);
  const routing = {
    fallbacks: [],
    mode: 'auto' as const,
    updatedAt: clock.now(),
    dcrsRunId: null,
    reason: 'first run',
  };
  bus.publish('routing.changed', { ...routing, primary: 'A' });
  await settle(t);
  clock.advance(60_000);
  bus.publish('routing.changed', { ...routing, primary: 'B' });
  await settle(t);
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/alerts', () => {
  it('lists every alert newest first in the documented shape', async () => {
    const res = await request(t.server).get('/api/alerts').expect(200);
    expect(Object.keys(res.body)).toEqual(['alerts']);
    expect(res.body.alerts.map((a: { type: string }) => a.type)).toEqual([
      'routing_changed',
      'routing_changed',
      'dcrs_failed',
    ]);
    expect(res.body.alerts[2]).toEqual({
      id: expect.any(Number),
      type: 'dcrs_failed',
      severity: 'warning',
      subject: 'dcrs',
      message: 'DCRS run 1 (2026-02-01) failed: boom',
      created_at: FIXED_NOW.toISOString(),
      resolved_at: null,
      acknowledged_at: null,
    });
  });

  it('filters by active, type and limit', async () => {
    expect((await listAlerts(t, { active: 'true' })).map((a) => a.type)).toEqual(['dcrs_failed']);
    expect((await listAlerts(t, { active: 'false' })).map((a) => a.message)).toEqual([
      'Routing primary is now B (fallbacks: none): first run',
      'Routing primary is now A (fallbacks: none): first run',
    ]);
    expect(await listAlerts(t, { type: 'model_down' })).toEqual([]);
    expect((await listAlerts(t, { type: 'routing_changed', limit: '1' })).map((a) => a.message)).toEqual([
      'Routing primary is now B (fallbacks: none): first run',
    ]);
    expect(await listAlerts(t, { active: 'true', type: 'routing_changed' })).toEqual([]);
  });

  it.each([
    ['active=yes', 'active must be true or false'],
    ['active=', 'active must be true or false'],
    [
      'type=model_exploded',
      'type must be one of model_down, model_recovered, model_degraded, score_drop, dcrs_failed, routing_changed, cartridge_failed, cartridge_stale, cartridge_recovered, quality_regression, slo_burn, quota_low',
    ],
    ['limit=0', 'limit must be an integer from 1 to 1000'],
    ['limit=1001', 'limit must be an integer from 1 to 1000'],
    ['limit=abc', 'limit must be an integer from 1 to 1000'],
    ['severity=critical', 'property severity should not exist'],
  ])('?%s is a 400 naming the parameter', async (query, message) => {
    const res = await request(t.server).get(`/api/alerts?${query}`).expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message, request_id: expect.any(String) });
  });
});

describe('POST /api/alerts/:id/ack', () => {
  it('needs an admin key', async () => {
    const [alert] = await listAlerts(t, { active: 'true' });
    await request(t.server).post(`/api/alerts/${alert.id}/ack`).expect(401);
    await request(t.server).post(`/api/alerts/${alert.id}/ack`).set('X-API-Key', 'wrong-key-0123456789').expect(401);
    expect((await listAlerts(t, { active: 'true' }))[0].acknowledged_at).toBeNull();
  });

  it('acknowledges once: a second call answers the same alert with the first time, and the alert stays open', async () => {
    const [alert] = await listAlerts(t, { active: 'true' });
    const first = await request(t.server).post(`/api/alerts/${alert.id}/ack`).set('X-API-Key', ADMIN).expect(200);
    expect(first.body).toEqual({ ...alert, acknowledged_at: clock.now().toISOString() });
    clock.advance(60_000);
    const again = await request(t.server).post(`/api/alerts/${alert.id}/ack`).set('X-API-Key', ADMIN).expect(200);
    expect(again.body).toEqual(first.body);
    expect((await listAlerts(t, { active: 'true' }))[0]).toEqual(first.body);
  });

  it('answers 404 for an unknown alert and 400 for a malformed id', async () => {
    const missing = await request(t.server).post('/api/alerts/999999/ack').set('X-API-Key', ADMIN).expect(404);
    expect(missing.body.message).toBe('Alert 999999 not found');
    const bad = await request(t.server).post('/api/alerts/abc/ack').set('X-API-Key', ADMIN).expect(400);
    expect(bad.body.message).toBe('id must be a positive integer');
  });
});

describe('the open_key guard', () => {
  it('opening the same type and subject at the same moment from two writers keeps one open alert', async () => {
    const repository = t.app.get(AlertsRepository);
    const alert = {
      type: 'cartridge_failed' as const,
      severity: 'warning' as const,
      subject: 'Race',
      message: 'x',
      at: clock.now(),
    };
    const results = await Promise.all([
      repository.insertOpen(alert, 'cartridge_failed:Race'),
      repository.insertOpen(alert, 'cartridge_failed:Race'),
    ]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await listAlerts(t, { type: 'cartridge_failed' })).toHaveLength(1);
    // Once resolved, the key is free again.
    expect(await repository.resolveOpen('cartridge_failed:Race', clock.now())).not.toBeNull();
    expect(await repository.resolveOpen('cartridge_failed:Race', clock.now())).toBeNull();
    expect(await repository.insertOpen(alert, 'cartridge_failed:Race')).not.toBeNull();
  });
});
