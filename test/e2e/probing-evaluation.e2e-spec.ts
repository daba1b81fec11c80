// POST /api/models/:id/evaluate with a suite from EVAL_SUITE_PATH (YAML here): every case through the fake
// provider, scored by the rules (case = passed weight / total weight; model = 10 x mean, one decimal),
// one `manual` row per case, and the model's last_score.
import request from 'supertest';
import { ProbeService } from '../../src/probing/probe.service.js';
import { newAdminKey, newProviderKey } from '../factories/keys.js';
import { writeSuiteFile } from '../factories/suites.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/fake-provider.server.js';
import { metricRows } from '../setup/rows.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { createModel, modelDetail } from './probing.helpers.js';

const ADMIN = newAdminKey();

const SUITE_YAML = `
name: e2e suite
cases:
  - id: arithmetic
    system: Answer with a number only.
    prompt: What is 2 + 2?
    max_tokens: 16
    assert:
      - type: equals
        value: "4"
        weight: 2
      - type: contains
        value: "4"
  - id: capital
    prompt: What is the capital of France?
    assert:
      - type: icontains
        value: paris
      - type: regex
        value: "^The"
        weight: 2
  - id: json
    prompt: Give me a JSON object.
    assert:
      - type: is-json
      - type: contains
        value: ok
  - id: broken
    prompt: This one fails.
    assert:
      - type: contains
        value: anything
`;

let fake: FakeProvider;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeProvider({ apiKey: newProviderKey(), defaultText: 'pong' });
  t = await startTestApp({
    env: {
      ...fake.envFor(['openai']),
      SIMULATE_PROVIDERS: 'true',
      ADMIN_API_KEY: ADMIN,
      EVAL_SUITE_PATH: writeSuiteFile('suite.yaml', SUITE_YAML),
    },
  });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});
afterEach(() => fake.reset());

const evaluate = (id: number) => request(t.server).post(`/api/models/${id}/evaluate`).set('X-API-Key', ADMIN);

it('scores each case by weight and the model as 10 x the mean, writes a manual row per case and updates last_score', async () => {
  const model = await createModel(t, ADMIN, { name: 'Examinee', api_type: 'openai', provider_model: 'm-examinee' });
  fake.script('m-examinee', [
    { kind: 'answer', text: ' 4 ' }, // equals (2) and contains (1): 3 of 3
    { kind: 'answer', text: 'paris is the capital.' }, // icontains (1), not ^The (2): 1 of 3
    { kind: 'answer', text: '{"a": 1}' }, // is-json (1), no "ok" (1): 1 of 2
    { kind: 'server_error' }, // 0
  ]);

  const res = await evaluate(model.id).expect(200);
  // mean of 1, 1/3, 1/2 and 0 is 0.4583: 4.6
  expect(res.body).toMatchObject({
    model: 'Examinee',
    probe_mode: 'live',
    score: 4.6,
    passed: 1,
    failed: 3,
    error_kinds: { server_error: 1 },
  });
  expect(
    res.body.cases.map((c: Record<string, unknown>) => [c.case_id, c.passed_weight, c.total_weight, c.error_kind]),
  ).toEqual([
    ['arithmetic', 3, 3, null],
    ['capital', 1, 3, null],
    ['json', 1, 2, null],
    ['broken', 0, 1, 'server_error'],
  ]);
  const scores = res.body.cases.map((c: { score: number }) => c.score);
  expect(scores[0]).toBe(1);
  expect(scores[1]).toBeCloseTo(1 / 3, 10);
  expect(scores[2]).toBe(0.5);
  expect(scores[3]).toBe(0);

  // Each case went to the provider as written in the suite, in order.
  expect(fake.requests.map((r) => (r.body as { messages: { role: string; content: string }[] }).messages)).toEqual([
    [
      { role: 'system', content: 'Answer with a number only.' },
      { role: 'user', content: 'What is 2 + 2?' },
    ],
    [{ role: 'user', content: 'What is the capital of France?' }],
    [{ role: 'user', content: 'Give me a JSON object.' }],
    [{ role: 'user', content: 'This one fails.' }],
  ]);
  expect((fake.requests[0].body as Record<string, unknown>).max_completion_tokens).toBe(16);
  expect((fake.requests[1].body as Record<string, unknown>).max_completion_tokens).toBe(256);

  const rows = await metricRows(t.dataSource, model.id);
  expect(rows.map((r) => [r.kind, r.caseId, r.score, r.success, r.errorKind, r.runId])).toEqual([
    ['manual', 'arithmetic', 10, true, null, null],
    ['manual', 'capital', 3.3, true, null, null],
    ['manual', 'json', 5, true, null, null],
    ['manual', 'broken', 0, false, 'server_error', null],
  ]);
  expect(await modelDetail(t, model.id)).toMatchObject({ last_score: 4.6 });
  const listed = (await request(t.server).get('/api/models').expect(200)).body.models.find(
    (m: { id: number }) => m.id === model.id,
  );
  expect(listed.last_score).toBe(4.6);
});

