// The scheduled DCRS run: one per date across instances, dated in DCRS_TIMEZONE by the app's clock (a
// fixed clock here, set on both sides of the Seoul and the UTC midnights), and started by the cron.
import { jest } from '@jest/globals';
import request from 'supertest';
import { FixedClock } from '../../src/common/clock.js';
import { DomainError } from '../../src/common/domain-error.js';
import { DcrsRunEntity } from '../../src/dcrs/dcrs-run.entity.js';
import { DcrsRunnerService, INTERRUPTED_REASON } from '../../src/dcrs/dcrs-runner.service.js';
import { DcrsScheduler } from '../../src/dcrs/dcrs.scheduler.js';
import { FAKE_MODELS, startEvaluationEnv, type EvaluationEnv } from '../setup/evaluation-env.js';
import { waitFor } from '../setup/waiting.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

/** What one start('schedule') came to: a run opened, skipped (null), refused as a conflict, or anything else. */
function outcomeOf(start: PromiseSettledResult<DcrsRunEntity | null>): string {
  if (start.status === 'fulfilled') return start.value === null ? 'skipped' : 'opened';
  const reason: unknown = start.reason;
  if (reason instanceof DomainError && reason.code === 'conflict') return 'conflict';
  return `crashed: ${String(reason)}`;
}

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
      // One side opens the run; the other finds the date taken (null) or the run going (conflict), and
      // does not crash on the unique date.
      const outcomes = starts.map(outcomeOf).sort();
      expect([
        ['conflict', 'opened'],
        ['opened', 'skipped'],
      ]).toContainEqual(outcomes);
      await a.app.get(DcrsRunnerService).idle();
      await b.app.get(DcrsRunnerService).idle();
      const scheduled = await a.dataSource.getRepository(DcrsRunEntity).findBy({ trigger: 'schedule' });
      expect(scheduled).toHaveLength(1);
      const opened = starts.find(
        (s) => s.status === 'fulfilled' && s.value !== null,
      ) as PromiseFulfilledResult<DcrsRunEntity>;
      expect(scheduled[0]).toMatchObject({
        id: opened.value.id,
        date: opened.value.date,
        scheduledDate: opened.value.date,
        status: 'completed',
      });

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

describe('the date of a scheduled run', () => {
  let evaluation: EvaluationEnv;

  beforeAll(async () => {
    evaluation = await startEvaluationEnv();
  });
  afterAll(async () => {
    await evaluation.close();
  });

  // Ticks of the scheduler at instants either side of midnight in Seoul (15:00 UTC) and in UTC, and
  // the dates of the scheduled runs they open: a date already run is skipped.
  const TICKS = [
    '2026-02-01T14:59:59Z', // Seoul Feb 1 23:59:59, UTC Feb 1
    '2026-02-01T15:00:00Z', // Seoul Feb 2 00:00, UTC Feb 1
    '2026-02-01T23:59:59Z', // Seoul Feb 2 08:59:59, UTC Feb 1
    '2026-02-02T00:00:00Z', // Seoul Feb 2 09:00, UTC Feb 2
    '2026-02-02T14:59:59Z', // Seoul Feb 2 23:59:59, UTC Feb 2
    '2026-02-02T15:00:00Z', // Seoul Feb 3 00:00, UTC Feb 2
  ];

  it.each([
    ['Asia/Seoul', ['2026-02-01', '2026-02-02', null, null, null, '2026-02-03']],
    ['UTC', ['2026-02-01', null, null, '2026-02-02', null, null]],
  ])('in %s', async (timeZone, expected) => {
    const clock = new FixedClock(new Date(TICKS[0]));
    const t = await startTestApp({ clock, env: { ...evaluation.env, DCRS_TIMEZONE: timeZone } });
    try {
      const runner = t.app.get(DcrsRunnerService);
      const start = jest.spyOn(runner, 'start');
      const opened: (string | null)[] = [];
      for (const tick of TICKS) {
        clock.set(new Date(tick));
        await t.app.get(DcrsScheduler).tick();
        const run = await (start.mock.results.at(-1)!.value as Promise<DcrsRunEntity | null>);
        opened.push(run?.date ?? null);
        await runner.idle();
      }
      expect(opened).toEqual(expected);
      const rows = await t.dataSource.getRepository(DcrsRunEntity).find({ order: { id: 'ASC' } });
      expect(rows.map((r) => [r.date, r.scheduledDate, r.status, r.executionTime.toISOString()])).toEqual(
        TICKS.flatMap((tick, i) =>
          expected[i] ? [[expected[i], expected[i], 'completed', new Date(tick).toISOString()]] : [],
        ),
      );
    } finally {
      await t.close();
    }
  });
});

describe('the DCRS cron', () => {
  let evaluation: EvaluationEnv;
  let t: TestApp;
  // 15:30 UTC: already the next day in Seoul.
  const clock = new FixedClock(new Date('2026-02-01T15:30:00Z'));

  beforeAll(async () => {
    evaluation = await startEvaluationEnv();
    t = await startTestApp({
      clock,
      env: { ...evaluation.env, DCRS_CRON: '* * * * * *', DCRS_TIMEZONE: 'Asia/Seoul' },
    });
  });
  afterAll(async () => {
    await t.close();
    await evaluation.close();
  });

  it('starts the scheduled run by itself, dated in DCRS_TIMEZONE, and only once for the date', async () => {
    const start = jest.spyOn(t.app.get(DcrsRunnerService), 'start');
    const run = await waitFor('the scheduled run', async () => {
      const rows = await t.dataSource.getRepository(DcrsRunEntity).findBy({ trigger: 'schedule', status: 'completed' });
      return rows.length > 0 ? rows : undefined;
    });
    expect(run.map((r) => r.date)).toEqual(['2026-02-02']);
    // A later tick, after the run completed, finds the date taken: the marker that the cron went on.
    const calls = start.mock.results.length;
    await waitFor('a later tick that finds the date taken', async () => {
      const later = start.mock.results.slice(calls).map((r) => r.value as Promise<DcrsRunEntity | null>);
      return (await Promise.all(later.map((p) => p.catch(() => 'conflict')))).includes(null) ? true : undefined;
    });
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
