// The built-in runner against the fake provider: the check set on the routing primary, falling back
// along the routing order (or depends_on) when a call fails; 422 when it cannot run; the cron tick.
import { SchedulerRegistry } from '@nestjs/schedule';
import request from 'supertest';
import { CartridgeExecutionEntity } from '../../src/cartridges/cartridge-execution.entity.js';
import { CartridgeRunnerService, INTERRUPTED_SUMMARY } from '../../src/cartridges/cartridge-runner.service.js';
import { cartridgeJobName } from '../../src/cartridges/cartridge.scheduler.js';
import type { CartridgeResultEvent } from '../../src/events/domain-events.js';
import { setRouting } from '../factories/fixtures.js';
import { newAdminKey } from '../factories/keys.js';
import { ALPHA_BETA_CASES } from '../factories/suites.js';
import { recordEvents } from '../setup/domain-events.js';
import { FAKE_MODELS, startEvaluationEnv, type EvaluationEnv } from '../setup/evaluation-env.js';
import { cartridgeId } from '../setup/rows.js';
import { waitFor } from '../setup/waiting.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { createCartridge } from './cartridges.helpers.js';

const ADMIN = newAdminKey();

describe('the built-in runner', () => {
  let evaluation: EvaluationEnv;
  let t: TestApp;
  let results: CartridgeResultEvent[];
  let counter = 0;

  beforeAll(async () => {
    evaluation = await startEvaluationEnv();
    t = await startTestApp({ env: { ...evaluation.env, ADMIN_API_KEY: ADMIN } });
    results = recordEvents(t.app, 'cartridge.result');
  });
  afterAll(async () => {
    await t.close();
    await evaluation.close();
  });
  beforeEach(async () => {
    evaluation.fake.reset();
    results.length = 0;
    await setRouting(t.dataSource, 'OpenAI', ['Groq', 'Anthropic']);
  });

  /** A new cartridge with the alpha/beta check set; returns its name. */
  const newCartridge = async (extra: Record<string, unknown> = {}): Promise<string> => {
    const name = `Runner-${++counter}`;
    await createCartridge(t, ADMIN, { name, check_set: ALPHA_BETA_CASES, ...extra });
    return name;
  };
  const run = (name: string) => request(t.server).post(`/api/cartridges/${name}/run`).set('X-API-Key', ADMIN);
  /** POST run, wait for the background run, and return the finished execution with its output. */
  const runToEnd = async (name: string): Promise<Record<string, unknown>> => {
    const accepted = await run(name).expect(202);
    await t.app.get(CartridgeRunnerService).idle();
    return (await request(t.server).get(`/api/cartridges/${name}/results/${accepted.body.id}`).expect(200)).body;
  };

  it('runs the check set on the routing primary: 202 running, then success with the model used and a summary', async () => {
    const name = await newCartridge();
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'alpha beta' });
    const accepted = await run(name).expect(202);
    expect(accepted.body).toEqual({
      id: expect.any(Number),
      status: 'running',
      started_at: expect.any(String),
      finished_at: null,
      duration_ms: null,
      summary: null,
      source: 'runner',
      model_used: null,
    });
    await t.app.get(CartridgeRunnerService).idle();
    const done = await request(t.server).get(`/api/cartridges/${name}/results/${accepted.body.id}`).expect(200);
    expect(done.body).toEqual({
      id: accepted.body.id,
      status: 'success',
      started_at: accepted.body.started_at,
      finished_at: expect.any(String),
      duration_ms: expect.any(Number),
      summary: '2/2 checks passed on OpenAI',
      source: 'runner',
      model_used: 'OpenAI',
      output: {
        model_used: 'OpenAI',
        fell_back_from: [],
        checks: [
          { id: 'alpha', passed: true, score: 1, latency_ms: expect.any(Number) },
          { id: 'beta', passed: true, score: 1, latency_ms: expect.any(Number) },
        ],
      },
    });
    expect(evaluation.fake.callsTo(FAKE_MODELS.OpenAI)).toBe(2);
    expect(evaluation.fake.callsTo(FAKE_MODELS.Groq)).toBe(0);
    expect(results).toEqual([
      {
        cartridge: name,
        execution: expect.objectContaining({
          id: accepted.body.id,
          status: 'success',
          summary: '2/2 checks passed on OpenAI',
        }),
        successRate: 100,
      },
    ]);
    const listed = (await request(t.server).get('/api/cartridges').expect(200)).body.cartridges.find(
      (c: { name: string }) => c.name === name,
    );
    expect(listed).toMatchObject({ status: 'healthy', success_rate: 100, last_execution: accepted.body.started_at });
  });

  it('the primary fails: the whole check set moves to the next model, which is the model used', async () => {
    const name = await newCartridge();
    evaluation.fake.script(FAKE_MODELS.OpenAI, [{ kind: 'answer', text: 'alpha beta' }, { kind: 'server_error' }]);
    evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'answer', text: 'alpha beta' });
    const done = await runToEnd(name);
    expect(done).toMatchObject({
      status: 'success',
      model_used: 'Groq',
      summary: '2/2 checks passed on Groq (fell back from OpenAI: server_error)',
      output: { model_used: 'Groq', fell_back_from: [{ model: 'OpenAI', reason: 'server_error' }] },
    });
    expect(evaluation.fake.callsTo(FAKE_MODELS.OpenAI)).toBe(2);
    expect(evaluation.fake.callsTo(FAKE_MODELS.Groq)).toBe(2);
    expect(results.map((e) => e.execution.status)).toEqual(['success']);
  });

  it('a wrong answer fails the execution without falling back', async () => {
    const name = await newCartridge();
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'alpha' });
    const done = await runToEnd(name);
    expect(done).toMatchObject({
      status: 'failure',
      model_used: 'OpenAI',
      summary: '1/2 checks passed on OpenAI; failed: beta',
    });
    expect(evaluation.fake.callsTo(FAKE_MODELS.Groq)).toBe(0);
  });

  it('no model answers: a failure naming each model and why', async () => {
    const name = await newCartridge();
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'server_error' });
    evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'rate_limited', retryAfter: '1' });
    evaluation.fake.script(FAKE_MODELS.Anthropic, { kind: 'http_error', status: 401 });
    const done = await runToEnd(name);
    expect(done).toMatchObject({
      status: 'failure',
      model_used: null,
      summary: 'No model answered the checks (OpenAI: server_error, Groq: rate_limited, Anthropic: auth)',
    });
    expect(results).toHaveLength(1);
    expect(results[0].successRate).toBe(0);
  });

  it('depends_on: its models in the routing order, then the others as listed; models without a key are passed over', async () => {
    const name = await newCartridge({ depends_on: ['Mistral', 'Gemini', 'Anthropic'] });
    evaluation.fake.script(FAKE_MODELS.Anthropic, { kind: 'server_error', status: 503 });
    evaluation.fake.script(FAKE_MODELS.Gemini, { kind: 'answer', text: 'alpha beta' });
    const done = await runToEnd(name);
    expect(done).toMatchObject({
      status: 'success',
      model_used: 'Gemini',
      summary: '2/2 checks passed on Gemini (fell back from Anthropic: server_error, Mistral: not_configured)',
    });
    expect(evaluation.fake.callsTo(FAKE_MODELS.OpenAI)).toBe(0);
  });

  it('no routing primary yet: depends_on alone, else a 422 saying why; nothing is recorded for a 422', async () => {
    await setRouting(t.dataSource, null, []);
    const withModels = await newCartridge({ depends_on: ['Groq'] });
    evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'answer', text: 'alpha beta' });
    expect(await runToEnd(withModels)).toMatchObject({ status: 'success', model_used: 'Groq' });

    const without = await newCartridge();
    const res = await run(without).expect(422);
    expect(res.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: `Cartridge "${without}" has no model to run on: no routing primary yet (no DCRS run has decided one) and no depends_on list`,
      request_id: expect.any(String),
    });
    expect((await request(t.server).get(`/api/cartridges/${without}/results`).expect(200)).body.results).toEqual([]);
  });

  it('a cartridge without a check set is a 422; an unknown one a 404', async () => {
    const res = await run('Bio-Cartridge').expect(422);
    expect(res.body.message).toBe('Cartridge "Bio-Cartridge" has no check set to run (its results come from workers)');
    await run('Nope-Cartridge').expect(404);
    expect(results).toEqual([]);
  });

  it('one run at a time per cartridge: a second POST while it runs is a 409', async () => {
    const name = await newCartridge();
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'alpha beta', delayMs: 150 });
    await run(name).expect(202);
    const busy = await run(name).expect(409);
    expect(busy.body.message).toBe(`Cartridge "${name}" is already running its checks`);
    await t.app.get(CartridgeRunnerService).idle();
    await run(name).expect(202);
    await t.app.get(CartridgeRunnerService).idle();
  });

  it('the cron job runs it; the same occurrence twice (another instance) runs once', async () => {
    const name = await newCartridge({ schedule: { cron: '0 3 * * *', timezone: 'Asia/Seoul' } });
    const id = await cartridgeId(t.dataSource, name);
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'alpha beta' });
    // The job's tick runs in the background (the cron trigger guards it): wait for its run to finish.
    await t.app.get(SchedulerRegistry).getCronJob(cartridgeJobName(id)).fireOnTick();
    const executions = t.dataSource.getRepository(CartridgeExecutionEntity);
    await waitFor('the cron-run execution', async () =>
      (await executions.countBy({ cartridgeId: id, status: 'success' })) > 0 ? true : undefined,
    );
    const runner = t.app.get(CartridgeRunnerService);
    await runner.idle();
    const occurrence = new Date('2026-02-01T18:00:00Z');
    expect(await runner.runScheduled(id, occurrence)).not.toBeNull();
    await runner.idle();
    expect(await runner.runScheduled(id, occurrence)).toBeNull();
    const rows = await executions.find({ where: { cartridgeId: id }, order: { id: 'ASC' } });
    expect(rows.map((r) => [r.source, r.status, r.modelUsed])).toEqual([
      ['runner', 'success', 'OpenAI'],
      ['runner', 'success', 'OpenAI'],
    ]);
    expect(rows[1].idempotencyKey).toBe(`schedule:${occurrence.toISOString()}`);
    expect(results).toHaveLength(2);
  });

  it('a scheduled run with no model to run on is recorded as a failure', async () => {
    await setRouting(t.dataSource, null, []);
    const name = await newCartridge({ schedule: { cron: '0 3 * * *' } });
    const execution = await t.app
      .get(CartridgeRunnerService)
      .runScheduled(await cartridgeId(t.dataSource, name), new Date('2026-02-02T03:00:00Z'));
    expect(execution).not.toBeNull();
    const res = await request(t.server).get(`/api/cartridges/${name}/results`).expect(200);
    expect(res.body.results).toEqual([
      expect.objectContaining({ status: 'failure', summary: expect.stringMatching(/no model to run on/) }),
    ]);
    expect(results).toHaveLength(1);
  });
});