it('a second evaluation replaces last_score with its own result', async () => {
  const model = await createModel(t, ADMIN, { name: 'Improver', api_type: 'openai', provider_model: 'm-improver' });
  fake.script('m-improver', { kind: 'server_error' });
  expect((await evaluate(model.id).expect(200)).body.score).toBe(0);
  fake.script('m-improver', [
    { kind: 'answer', text: '4' },
    { kind: 'answer', text: 'The capital is Paris.' },
    { kind: 'answer', text: '```json\n{"status": "ok"}\n```' },
    { kind: 'answer', text: 'anything at all' },
  ]);
  expect((await evaluate(model.id).expect(200)).body).toMatchObject({
    score: 10,
    passed: 4,
    failed: 0,
    error_kinds: {},
  });
  expect((await modelDetail(t, model.id)).last_score).toBe(10);
  expect((await metricRows(t.dataSource, model.id)).length).toBe(8);
});

it('a 429 during an evaluation: the remaining cases are not sent, and probe rounds respect its Retry-After', async () => {
  const model = await createModel(t, ADMIN, { name: 'Throttled', api_type: 'openai', provider_model: 'm-throttled' });
  fake.script('m-throttled', [{ kind: 'rate_limited', retryAfter: '120' }]);
  const res = await evaluate(model.id).expect(200);
  expect(res.body).toMatchObject({ score: 0, error_kinds: { rate_limited: 4 } });
  expect(fake.callsTo('m-throttled')).toBe(1);

  await t.app.get(ProbeService).probeAll();
  expect(fake.callsTo('m-throttled')).toBe(1);
  expect((await metricRows(t.dataSource, model.id)).map((r) => [r.kind, r.errorKind])).toEqual(
    Array.from({ length: 4 }, () => ['manual', 'rate_limited']),
  );
});

it('a simulated model is evaluated without a provider call; its rows say simulated', async () => {
  const simulated = await createModel(t, ADMIN, { name: 'Simulated', api_type: 'mistral' });
  expect(simulated.probe_mode).toBe('simulated');
  const res = await evaluate(simulated.id).expect(200);
  expect(res.body).toMatchObject({ model: 'Simulated', probe_mode: 'simulated' });
  expect(res.body.cases.map((c: { case_id: string }) => c.case_id)).toEqual([
    'arithmetic',
    'capital',
    'json',
    'broken',
  ]);
  expect(fake.requests).toHaveLength(0);

  const rows = await metricRows(t.dataSource, simulated.id);
  expect(rows.map((r) => [r.kind, r.caseId])).toEqual([
    ['simulated', 'arithmetic'],
    ['simulated', 'capital'],
    ['simulated', 'json'],
    ['simulated', 'broken'],
  ]);
  expect((await modelDetail(t, simulated.id)).last_score).toBe(res.body.score);
});

it('needs the admin key, and writes nothing without it', async () => {
  const model = await createModel(t, ADMIN, { name: 'Guarded', api_type: 'openai', provider_model: 'm-guarded' });
  await request(t.server).post(`/api/models/${model.id}/evaluate`).expect(401);
  await request(t.server)
    .post(`/api/models/${model.id}/evaluate`)
    .set('X-API-Key', 'not-the-admin-key-at-all')
    .expect(401);
  expect(fake.requests).toHaveLength(0);
  expect(await metricRows(t.dataSource, model.id)).toEqual([]);
  expect((await modelDetail(t, model.id)).last_score).toBe(0);
});
