// Regressions between DCRS runs against the fake provider: a model whose answers change between two
// runs of one suite raises quality_regression naming the flipped cases, a changed fingerprint does
// too; the compare endpoint's shapes, and a comparison across two suites that says so.
import request from 'supertest';
import { AlertsService } from '../../src/alerts/alerts.service.js';
import { DcrsRunnerService } from '../../src/dcrs/dcrs-runner.service.js';
import type { AlertEvent } from '../../src/events/domain-events.js';
import { ManualTestRunEntity } from '../../src/manual-test/manual-test-run.entity.js';
import { ManualTestService } from '../../src/manual-test/manual-test.service.js';
import { recordEvents } from '../setup/domain-events.js';
import { modelId } from '../setup/rows.js';
import { ALPHA_BETA_CASES, writeSuiteFile } from '../factories/suites.js';
import { FAKE_MODELS, startEvaluationEnv, type EvaluationEnv } from '../setup/evaluation-env.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { waitFor } from '../setup/waiting.js';
import { listAlerts } from './notification.helpers.js';

let evaluation: EvaluationEnv;
let database: TestDatabase;
let t: TestApp;
let opened: AlertEvent[];

beforeAll(async () => {
  evaluation = await startEvaluationEnv();
  database = await createTestDatabase();
  t = await startTestApp({ database, env: evaluation.env });
  // What realtime clients (`alert`) and notification channels are fed from.
  opened = recordEvents(t.app, 'alert.opened');
});
afterAll(async () => {
  await t?.close();
  await evaluation?.close();
  await database?.drop();
});

async function runDcrs(app: TestApp): Promise<number> {
  const started = await request(app.server).post('/api/dcrs/run').expect(202);
  await app.app.get(DcrsRunnerService).idle();
  const run = await request(app.server).get(`/api/dcrs/runs/${started.body.run_id}`).expect(200);
  expect(run.body.status).toBe('completed');
  return started.body.run_id as number;
}

function scriptAll(openAiText: string, groqFingerprint: string): void {
  evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: openAiText, fingerprint: 'fp_same' });
  evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'answer', text: 'alpha', fingerprint: groqFingerprint });
  evaluation.fake.script(FAKE_MODELS.Anthropic, { kind: 'answer', text: 'gamma' });
  evaluation.fake.script(FAKE_MODELS.Gemini, { kind: 'answer', text: 'alpha beta' });
}

