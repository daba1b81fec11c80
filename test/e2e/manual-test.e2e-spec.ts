import request from 'supertest';
import type { ManualTestFinishedEvent } from '../../src/events/domain-events.js';
import { MetricEntity } from '../../src/metrics/metric.entity.js';
import { ManualTestService } from '../../src/manual-test/manual-test.service.js';
import { recordEvents } from '../setup/domain-events.js';
import { FAKE_MODELS, startEvaluationEnv, type EvaluationEnv } from '../setup/evaluation-env.js';
import { countRows } from '../setup/rows.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { waitFor } from '../setup/waiting.js';

describe('manual tests (the seed POST /api/manual-test)', () => {
  let evaluation: EvaluationEnv;
  let t: TestApp;
  let finished: ManualTestFinishedEvent[];

  beforeAll(async () => {
    evaluation = await startEvaluationEnv();
    t = await startTestApp({ env: { ...evaluation.env, MANUAL_TEST_QUEUE_MAX: '1' } });
    finished = recordEvents(t.app, 'manual_test.finished');
  });
  afterAll(async () => {
    await t.close();
    await evaluation.close();
  });
  beforeEach(() => {
    evaluation.fake.reset();
  });

  it('the seed request works as written and is tracked from testing to completed', async () => {
    evaluation.fake.script(FAKE_MODELS.Gemini, { kind: 'answer', text: 'alpha beta' });
    evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'answer', text: 'alpha' });
    const accepted = await request(t.server)
      .post('/api/manual-test')
      .send({ models: ['Gemini', 'Groq'] })
      .expect(202);
    expect(accepted.body).toEqual({
      status: 'testing',
      models: ['Gemini', 'Groq'],
      start_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      run_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const done = await waitFor('the manual test to complete', async () => {
      const res = await request(t.server).get(`/api/manual-test/${accepted.body.run_id}`).expect(200);
      return res.body.status === 'completed' ? res.body : undefined;
    });
    expect(done).toMatchObject({ run_id: accepted.body.run_id, models: ['Gemini', 'Groq'], error: null });
    expect(done.end_time).not.toBeNull();
    expect(done.results).toEqual([
      { model: 'Gemini', score: 10, response_time: expect.any(Number), passed: 2, failed: 0, error: null },
      { model: 'Groq', score: 5, response_time: expect.any(Number), passed: 1, failed: 1, error: null },
    ]);
    expect(finished.map((e) => e.runId)).toContain(accepted.body.run_id);
    const models = await request(t.server).get('/api/models').expect(200);
    expect(models.body.models.find((m: { name: string }) => m.name === 'Groq').last_score).toBe(5);
    const rows = await countRows(t.dataSource, MetricEntity, {
      kind: 'manual',
      runId: `manual-${accepted.body.run_id}`,
    });
    expect(rows).toBe(4);
  });

  it('duplicates are dropped, errors are summarised, and omitting models tests every probe-able model', async () => {
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'server_error' });
    const one = await request(t.server)
      .post('/api/manual-test')
      .send({ models: ['OpenAI', 'OpenAI'] })
      .expect(202);
    expect(one.body.models).toEqual(['OpenAI']);
    await t.app.get(ManualTestService).idle();
    const run = await request(t.server).get(`/api/manual-test/${one.body.run_id}`).expect(200);
    expect(run.body.results).toEqual([
      { model: 'OpenAI', score: 0, response_time: null, passed: 0, failed: 2, error: 'server_error x2' },
    ]);

    const all = await request(t.server).post('/api/manual-test').send({}).expect(202);
    expect([...all.body.models].sort()).toEqual(['Anthropic', 'Gemini', 'Groq', 'OpenAI']);
    await t.app.get(ManualTestService).idle();
    const empty = await request(t.server).post('/api/manual-test').send({ models: [] }).expect(202);
    expect(empty.body.models).toHaveLength(4);
    await t.app.get(ManualTestService).idle();
  });

  it('an unknown name is a 400 naming it; a model that cannot be probed is a 422 naming it; nothing is recorded', async () => {
    const before = (await request(t.server).get('/api/manual-test').expect(200)).body.runs.length;
    const unknown = await request(t.server)
      .post('/api/manual-test')
      .send({ models: ['Gemini', 'Nope-9'] })
      .expect(400);
    expect(unknown.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Unknown model(s) in models: Nope-9',
      request_id: expect.any(String),
    });
    const off = await request(t.server)
      .post('/api/manual-test')
      .send({ models: ['Mistral'] })
      .expect(422);
    expect(off.body.message).toContain('Mistral');
    const bad = await request(t.server).post('/api/manual-test').send({ models: 'Gemini' }).expect(400);
    expect(bad.body.message).toBe('models must be an array of model names');
    const extra = await request(t.server).post('/api/manual-test').send({ models: [], force: true }).expect(400);
    expect(extra.body.message).toBe('property force should not exist');
    expect((await request(t.server).get('/api/manual-test').expect(200)).body.runs).toHaveLength(before);
  });

  it('one run at a time: the next waits in the queue, and a full queue answers 429', async () => {
    evaluation.fake.script(FAKE_MODELS.Anthropic, { kind: 'answer', text: 'alpha', delayMs: 200 });
    const first = await request(t.server)
      .post('/api/manual-test')
      .send({ models: ['Anthropic'] })
      .expect(202);
    const second = await request(t.server)
      .post('/api/manual-test')
      .send({ models: ['Anthropic'] })
      .expect(202);
    expect(first.body.status).toBe('testing');
    expect(second.body).toMatchObject({ status: 'queued', queue_position: 1, start_time: null });
    const full = await request(t.server)
      .post('/api/manual-test')
      .send({ models: ['Anthropic'] })
      .expect(429);
    expect(full.body).toMatchObject({ statusCode: 429, queue_max: 1 });
    const queued = await request(t.server).get(`/api/manual-test/${second.body.run_id}`).expect(200);
    expect(queued.body.status).toBe('queued');
    await t.app.get(ManualTestService).idle();
    const after = await request(t.server).get(`/api/manual-test/${second.body.run_id}`).expect(200);
    expect(after.body).toMatchObject({
      status: 'completed',
      results: [expect.objectContaining({ model: 'Anthropic', score: 5 })],
    });
  });

  it('requests arriving together share the limit: one testing, one queued, the rest 429', async () => {
    evaluation.fake.script(FAKE_MODELS.Anthropic, { kind: 'answer', text: 'alpha', delayMs: 200 });
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        request(t.server)
          .post('/api/manual-test')
          .send({ models: ['Anthropic'] }),
      ),
    );
    const outcomes = responses.map((r) => (r.status === 202 ? `${r.body.status}` : String(r.status))).sort();
    expect(outcomes).toEqual(['429', '429', '429', 'queued', 'testing']);
    expect(responses.find((r) => r.body.status === 'queued')!.body.queue_position).toBe(1);
    await t.app.get(ManualTestService).idle();
    for (const accepted of responses.filter((r) => r.status === 202)) {
      const run = await request(t.server).get(`/api/manual-test/${accepted.body.run_id}`).expect(200);
      expect(run.body.status).toBe('completed');
    }
  });

  it('GET /api/manual-test/:run_id: 400 for a malformed id, 404 for an unknown one', async () => {
    const bad = await request(t.server).get('/api/manual-test/not-a-uuid').expect(400);
    expect(bad.body.message).toBe('run_id must be a UUID');
    await request(t.server).get('/api/manual-test/3f1c7a52-8d1e-4b7a-9f3e-2a6b1c0d9e8f').expect(404);
  });
});
