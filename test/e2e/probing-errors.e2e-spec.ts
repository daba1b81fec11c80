// Provider failures end to end: the fake answers 500, 429 with Retry-After, hangs past PROVIDER_TIMEOUT_MS,
// sends a malformed stream, rejects a wrong key, or nothing listens; each shows up as the model's
// last_error_kind and as a failed daily_metrics row. A 429's Retry-After is honoured.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { FixedClock } from '../../src/common/clock.js';
import { ProbeService } from '../../src/probing/probe.service.js';
import {
  refusedUrl,
  startFakeProvider,
  type FakeBehaviour,
  type FakeProvider,
} from '../fake-provider/fake-provider.server.js';
import { fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';
import { newAdminKey } from '../factories/keys.js';
import { metricRows } from '../setup/rows.js';
import { createModel, modelDetail, probeNow } from './probing.helpers.js';

const ADMIN = newAdminKey();
// Long enough that a loaded machine still sends every request before its deadline (at 300 ms a busy
// event loop sometimes gave a call up before it reached the fake: 0 requests, stored as a timeout).
const TIMEOUT_MS = 2000;

let fake: FakeProvider;
let refused: string;
let clock: FixedClock;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeProvider({ apiKey: `sk-test-${randomUUID()}`, defaultText: 'pong' });
  refused = await refusedUrl();
  clock = fixedClock();
  t = await startTestApp({
    clock,
    env: {
      ...fake.envFor(['openai']),
      // groq speaks the same format; pointed at the fake with a key the fake refuses
      GROQ_BASE_URL: fake.baseUrlFor('openai'),
      GROQ_API_KEY: `sk-wrong-${randomUUID()}`,
      SIMULATE_PROVIDERS: 'false',
      PROVIDER_TIMEOUT_MS: String(TIMEOUT_MS),
      PROVIDER_ALLOWED_HOSTS: new URL(refused).host,
      ADMIN_API_KEY: ADMIN,
    },
  });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});
afterEach(() => fake.reset());

const requestsFor = (providerModel: string): number => fake.requests.filter((r) => r.model === providerModel).length;
const providerModelOf = (caseName: string): string => `m-${caseName.replace(/ /g, '-')}`;

