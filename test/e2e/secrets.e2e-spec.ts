// The provider keys and the admin key never come back out: after probes that fail in every way (auth
// errors included), evaluations and refused requests, no log line (at debug level), no response body and
// no row of any table contains them. (Ingest keys and notification secrets: secrets-notifications.)
import { randomUUID } from 'node:crypto';
import { PinoLogger } from 'nestjs-pino';
import request from 'supertest';
import { ProbeService } from '../../src/probing/probe.service.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/fake-provider.server.js';
import { CAPTURED_LOGS, startTestApp, type TestApp } from '../setup/test-app.js';
import { writeSuiteFile } from '../factories/suites.js';
import { allRows, logLevels, placesOf } from './secrets.helpers.js';

const PROVIDER_KEY = `sk-test-${randomUUID()}`;
const REFUSED_KEY = `sk-test-${randomUUID()}`; // anthropic's: the fake does not accept it
const ADMIN = `admin-${randomUUID()}`;
const SECRETS = { PROVIDER_KEY, REFUSED_KEY, ADMIN };

const SUITE = JSON.stringify({
  name: 'secrets',
  cases: [
    { id: 'one', prompt: 'Say pong', assert: [{ type: 'icontains', value: 'pong' }] },
    { id: 'two', system: 'Be brief.', prompt: 'Say pong again', assert: [{ type: 'equals', value: 'pong' }] },
  ],
});

let fake: FakeProvider;
let t: TestApp;
let logsFrom: number;
const bodies: string[] = [];