describe('a run that a stop interrupted', () => {
  let database: TestDatabase;
  let evaluation: EvaluationEnv;
  beforeAll(async () => {
    database = await createTestDatabase();
    evaluation = await startEvaluationEnv();
  });
  afterAll(async () => {
    await database.drop();
    await evaluation.close();
  });

  it('is recorded as interrupted by the stop, its calls cut short', async () => {
    const t = await startTestApp({ database, env: { ...evaluation.env, ADMIN_API_KEY: ADMIN } });
    await setRouting(t.dataSource, 'OpenAI', ['Groq']);
    await createCartridge(t, ADMIN, { name: 'Stopped-Run', check_set: ALPHA_BETA_CASES });
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'hang' });
    const accepted = await request(t.server)
      .post('/api/cartridges/Stopped-Run/run')
      .set('X-API-Key', ADMIN)
      .expect(202);
    await waitFor('the call under way', () =>
      Promise.resolve(evaluation.fake.callsTo(FAKE_MODELS.OpenAI) > 0 ? true : undefined),
    );
    const closing = performance.now();
    await t.close();
    expect(performance.now() - closing).toBeLessThan(2_500);
    // Not moved on to the fallback: the stop, not the model, ended the call.
    expect(evaluation.fake.callsTo(FAKE_MODELS.Groq)).toBe(0);

    const again = await startTestApp({ database });
    try {
      const stored = await again.dataSource
        .getRepository(CartridgeExecutionEntity)
        .findOneByOrFail({ id: accepted.body.id });
      expect(stored).toMatchObject({
        status: 'interrupted',
        summary: INTERRUPTED_SUMMARY,
        finishedAt: expect.any(Date),
      });
    } finally {
      await again.close();
    }
  });

  it('is marked interrupted at the next start', async () => {
    const first = await startTestApp({ database });
    const orphan = await first.dataSource.getRepository(CartridgeExecutionEntity).save({
      cartridgeId: await cartridgeId(first.dataSource, 'Bio-Cartridge'),
      status: 'running',
      startedAt: new Date('2026-01-01T00:00:00Z'),
      source: 'runner',
    });
    await first.close();
    const second = await startTestApp({ database });
    try {
      const res = await request(second.server).get(`/api/cartridges/Bio-Cartridge/results/${orphan.id}`).expect(200);
      expect(res.body).toMatchObject({
        status: 'interrupted',
        summary: INTERRUPTED_SUMMARY,
        finished_at: expect.any(String),
      });
    } finally {
      await second.close();
    }
  });
});
