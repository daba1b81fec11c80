import request from 'supertest';
import { dateInTimeZone } from '../../src/common/clock.js';
import { DcrsRunEntity } from '../../src/dcrs/dcrs-run.entity.js';
import { DcrsRunnerService, INTERRUPTED_REASON } from '../../src/dcrs/dcrs-runner.service.js';
import { FAKE_MODELS, startEvaluationEnv, type EvaluationEnv } from '../setup/evaluation-env.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { waitFor } from '../setup/waiting.js';

describe('scheduled DCRS runs', () => {
  let evaluation: EvaluationEnv;
  let database: TestDatabase;

  beforeAll(async () => {
    evaluation = await startEvaluationEnv();
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await evaluation.close();
    await database.drop();
  });

  it('two instances starting the scheduled run at once open exactly one run for the date', async () => {
    const a = await startTestApp({ database, env: evaluation.env });
    const b = await startTestApp({ database, env: evaluation.env });
    try {
      const starts = await Promise.allSettled([
        a.app.get(DcrsRunnerService).start('schedule'),
        b.app.get(DcrsRunnerService).start('schedule'),
      ]);
      const opened = starts.filter((s) => s.status === 'fulfilled' && s.value !== null);
      expect(opened).toHaveLength(1);
      await a.app.get(DcrsRunnerService).idle();
      await b.app.get(DcrsRunnerService).idle();
      const today = dateInTimeZone(new Date(), 'Asia/Seoul');
      const scheduled = await a.dataSource.getRepository(DcrsRunEntity).findBy({ trigger: 'schedule' });
      expect(scheduled).toHaveLength(1);
      expect(scheduled[0]).toMatchObject({ date: today, scheduledDate: today, status: 'completed' });

      // The same date again, later or after a restart: skipped.
      expect(await a.app.get(DcrsRunnerService).start('schedule')).toBeNull();
      // A manual run is not limited by the date.
      const manual = await request(a.server).post('/api/dcrs/run').expect(202);
      expect(manual.body.status).toBe('running');
      await a.app.get(DcrsRunnerService).idle();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a run that a crash left running is marked interrupted at the next start, its date given back', async () => {
    const first = await startTestApp({ database, env: evaluation.env });
    const orphan = await first.dataSource.getRepository(DcrsRunEntity).save({
      date: '2026-01-01',
      executionTime: new Date('2026-01-01T00:00:00Z'),
      timestamp: new Date('2026-01-01T00:00:00Z'),
      totalTests: 0,
      avgScore: 0,
      bestModel: '',
      status: 'running',
      trigger: 'schedule',
      scheduledDate: '2026-01-01',
    });
    await first.close();

    const second = await startTestApp({ database, env: evaluation.env });
    try {
      const res = await request(second.server).get(`/api/dcrs/runs/${orphan.id}`).expect(200);
      expect(res.body).toMatchObject({ status: 'interrupted', error: INTERRUPTED_REASON });
      const stored = await second.dataSource.getRepository(DcrsRunEntity).findOneByOrFail({ id: orphan.id });
      expect(stored.scheduledDate).toBeNull();
      // And a new run can start normally.
      await request(second.server).post('/api/dcrs/run').expect(202);
      await second.app.get(DcrsRunnerService).idle();
    } finally {
      await second.close();
    }
  });
});

describe('a scheduled run that a stop interrupted', () => {
  let evaluation: EvaluationEnv;
  let database: TestDatabase;
  // The schedule is on (its next tick far away), so that an interrupted scheduled run is run again.
  const scheduleOn = (): Record<string, string> => ({
    ...evaluation.env,
    DCRS_CRON: '0 0 1 1 *',
    DCRS_TIMEZONE: 'UTC',
  });

  beforeAll(async () => {
    evaluation = await startEvaluationEnv();
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await evaluation.close();
    await database.drop();
  });

  it('is marked interrupted by the stop, and run again for its date when the next instance starts', async () => {
    for (const model of Object.values(FAKE_MODELS)) evaluation.fake.script(model, { kind: 'hang' });
    const first = await startTestApp({ database, env: scheduleOn() });
    const run = await first.app.get(DcrsRunnerService).start('schedule');
    if (!run) throw new Error('no run was opened');
    await waitFor('a provider call under way', () =>
      Promise.resolve(evaluation.fake.requests.length > 0 ? true : undefined),
    );
    const closing = performance.now();
    await first.close();
    // The stop cut the hanging calls short instead of waiting PROVIDER_TIMEOUT_MS for them.
    expect(performance.now() - closing).toBeLessThan(2_500);

    evaluation.fake.reset();
    const second = await startTestApp({ database, env: scheduleOn() });
    try {
      const runs = second.dataSource.getRepository(DcrsRunEntity);
      expect(await runs.findOneByOrFail({ id: run.id })).toMatchObject({
        status: 'interrupted',
        error: INTERRUPTED_REASON,
        scheduledDate: null,
        finishedAt: expect.any(Date),
      });
      const rerun = await waitFor(
        'the run again',
        async () => (await runs.findOneBy({ trigger: 'schedule', status: 'completed' })) ?? undefined,
      );
      expect(rerun).toMatchObject({ date: run.date, scheduledDate: run.date });
      expect(rerun.id).not.toBe(run.id);
      await second.app.get(DcrsRunnerService).idle();
    } finally {
      await second.close();
    }
  });
});

describe('the DCRS cron', () => {
  let evaluation: EvaluationEnv;
  let t: TestApp;

  beforeAll(async () => {
    evaluation = await startEvaluationEnv();
    t = await startTestApp({ env: { ...evaluation.env, DCRS_CRON: '* * * * * *', DCRS_TIMEZONE: 'UTC' } });
  });
  afterAll(async () => {
    await t.close();
    await evaluation.close();
  });

  it('starts the scheduled run by itself, dated in DCRS_TIMEZONE, and only once for the date', async () => {
    const run = await waitFor('the scheduled run', async () => {
      const rows = await t.dataSource.getRepository(DcrsRunEntity).findBy({ trigger: 'schedule', status: 'completed' });
      return rows.length > 0 ? rows : undefined;
    });
    expect(run[0].date).toBe(new Date().toISOString().slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect(await t.dataSource.getRepository(DcrsRunEntity).countBy({ trigger: 'schedule' })).toBe(1);
  });
});

describe('DCRS settings', () => {
  it.each([
    [{ DCRS_CRON: 'every morning' }, 'DCRS_CRON'],
    [{ DCRS_TIMEZONE: 'Mars/Olympus' }, 'DCRS_TIMEZONE'],
    [{ ROUTING_MODE: 'sometimes' }, 'ROUTING_MODE'],
  ])('an invalid %p refuses to start, naming the variable', async (env, name) => {
    await expect(startTestApp({ env })).rejects.toThrow(name);
  });
});