beforeAll(async () => {
  fake = await startFakeProvider({ apiKey: PROVIDER_KEY, defaultText: 'pong' });
  logsFrom = CAPTURED_LOGS.length;
  t = await startTestApp({
    env: {
      ...fake.envFor(['openai', 'google']),
      ANTHROPIC_BASE_URL: fake.baseUrlFor('anthropic'),
      ANTHROPIC_API_KEY: REFUSED_KEY,
      ADMIN_API_KEY: ADMIN,
      LOG_LEVEL: 'debug',
      SIMULATE_PROVIDERS: 'false',
      PROVIDER_TIMEOUT_MS: '300',
      EVAL_SUITE_PATH: writeSuiteFile('suite.json', SUITE),
    },
  });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

/** Sends a request, keeps its response body for the final check, and checks its status. */
async function send(req: request.Test, status: number): Promise<request.Response> {
  const res = await req;
  bodies.push(res.text);
  expect([req.url, res.status]).toEqual([req.url, status]);
  return res;
}

const admin = (req: request.Test) => req.set('X-API-Key', ADMIN);

it('a morning of probes, failures, evaluations and refused requests', async () => {
  const failing = await send(
    admin(request(t.server).post('/api/models')).send({
      name: 'Failing',
      api_type: 'openai',
      provider_model: 'm-fail',
    }),
    201,
  );
  const good = await send(
    request(t.server)
      .post('/api/models')
      .set('Authorization', `Bearer ${ADMIN}`)
      .send({ name: 'Good', api_type: 'google', provider_model: 'm-good' }),
    201,
  );
  fake.script('m-fail', [
    { kind: 'server_error' },
    { kind: 'rate_limited', retryAfter: '0' },
    { kind: 'hang' },
    { kind: 'malformed' },
    { kind: 'http_error', status: 400, body: { error: { message: `bad request for key ${PROVIDER_KEY}` } } },
    { kind: 'http_error', status: 401 },
  ]);

  const probes = t.app.get(ProbeService);
  for (let round = 0; round < 6; round++) await probes.probeAll();
  const anthropic = (await send(request(t.server).get('/api/models'), 200)).body.models.find(
    (m: { name: string }) => m.name === 'Anthropic',
  );
  expect(anthropic.last_error_kind).toBe('auth');
  await send(admin(request(t.server).post(`/api/models/${anthropic.id}/probe`)), 200);
  await send(admin(request(t.server).post(`/api/models/${anthropic.id}/evaluate`)), 200);
  await send(admin(request(t.server).post(`/api/models/${good.body.id}/evaluate`)), 200);
  await send(admin(request(t.server).post(`/api/models/${failing.body.id}/evaluate`)), 200);

  // Refused and failed requests, some carrying a key where it does not belong.
  await send(request(t.server).post('/api/models').send({ name: 'No key', api_type: 'openai' }), 401);
  await send(
    request(t.server)
      .post('/api/models')
      .set('X-API-Key', PROVIDER_KEY)
      .send({ name: 'Wrong key', api_type: 'openai' }),
    401,
  );
  await send(
    request(t.server)
      .delete(`/api/models/${good.body.id}?history=keep`)
      .set('Authorization', `Bearer ${ADMIN.slice(0, -2)}`),
    401,
  );
  await send(
    admin(request(t.server).post('/api/models')).send({
      name: 'Creds',
      api_type: 'openai',
      base_url: `https://u:${PROVIDER_KEY}@api.openai.com/v1`,
    }),
    400,
  );
  await send(
    admin(request(t.server).post('/api/models')).send({
      name: 'Elsewhere',
      api_type: 'openai',
      base_url: 'https://evil.example.com/v1',
    }),
    400,
  );
  await send(admin(request(t.server).post('/api/models')).send({ name: 'Failing', api_type: 'openai' }), 409);
  await send(admin(request(t.server).post(`/api/models/${await idOf('Groq')}/probe`)), 422);
  await send(request(t.server).get('/api/models/99999'), 404);
  await send(request(t.server).get('/api/metrics?days=0'), 400);

  // Every read.
  await send(request(t.server).get('/'), 200);
  const models = (await send(request(t.server).get('/api/models'), 200)).body.models as { id: number }[];
  for (const { id } of models) {
    await send(request(t.server).get(`/api/models/${id}`), 200);
    await send(request(t.server).get(`/api/metrics?model_id=${id}&days=30`), 200);
  }
  await send(request(t.server).get('/api/providers'), 200);
  const metrics = await send(request(t.server).get('/api/metrics?days=365&limit=10000&resolution=raw'), 200);
  expect(metrics.body.metrics.length).toBeGreaterThan(20);
});

async function idOf(name: string): Promise<number> {
  const res = await request(t.server).get('/api/models');
  return (res.body.models as { id: number; name: string }[]).find((m) => m.name === name)!.id;
}

it('the keys were really used: the fake received them', () => {
  const sent = fake.requests.map((r) =>
    [r.headers.authorization, r.headers['x-api-key'], r.headers['x-goog-api-key']]
      .flat()
      .filter((h) => h !== undefined)
      .join(' '),
  );
  expect(sent.some((h) => h.includes(PROVIDER_KEY))).toBe(true);
  expect(sent.some((h) => h.includes(REFUSED_KEY))).toBe(true);
  expect(fake.requests.some((r) => r.wireFormat === 'google' && r.model === 'm-good')).toBe(true);
});

it('the scene was logged at debug level, headers redacted, and stored failures', async () => {
  const lines = t.logs.slice(logsFrom);
  expect(PinoLogger.root.isLevelEnabled('debug')).toBe(true);
  expect([...logLevels(lines)]).toEqual(expect.arrayContaining([30, 40]));
  expect(lines.some((line) => line.includes('"x-api-key":"[redacted]"'))).toBe(true);
  expect(lines.some((line) => line.includes('"authorization":"[redacted]"'))).toBe(true);
  expect(bodies.length).toBeGreaterThan(30);
  expect(JSON.stringify((await allRows(t.dataSource))['daily_metrics'])).toContain('"auth"');
});

it.each(Object.keys(SECRETS))('%s is in no response body, no log line and no row', async (name) => {
  const secret = SECRETS[name as keyof typeof SECRETS];
  const scene = { bodies, logs: t.logs.slice(logsFrom), dataSource: t.dataSource };
  expect(await placesOf(secret, scene)).toEqual({ responses: 0, logLines: 0, columns: [] });
});
