import request from 'supertest';
import { DcrsRunnerService } from '../../src/dcrs/dcrs-runner.service.js';
import type { DcrsProgressEvent, RoutingChangedEvent } from '../../src/events/domain-events.js';
import { recordEvents } from '../setup/domain-events.js';
import { FAKE_MODELS, startEvaluationEnv, type EvaluationEnv } from '../setup/evaluation-env.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { waitFor } from '../setup/waiting.js';

describe('DCRS run against a fake provider', () => {
  let evaluation: EvaluationEnv;
  let t: TestApp;
  let progress: DcrsProgressEvent[];
  let routingEvents: RoutingChangedEvent[];

  beforeAll(async () => {
    evaluation = await startEvaluationEnv();
    t = await startTestApp({ env: evaluation.env });
    progress = recordEvents(t.app, 'dcrs.progress');
    routingEvents = recordEvents(t.app, 'routing.changed');
  });
  afterAll(async () => {
    await t.close();
    await evaluation.close();
  });

  async function runToCompletion(): Promise<Record<string, unknown>> {
    const started = await request(t.server).post('/api/dcrs/run').expect(202);
    expect(started.body).toEqual({ run_id: expect.any(Number), status: 'running' });
    return waitFor('the run to finish', async () => {
      const res = await request(t.server).get(`/api/dcrs/runs/${started.body.run_id}`).expect(200);
      return res.body.status === 'running' ? undefined : (res.body as Record<string, unknown>);
    });
  }

  it('the first run scores every probe-able model, finds the best and sets the first primary', async () => {
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'alpha beta', delayMs: 150 });
    evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'answer', text: 'alpha' });
    evaluation.fake.script(FAKE_MODELS.Anthropic, { kind: 'answer', text: 'gamma' });
    evaluation.fake.script(FAKE_MODELS.Gemini, { kind: 'server_error' });

    const started = await request(t.server).post('/api/dcrs/run').expect(202);
    const conflict = await request(t.server).post('/api/dcrs/run').expect(409);
    expect(conflict.body.message).toBe('A DCRS run is already going');
    await t.app.get(DcrsRunnerService).idle();

    const run = (await request(t.server).get(`/api/dcrs/runs/${started.body.run_id}`).expect(200)).body;
    expect(run).toMatchObject({
      status: 'completed',
      trigger: 'manual',
      total_tests: 8,
      avg_score: 3.75,
      best_model: 'OpenAI',
      changes_applied: true,
      error: null,
    });
    const byModel = Object.fromEntries((run.results as { model: string; score: number }[]).map((r) => [r.model, r]));
    expect(Object.keys(byModel).sort()).toEqual(['Anthropic', 'Gemini', 'Groq', 'OpenAI']);
    expect(byModel['OpenAI']).toMatchObject({ score: 10, passed: 2, failed: 0, error_kinds: {} });
    expect(byModel['Groq']).toMatchObject({ score: 5, passed: 1, failed: 1 });
    expect(byModel['Gemini']).toMatchObject({ score: 0, error_kinds: { server_error: 2 }, p50_latency_ms: null });

    const status = await request(t.server).get('/api/dcrs/status').expect(200);
    expect(status.body).toMatchObject({
      id: started.body.run_id,
      best_model: 'OpenAI',
      avg_score: 3.75,
      total_tests: 8,
    });

    const routing = await request(t.server).get('/api/routing').expect(200);
    expect(routing.body).toMatchObject({
      primary: 'OpenAI',
      fallbacks: ['Groq', 'Anthropic', 'Gemini'],
      mode: 'auto',
      dcrs_run_id: started.body.run_id,
    });
    const models = await request(t.server).get('/api/models').expect(200);
    const openai = models.body.models.find((m: { name: string }) => m.name === 'OpenAI');
    expect(openai.last_score).toBe(10);
    // The routing.changed fact is the decision GET /api/routing now shows.
    expect(routingEvents).toEqual([
      {
        primary: routing.body.primary,
        fallbacks: routing.body.fallbacks,
        mode: routing.body.mode,
        updatedAt: new Date(routing.body.updated_at),
        dcrsRunId: routing.body.dcrs_run_id,
        reason: routing.body.reason,
      },
    ]);

    const phases = progress.filter((p) => p.runId === started.body.run_id).map((p) => p.phase);
    expect(phases[0]).toBe('started');
    expect(phases.filter((p) => p === 'model_done')).toHaveLength(4);
    expect(phases.at(-1)).toBe('completed');
    expect(progress.at(-1)).toMatchObject({ completedTests: 8, totalTests: 8 });
  });

  it('a new best within the margin leaves the primary alone', async () => {
    evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'answer', text: 'alpha beta' });
    const run = await runToCompletion();
    expect(run).toMatchObject({ status: 'completed', changes_applied: false });
    const routing = await request(t.server).get('/api/routing').expect(200);
    expect(routing.body.primary).toBe('OpenAI');
    expect(routingEvents).toHaveLength(1);
  });

  it('a new best beyond the margin takes over, and the history records both changes with their runs', async () => {
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'gamma' });
    const run = await runToCompletion();
    expect(run).toMatchObject({ status: 'completed', changes_applied: true, best_model: 'Groq' });
    const routing = await request(t.server).get('/api/routing').expect(200);
    expect(routing.body).toMatchObject({ primary: 'Groq', dcrs_run_id: run['id'] });
    const history = await request(t.server).get('/api/routing/history').expect(200);
    expect(
      history.body.changes.map((c: { primary: string; previous_primary: string | null }) => [
        c.previous_primary,
        c.primary,
      ]),
    ).toEqual([
      ['OpenAI', 'Groq'],
      [null, 'OpenAI'],
    ]);
    expect(history.body.changes[0]).toMatchObject({ applied: true, dcrs_run_id: run['id'] });
    expect(routingEvents.map((e) => e.primary)).toEqual(['OpenAI', 'Groq']);
  });

  it('GET /api/dcrs/runs/:id answers 404 for an unknown run and 400 for a bad id', async () => {
    await request(t.server).get('/api/dcrs/runs/9999').expect(404);
    const bad = await request(t.server).get('/api/dcrs/runs/abc').expect(400);
    expect(bad.body.message).toBe('id must be a positive integer');
  });

  it('two POSTs at the same instant: the database lets one run through (202) and refuses the other (409)', async () => {
    const [a, b] = await Promise.all([
      request(t.server).post('/api/dcrs/run'),
      request(t.server).post('/api/dcrs/run'),
    ]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.message).toBe('A DCRS run is already going');
    await t.app.get(DcrsRunnerService).idle();
    const history = await request(t.server).get('/api/dcrs/history?days=30').expect(200);
    expect(history.body.history.filter((run: { status: string }) => run.status === 'running')).toEqual([]);
  });
});
