// DcrsRunnerService with its real repositories and the fake provider: routing applied (auto) or only
// recommended, the scheduled run once per date in DCRS_TIMEZONE, one run at a time (here or in another
// instance), and a run that breaks marked failed with its reason. Time is the test clock's.
import { DomainError } from '../../src/common/domain-error.js';
import { DcrsRunEntity } from '../../src/dcrs/dcrs-run.entity.js';
import { createDataSource } from '../../src/database/data-source.js';
import { DcrsRunnerService } from '../../src/dcrs/dcrs-runner.service.js';
import { DcrsModule } from '../../src/dcrs/dcrs.module.js';
import { DcrsRepository } from '../../src/dcrs/dcrs.repository.js';
import type { RoutingChangedEvent } from '../../src/events/domain-events.js';
import { ModelsRepository } from '../../src/models/models.repository.js';
import { RoutingRepository } from '../../src/routing/routing.repository.js';
import { insertDcrsRun, insertModel } from '../factories/fixtures.js';
import { recordEvents } from '../setup/domain-events.js';
import { FAKE_MODELS, startEvaluationEnv, type EvaluationEnv } from '../setup/evaluation-env.js';
import { startServiceModule, type ServiceModule } from '../setup/service-module.js';
import { testEngine } from '../setup/test-database.js';
import { waitFor } from '../setup/waiting.js';

let evaluation: EvaluationEnv;

beforeAll(async () => {
  evaluation = await startEvaluationEnv();
});
afterAll(async () => {
  await evaluation.close();
});
beforeEach(() => {
  evaluation.fake.reset();
});

/** A DCRS module on a database of its own (each describe block gets one). */
function dcrsModule(env: Record<string, string> = {}): { current: () => ServiceModule } {
  let s: ServiceModule | undefined;
  beforeAll(async () => {
    s = await startServiceModule({ imports: [DcrsModule], env: { ...evaluation.env, ...env } });
  });
  afterAll(async () => {
    await s?.close();
  });
  return {
    current: () => {
      if (!s) throw new Error('the module did not start');
      return s;
    },
  };
}

/**
 * The run as stored once the runner has let go of it. Waiting on the runner rather than on the row:
 * the row is written before the runner is free for the next start.
 */
async function runEnds(s: ServiceModule, run: DcrsRunEntity | null): Promise<DcrsRunEntity> {
  if (!run) throw new Error('no run was opened');
  await s.get(DcrsRunnerService).idle();
  const stored = await s.get(DcrsRepository).findById(run.id);
  if (!stored) throw new Error(`run ${run.id} is gone`);
  return stored;
}

/** OpenAI scores 10, Groq 5, Anthropic 0 (a wrong answer), Gemini 0 (every call fails). */
function scriptClearBest(): void {
  evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'alpha beta' });
  evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'answer', text: 'alpha' });
  evaluation.fake.script(FAKE_MODELS.Anthropic, { kind: 'answer', text: 'gamma' });
  evaluation.fake.script(FAKE_MODELS.Gemini, { kind: 'server_error' });
}

describe.each([
  ['auto', { changesApplied: true, primary: 'OpenAI', applied: true, announced: 1 }],
  ['recommend', { changesApplied: false, primary: null, applied: false, announced: 0 }],
] as const)('ROUTING_MODE=%s', (mode, expected) => {
  const module = dcrsModule({ ROUTING_MODE: mode });
  let announced: RoutingChangedEvent[];
  beforeAll(() => {
    announced = recordEvents(module.current(), 'routing.changed');
  });

  it(`the first run with a clear best ${mode === 'auto' ? 'makes it the primary' : 'only records the recommendation'}`, async () => {
    const s = module.current();
    scriptClearBest();
    const run = await runEnds(s, await s.get(DcrsRunnerService).start('manual'));

    expect(run).toMatchObject({
      status: 'completed',
      totalTests: 8,
      avgScore: 3.75, // (10 + 5 + 0 + 0) / 4
      bestModel: 'OpenAI',
      changesApplied: expected.changesApplied,
      error: null,
    });
    const routing = s.get(RoutingRepository);
    expect((await routing.findState())?.primaryModel ?? null).toBe(expected.primary);
    const changes = await routing.findChanges(10);
    expect(changes).toEqual([
      expect.objectContaining({
        previousPrimary: null,
        primaryModel: 'OpenAI',
        // Anthropic before Gemini: the same score, but Gemini has no latency (every call failed).
        fallbacks: ['Groq', 'Anthropic', 'Gemini'],
        mode,
        applied: expected.applied,
        dcrsRunId: run.id,
      }),
    ]);
    expect(announced).toHaveLength(expected.announced);
  });
});

