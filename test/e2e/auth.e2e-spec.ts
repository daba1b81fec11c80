// Who may write: ADMIN_API_KEY (a comma-separated list, for rotation) as X-API-Key or Bearer; 401 with a
// plain message otherwise. Without a key: 403 in production, open (with a warning at start) elsewhere.
import request from 'supertest';
import { MetricEntity } from '../../src/metrics/metric.entity.js';
import { newAdminKey } from '../factories/keys.js';
import { countRows } from '../setup/rows.js';
import { CAPTURED_LOGS, startTestApp, type TestApp } from '../setup/test-app.js';

const UNAUTHORIZED = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'A valid admin API key is required (X-API-Key header or Authorization: Bearer)',
  request_id: expect.any(String),
};

/** Every write endpoint of the probing issue, for a model that exists. */
const WRITES: [string, (server: TestApp['server']) => request.Test][] = [
  ['POST /api/models', (s) => request(s).post('/api/models').send({ name: 'Written', api_type: 'openai' })],
  ['PATCH /api/models/:id', (s) => request(s).patch('/api/models/2').send({ name: 'Renamed' })],
  ['DELETE /api/models/:id', (s) => request(s).delete('/api/models/3?history=delete')],
  ['POST /api/models/:id/probe', (s) => request(s).post('/api/models/4/probe')],
  ['POST /api/models/:id/evaluate', (s) => request(s).post('/api/models/5/evaluate')],
];

/** Everything a refused write could have changed. */
async function snapshot(t: TestApp): Promise<string> {
  const models = await request(t.server).get('/api/models').expect(200);
  return JSON.stringify([models.body.models, await countRows(t.dataSource, MetricEntity)]);
}

/** Starts an app and returns it with the log lines written while it started. */
async function startWithLogs(env: Record<string, string>): Promise<[TestApp, string[]]> {
  const from = CAPTURED_LOGS.length;
  const t = await startTestApp({ env });
  return [t, CAPTURED_LOGS.slice(from)];
}

describe('with ADMIN_API_KEY set to two keys', () => {
  const [oldKey, newKey] = [newAdminKey(), newAdminKey()];
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { ADMIN_API_KEY: ` ${oldKey} , ${newKey} `, SIMULATE_PROVIDERS: 'true' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(WRITES)(
    '%s: 401 without a key, with a wrong key, a prefix of a key or another scheme; nothing written',
    async (_name, send) => {
      const before = await snapshot(t);
      for (const attempt of [
        send(t.server),
        send(t.server).set('X-API-Key', 'wrong-key-0123456789abcdef'),
        send(t.server).set('X-API-Key', newKey.slice(0, -1)),
        send(t.server).set('X-API-Key', `${newKey}x`),
        send(t.server).set('Authorization', `Bearer ${newKey.toUpperCase()}`),
        send(t.server).set('Authorization', `Basic ${Buffer.from(`admin:${newKey}`).toString('base64')}`),
        send(t.server).set('Authorization', newKey),
        send(t.server).set('X-API-Key', `${oldKey},${newKey}`),
      ]) {
        const res = await attempt.expect(401);
        expect(res.body).toEqual(UNAUTHORIZED);
      }
      expect(await snapshot(t)).toBe(before);
    },
  );

  it('accepts either key, as X-API-Key or as a Bearer token', async () => {
    const created = await request(t.server)
      .post('/api/models')
      .set('X-API-Key', oldKey)
      .send({ name: 'By old key', api_type: 'groq' })
      .expect(201);
    await request(t.server)
      .patch(`/api/models/${created.body.id}`)
      .set('Authorization', `Bearer ${newKey}`)
      .send({ name: 'By new key' })
      .expect(200);
    await request(t.server)
      .post(`/api/models/${created.body.id}/probe`)
      .set('authorization', `bearer ${oldKey}`)
      .expect(200);
    await request(t.server).post(`/api/models/${created.body.id}/evaluate`).set('X-API-Key', newKey).expect(200);
    await request(t.server)
      .delete(`/api/models/${created.body.id}?history=delete`)
      .set('X-API-Key', oldKey)
      .expect(204);
  });

  it('reads need no key', async () => {
    for (const path of ['/api/models', '/api/models/1', '/api/providers', '/api/metrics']) {
      await request(t.server).get(path).expect(200);
    }
  });

  it('a key shorter than 16 characters stops the app', async () => {
    await expect(startTestApp({ env: { ADMIN_API_KEY: `${newKey},short` } })).rejects.toThrow(
      'ADMIN_API_KEY entries must be at least 16 characters long',
    );
  });
});

describe('production without ADMIN_API_KEY', () => {
  let t: TestApp;
  let startLogs: string[];

  beforeAll(async () => {
    // Blank is unset: SEED_DEMO_DATA and SIMULATE_PROVIDERS take their production defaults (off).
    [t, startLogs] = await startWithLogs({ NODE_ENV: 'production', SEED_DEMO_DATA: '', SIMULATE_PROVIDERS: '' });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(WRITES)(
    '%s answers 403 saying how to enable writes, with or without a key; nothing written',
    async (_name, send) => {
      const before = await snapshot(t);
      for (const attempt of [send(t.server), send(t.server).set('X-API-Key', newAdminKey())]) {
        const res = await attempt.expect(403);
        expect(res.body).toEqual({
          statusCode: 403,
          error: 'Forbidden',
          message: 'Writes are disabled: set ADMIN_API_KEY to enable them',
          request_id: expect.any(String),
        });
      }
      expect(await snapshot(t)).toBe(before);
    },
  );

  it('logs a warning at start; reads work; the simulator and the demo data are off', async () => {
    const warnings = startLogs
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((l) => l.level === 40);
    expect(warnings.map((l) => l.msg)).toContain(
      'ADMIN_API_KEY is not set: every write endpoint answers 403 until it is',
    );
    const models = (await request(t.server).get('/api/models').expect(200)).body.models as { probe_mode: string }[];
    expect(models).toHaveLength(10);
    expect(new Set(models.map((m) => m.probe_mode))).toEqual(new Set(['off']));
    expect(await countRows(t.dataSource, MetricEntity)).toBe(0);
  });
});

describe('outside production without ADMIN_API_KEY', () => {
  let t: TestApp;
  let startLogs: string[];

  beforeAll(async () => {
    [t, startLogs] = await startWithLogs({ NODE_ENV: 'development', LOG_PRETTY: 'false', SIMULATE_PROVIDERS: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes are open, and a warning saying so was logged at start', async () => {
    const warnings = startLogs
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((l) => l.level === 40);
    expect(warnings.map((l) => l.msg)).toContain(
      'ADMIN_API_KEY is not set: write endpoints are OPEN (allowed outside production only)',
    );
    const created = await request(t.server)
      .post('/api/models')
      .send({ name: 'Open door', api_type: 'groq' })
      .expect(201);
    await request(t.server).post(`/api/models/${created.body.id}/probe`).expect(200);
    await request(t.server).delete(`/api/models/${created.body.id}?history=delete`).expect(204);
  });

  it('with a key configured there is no such warning', async () => {
    const [keyed, logs] = await startWithLogs({ ADMIN_API_KEY: newAdminKey() });
    await keyed.close();
    expect(logs.join('\n')).toContain('"level":30'); // the capture works
    expect(logs.join('\n')).not.toContain('ADMIN_API_KEY is not set');
  });
});