describe('error classification', () => {
  const cases: [string, FakeBehaviour | null, string][] = [
    ['server error', { kind: 'server_error' }, 'server_error'],
    ['bad gateway', { kind: 'server_error', status: 502 }, 'server_error'],
    ['hang', { kind: 'hang' }, 'timeout'],
    ['malformed', { kind: 'malformed' }, 'bad_response'],
    ['empty', { kind: 'empty' }, 'bad_response'],
    ['unknown model id', { kind: 'http_error', status: 404 }, 'bad_response'],
    ['rate limited', { kind: 'rate_limited', retryAfter: '5' }, 'rate_limited'],
  ];

  it('every failure is stored with its kind, on the model and in a failed metrics row, after one round', async () => {
    const ids: Record<string, number> = {};
    for (const [name, behaviour] of cases) {
      const providerModel = providerModelOf(name);
      if (behaviour) fake.script(providerModel, behaviour);
      ids[name] = (await createModel(t, ADMIN, { name, api_type: 'openai', provider_model: providerModel })).id;
    }
    ids['wrong key'] = (
      await createModel(t, ADMIN, { name: 'wrong key', api_type: 'groq', provider_model: 'm-groq' })
    ).id;
    ids['nothing listening'] = (
      await createModel(t, ADMIN, { name: 'nothing listening', api_type: 'openai', base_url: `${refused}/v1` })
    ).id;

    await t.app.get(ProbeService).probeAll();
    // One request per model, none retried by an SDK; the hanging one given up by the app, not by the fake.
    for (const model of [...cases.map(([name]) => providerModelOf(name)), 'm-groq']) {
      expect([model, requestsFor(model)]).toEqual([model, 1]);
    }
    // A later request to the fake: by the time it is recorded, the close of a connection the app gave up
    // at its deadline has been seen.
    await (await fetch(`${fake.url}/marker`)).arrayBuffer();
    expect(fake.requests.filter((r) => r.model === providerModelOf('hang')).map((r) => r.abandoned)).toEqual([true]);

    const expected = [
      ...cases.map(([name, , kind]) => [name, kind]),
      ['wrong key', 'auth'],
      ['nothing listening', 'network'],
    ];
    for (const [name, kind] of expected) {
      const id = ids[name];
      expect([name, (await modelDetail(t, id)).last_error_kind]).toEqual([name, kind]);
      const rows = await metricRows(t.dataSource, id);
      expect([
        name,
        rows.map((r) => [r.kind, r.success, r.errorKind, r.score, r.ttftMs, r.tokensPerSecond, r.outputTokens]),
      ]).toEqual([name, [['probe', false, kind, 0, null, null, null]]]);
    }
    const hang = (await metricRows(t.dataSource, ids['hang']))[0];
    expect(hang.responseTime).toBeGreaterThanOrEqual(TIMEOUT_MS - 10);
    // The wrong key reached the fake, which refused it: an auth error counts as down.
    expect(fake.requests.some((r) => r.model === 'm-groq')).toBe(true);
    expect((await modelDetail(t, ids['wrong key'])).uptime_percent).toBe(0);
    // A rate-limited probe says nothing about health: no uptime yet, status still unknown.
    expect(await modelDetail(t, ids['rate limited'])).toMatchObject({ status: 'unknown', uptime: { last_24h: null } });
  });

  it('a 500 from the seed OpenAI model: last_error_kind is set, and cleared by the next success', async () => {
    const id = (await request(t.server).get('/api/models').expect(200)).body.models.find(
      (m: { name: string }) => m.name === 'OpenAI',
    ).id;
    fake.script('gpt-4o-mini', [{ kind: 'server_error' }]);
    // (status is not checked: one failure does not make a healthy model down, see probing-state)
    expect((await probeNow(t, ADMIN, id).expect(200)).body.last_error_kind).toBe('server_error');
    expect((await probeNow(t, ADMIN, id).expect(200)).body.last_error_kind).toBeNull();
  });
});

describe('429 with Retry-After', () => {
  it('the model is not called again before Retry-After has passed, then is', async () => {
    const limited = await createModel(t, ADMIN, { name: 'Limited', api_type: 'openai', provider_model: 'm-limited' });
    const neighbour = await createModel(t, ADMIN, {
      name: 'Neighbour',
      api_type: 'openai',
      provider_model: 'm-neighbour',
    });
    fake.script('m-limited', [{ kind: 'rate_limited', retryAfter: '120' }]);
    const probes = t.app.get(ProbeService);

    await probes.probeAll();
    expect(requestsFor('m-limited')).toBe(1);
    await probes.probeAll();
    expect(requestsFor('m-limited')).toBe(1);
    expect(requestsFor('m-neighbour')).toBe(2);

    // By hand neither: the endpoints answer 429 without calling the provider.
    const probe = await probeNow(t, ADMIN, limited.id).expect(429);
    expect(probe.body.message).toMatch(/^Model "Limited" is rate limited by its provider until \d{4}-/);
    await request(t.server).post(`/api/models/${limited.id}/evaluate`).set('X-API-Key', ADMIN).expect(429);
    expect(requestsFor('m-limited')).toBe(1);

    const rows = await metricRows(t.dataSource, limited.id);
    expect(rows.map((r) => [r.success, r.errorKind])).toEqual([[false, 'rate_limited']]);
    expect(await modelDetail(t, limited.id)).toMatchObject({ last_error_kind: 'rate_limited', status: 'unknown' });

    clock.advance(119_000);
    await probes.probeAll();
    expect(requestsFor('m-limited')).toBe(1);

    clock.advance(2_000);
    await probes.probeAll();
    expect(requestsFor('m-limited')).toBe(2);
    expect(await modelDetail(t, limited.id)).toMatchObject({ last_error_kind: null, uptime_percent: 100 });
    expect((await metricRows(t.dataSource, neighbour.id)).length).toBe(4);
  });
});