describe('comparing DCRS runs', () => {
  let first: number;
  let second: number;

  it('a first run has nothing to compare with', async () => {
    scriptAll('alpha beta', 'fp_a');
    first = await runDcrs(t);
    const res = await request(t.server).get(`/api/dcrs/runs/${first}/compare`).expect(200);
    expect(res.body).toEqual({
      run_id: first,
      baseline_run_id: null,
      comparable: false,
      reason: 'No earlier completed run of the same suite',
      suite_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      baseline_suite_hash: null,
      suite_name: 'alpha-beta',
      models: [],
    });
    await t.app.get(AlertsService).idle();
    expect(await listAlerts(t, { type: 'quality_regression' })).toEqual([]);
  });

  it('answers that changed between two runs raise quality_regression naming the flipped cases', async () => {
    // OpenAI stops saying beta; Groq answers as before but from a new fingerprint.
    scriptAll('alpha', 'fp_b');
    second = await runDcrs(t);
    const res = await request(t.server).get(`/api/dcrs/runs/${second}/compare`).expect(200);
    expect(res.body).toMatchObject({ run_id: second, baseline_run_id: first, comparable: true, reason: null });
    expect(res.body.suite_hash).toBe(res.body.baseline_suite_hash);
    const byModel = Object.fromEntries((res.body.models as { model: string }[]).map((m) => [m.model, m]));
    expect(byModel['OpenAI']).toEqual({
      model: 'OpenAI',
      score: 5,
      baseline_score: 10,
      score_delta: -5,
      pass_to_fail: ['beta'],
      fail_to_pass: [],
      fingerprint: `${FAKE_MODELS.OpenAI}/fp_same`,
      baseline_fingerprint: `${FAKE_MODELS.OpenAI}/fp_same`,
      fingerprint_changed: false,
    });
    expect(byModel['Groq']).toMatchObject({
      score_delta: 0,
      pass_to_fail: [],
      fingerprint: `${FAKE_MODELS.Groq}/fp_b`,
      baseline_fingerprint: `${FAKE_MODELS.Groq}/fp_a`,
      fingerprint_changed: true,
    });
    // Anthropic echoes its model in message_start, the same both times.
    expect(byModel['Anthropic']).toMatchObject({ fingerprint: FAKE_MODELS.Anthropic, fingerprint_changed: false });

    const alerts = await waitFor('the quality_regression notices', async () => {
      await t.app.get(AlertsService).idle();
      const found = await listAlerts(t, { type: 'quality_regression' });
      return found.length >= 2 ? found : undefined;
    });
    const bySubject = Object.fromEntries(alerts.map((a) => [a.subject, a]));
    expect(Object.keys(bySubject).sort()).toEqual(['Groq', 'OpenAI']);
    expect(bySubject['OpenAI']).toMatchObject({
      severity: 'warning',
      message: `OpenAI regressed in DCRS run ${second} against run ${first}: 1 case(s) went from pass to fail: beta; score 10 → 5`,
    });
    expect(
      opened
        .filter((a) => a.type === 'quality_regression')
        .map((a) => a.subject)
        .sort(),
    ).toEqual(['Groq', 'OpenAI']);
    expect(bySubject['Groq']?.message).toContain(
      `its fingerprint changed from ${FAKE_MODELS.Groq}/fp_a to ${FAKE_MODELS.Groq}/fp_b`,
    );
  });

  it('an explicit baseline is used as given; unknown runs are 404 and a bad baseline a 400', async () => {
    const res = await request(t.server).get(`/api/dcrs/runs/${first}/compare`).query({ baseline: second }).expect(200);
    expect(res.body).toMatchObject({ run_id: first, baseline_run_id: second, comparable: true });
    const openAi = (res.body.models as { model: string; fail_to_pass: string[] }[]).find((m) => m.model === 'OpenAI');
    expect(openAi?.fail_to_pass).toEqual(['beta']);
    await request(t.server).get('/api/dcrs/runs/999999/compare').expect(404);
    const missing = await request(t.server)
      .get(`/api/dcrs/runs/${first}/compare`)
      .query({ baseline: 999_999 })
      .expect(404);
    expect(missing.body.message).toBe('DCRS run 999999 not found');
    const bad = await request(t.server)
      .get(`/api/dcrs/runs/${first}/compare`)
      .query({ baseline: 'yesterday' })
      .expect(400);
    expect(bad.body.message).toContain('baseline');
  });

  it('a manual run records the suite it used; the timeline shows the DCRS scores and the regression', async () => {
    const started = await request(t.server)
      .post('/api/manual-test')
      .send({ models: ['OpenAI'] })
      .expect(202);
    await t.app.get(ManualTestService).idle();
    const stored = await t.dataSource.getRepository(ManualTestRunEntity).findOneByOrFail({ id: started.body.run_id });
    const compared = await request(t.server).get(`/api/dcrs/runs/${second}/compare`).expect(200);
    expect(stored).toMatchObject({ suiteName: 'alpha-beta', suiteHash: compared.body.suite_hash });

    const id = await modelId(t.dataSource, 'OpenAI');
    const timeline = await request(t.server).get(`/api/models/${id}/timeline`).expect(200);
    const items = timeline.body.items as { type: string; summary: string }[];
    expect(items.filter((i) => i.type === 'dcrs_score').map((i) => i.summary)).toEqual([
      `DCRS run ${first}: score 10 (2 passed, 0 failed)`,
      `DCRS run ${second}: score 5 (1 passed, 1 failed)`,
    ]);
    expect(items.filter((i) => i.type === 'alert_opened').map((i) => i.summary)).toContainEqual(
      expect.stringContaining('quality_regression: OpenAI regressed'),
    );
  });

  it('runs of two different suites are not compared: the answer says why', async () => {
    await t.close();
    const otherSuite = writeSuiteFile(
      'suite.json',
      JSON.stringify({ name: 'alpha-only', cases: [ALPHA_BETA_CASES[0]] }),
    );
    t = await startTestApp({ database, env: { ...evaluation.env, EVAL_SUITE_PATH: otherSuite } });
    scriptAll('alpha', 'fp_b');
    const third = await runDcrs(t);
    const defaulted = await request(t.server).get(`/api/dcrs/runs/${third}/compare`).expect(200);
    expect(defaulted.body).toMatchObject({ comparable: false, baseline_run_id: null, suite_name: 'alpha-only' });
    const res = await request(t.server).get(`/api/dcrs/runs/${third}/compare`).query({ baseline: second }).expect(200);
    expect(res.body).toMatchObject({
      run_id: third,
      baseline_run_id: second,
      comparable: false,
      reason: 'The runs used different evaluation suites (their content hashes differ): their cases do not compare',
      models: [],
    });
    expect(res.body.suite_hash).not.toBe(res.body.baseline_suite_hash);
  });
});