describe('starting runs', () => {
  const module = dcrsModule();

  it('the scheduled run is dated in DCRS_TIMEZONE (Asia/Seoul) and opened once per date; manual runs are not', async () => {
    const s = module.current();
    const runner = s.get(DcrsRunnerService);
    // 20:00 UTC on Feb 1 is 05:00 on Feb 2 in Seoul.
    s.clock.set(new Date('2026-02-01T20:00:00.000Z'));
    const scheduled = await runEnds(s, await runner.start('schedule'));
    expect(scheduled).toMatchObject({
      trigger: 'schedule',
      date: '2026-02-02',
      scheduledDate: '2026-02-02',
      executionTime: new Date('2026-02-01T20:00:00.000Z'),
      status: 'completed',
    });

    // 14:59 UTC on Feb 2 is still Feb 2 in Seoul.
    s.clock.set(new Date('2026-02-02T14:59:00.000Z'));
    expect(await runner.start('schedule')).toBeNull();
    const manual = await runEnds(s, await runner.start('manual'));
    expect(manual).toMatchObject({ trigger: 'manual', date: '2026-02-02', scheduledDate: null, status: 'completed' });

    // 15:00 UTC on Feb 2 is midnight on Feb 3 in Seoul: a new date, a new scheduled run.
    s.clock.set(new Date('2026-02-02T15:00:00.000Z'));
    const next = await runEnds(s, await runner.start('schedule'));
    expect(next).toMatchObject({ trigger: 'schedule', date: '2026-02-03', status: 'completed' });
  });

  it('one run at a time: any start while one goes here is a conflict', async () => {
    const s = module.current();
    const runner = s.get(DcrsRunnerService);
    s.clock.set(new Date('2026-03-01T00:00:00.000Z'));
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'alpha beta', delayMs: 200 });
    const first = await runner.start('manual');

    for (const trigger of ['manual', 'schedule'] as const) {
      const refused = runner.start(trigger);
      await expect(refused).rejects.toBeInstanceOf(DomainError);
      await expect(refused).rejects.toMatchObject({ code: 'conflict', message: 'A DCRS run is already going' });
    }
    expect((await runEnds(s, first)).status).toBe('completed');
    expect(await runEnds(s, await runner.start('manual'))).toMatchObject({ status: 'completed' });
  });

  it('a run that another instance is going through blocks starts here until it is over', async () => {
    const s = module.current();
    const runner = s.get(DcrsRunnerService);
    s.clock.set(new Date('2026-03-02T00:00:00.000Z'));
    const theirs = await insertDcrsRun(s.dataSource, {
      date: '2026-03-02',
      executionTime: s.clock.now(),
      totalTests: 0,
      avgScore: 0,
      bestModel: '',
      changesApplied: false,
      status: 'running',
      trigger: 'manual',
    });

    await expect(runner.start('manual')).rejects.toMatchObject({ code: 'conflict' });
    expect(evaluation.fake.requests).toHaveLength(0);
    await s.get(DcrsRepository).failRun(theirs.id, 'stopped', s.clock.now(), 0);
    expect(await runEnds(s, await runner.start('manual'))).toMatchObject({ status: 'completed' });
  });

  it('two instances opening a run at the same instant: the database lets exactly one through', async () => {
    const s = module.current();
    // PostgreSQL: a second connection pool on the same database, as another instance has. SQLite is
    // single-process (a second connection would only wait on the first's lock): one pool, racing.
    const other = testEngine() === 'postgres' ? await createDataSource(s.dataSource.options).initialize() : null;
    try {
      const here = s.get(DcrsRepository);
      const there = other ? new DcrsRepository(other.getRepository(DcrsRunEntity)) : here;
      const at = new Date('2026-03-03T00:00:00.000Z');
      const manual = await Promise.all([
        here.insertRunningRun('2026-03-03', 'manual', at, 'here'),
        there.insertRunningRun('2026-03-03', 'manual', at, 'here'),
      ]);
      expect(manual.filter((outcome) => outcome === 'run_going')).toHaveLength(1);
      const opened = manual.find((outcome) => typeof outcome === 'object');
      if (!opened) throw new Error('neither insert opened a run');
      // While it runs, a scheduled start is refused as well, and is not taken for its date being used.
      expect(await there.insertRunningRun('2026-03-03', 'schedule', at, 'here')).toBe('run_going');
      await here.failRun(opened.id, 'stopped', at, 0);

      const scheduled = await Promise.all([
        here.insertRunningRun('2026-03-04', 'schedule', at, 'here'),
        there.insertRunningRun('2026-03-04', 'schedule', at, 'here'),
      ]);
      expect(scheduled.filter((outcome) => typeof outcome === 'object')).toHaveLength(1);
      const run = scheduled.find((outcome) => typeof outcome === 'object');
      await here.failRun(run!.id, 'stopped', at, 0);
      expect(await there.insertRunningRun('2026-03-04', 'schedule', at, 'here')).toBe('date_taken');
    } finally {
      await other?.destroy();
    }
  });

  it('with nothing to evaluate the run completes empty and leaves routing alone', async () => {
    const s = module.current();
    const models = s.get(ModelsRepository);
    const live = await models.findByNames(Object.keys(FAKE_MODELS));
    const routingBefore = await s.get(RoutingRepository).findState();
    for (const model of live) await models.update(model.id, { enabled: false });
    try {
      const run = await runEnds(s, await s.get(DcrsRunnerService).start('manual'));
      expect(run).toMatchObject({
        status: 'completed',
        totalTests: 0,
        avgScore: 0,
        bestModel: 'none',
        changesApplied: false,
        results: [],
      });
      expect(evaluation.fake.requests).toHaveLength(0);
      expect(await s.get(RoutingRepository).findState()).toEqual(routingBefore);
    } finally {
      for (const model of live) await models.update(model.id, { enabled: true });
    }
  });

  it('a run that breaks is marked failed with the reason and its duration, and the runner is free again', async () => {
    const s = module.current();
    const runner = s.get(DcrsRunnerService);
    const started = new Date('2026-03-03T00:00:00.000Z');
    s.clock.set(started);
    // A model removed with its history while the run evaluates it: its rows can no longer be written.
    const doomed = await insertModel(s.dataSource, { name: 'Doomed', apiType: 'openai', providerModel: 'm-doomed' });
    evaluation.fake.script('m-doomed', { kind: 'answer', text: 'alpha beta', delayMs: 200 });
    const run = await runner.start('manual');
    await waitFor('Doomed to be called', () =>
      Promise.resolve(evaluation.fake.callsTo('m-doomed') > 0 ? true : undefined),
    );
    s.clock.advance(90_000);
    await s.get(ModelsRepository).removeWithHistory(doomed.id);

    const failed = await runEnds(s, run);
    expect(failed).toMatchObject({
      status: 'failed',
      finishedAt: new Date(started.getTime() + 90_000),
      durationMs: 90_000,
    });
    expect(failed.error).toMatch(/foreign key/i);
    const logged = s.logs.filter((l) => l.level === 'error' && l.parts.includes('DCRS run failed'));
    expect(logged.map((l) => (l.parts[0] as { runId: number }).runId)).toEqual([run?.id]);
    expect(await runEnds(s, await runner.start('manual'))).toMatchObject({ status: 'completed' });
  });
});
