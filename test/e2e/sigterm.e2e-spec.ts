// SIGTERM under load, on the compiled app in a child process (test/setup/child-app.ts): readiness
// turns 503 at once, every request it had accepted gets its whole answer (none cut off; new
// connections after the server closed are refused, never half-answered), the DCRS run going at the
// time is marked interrupted, the realtime sockets are closed, and the process exits 0 within 10 s.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { io } from 'socket.io-client';
import { WebSocket } from 'ws';
import { DcrsRunEntity } from '../../src/dcrs/dcrs-run.entity.js';
import { INTERRUPTED_REASON } from '../../src/dcrs/dcrs-runner.service.js';
import { buildDataSourceOptions, createDataSource } from '../../src/database/data-source.js';
import { newAdminKey } from '../factories/keys.js';
import { buildApp, startChildApp, type ChildApp } from '../setup/child-app.js';
import { FAKE_MODELS, startEvaluationEnv, type EvaluationEnv } from '../setup/evaluation-env.js';
import { startLoad, type RequestOutcome } from '../setup/http-load.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';
import { waitFor } from '../setup/waiting.js';

const ADMIN = newAdminKey();
const WORKERS = 24;
const SHUTDOWN_LIMIT_MS = 10_000;

let main: string;
let evaluation: EvaluationEnv;
let database: TestDatabase;
let app: ChildApp | undefined;

beforeAll(async () => {
  main = await buildApp();
  evaluation = await startEvaluationEnv();
  database = await createTestDatabase();
}, 240_000);

afterAll(async () => {
  app?.process.kill('SIGKILL');
  await evaluation?.close();
  await database?.drop();
});

async function storedRun(id: number): Promise<DcrsRunEntity> {
  const settings =
    database.engine === 'postgres'
      ? { engine: 'postgres' as const, url: database.env['DATABASE_URL'], path: '' }
      : { engine: 'sqlite' as const, path: database.env['DATABASE_PATH'] };
  const dataSource = createDataSource(buildDataSourceOptions(settings, [DcrsRunEntity]));
  await dataSource.initialize();
  try {
    return await dataSource.getRepository(DcrsRunEntity).findOneByOrFail({ id });
  } finally {
    await dataSource.destroy();
  }
}

/** The load's requests in the child's log: those it answered, and any other line about one. */
function serverRequestLog(output: readonly string[]): { completed: string[]; other: string[] } {
  const completed: string[] = [];
  const other: string[] = [];
  for (const line of output) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string; req?: { id?: string } };
    const id = entry.req?.id;
    if (!id?.startsWith('load-')) continue;
    if (entry.msg === 'request completed') completed.push(id);
    else other.push(`${id}: ${entry.msg}`);
  }
  return { completed, other };
}

/** GET /api/health/ready every 100 ms until stopped. */
function pollReadiness(url: string): { samples: { at: number; status: number | string }[]; stop(): Promise<void> } {
  const samples: { at: number; status: number | string }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = performance.now();
      try {
        const res = await fetch(`${url}/api/health/ready`);
        await res.arrayBuffer();
        samples.push({ at, status: res.status });
      } catch (error) {
        samples.push({ at, status: (error as { cause?: { code?: string } }).cause?.code ?? 'failed' });
      }
      await sleep(100);
    }
  })();
  return {
    samples,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

it('answers every request it accepted, interrupts the DCRS run, closes the sockets and exits 0 within 10 s', async () => {
  // The run's calls never answer: it is under way when the signal comes.
  for (const model of Object.values(FAKE_MODELS)) evaluation.fake.script(model, { kind: 'hang' });
  app = await startChildApp(main, {
    ...evaluation.env,
    ...database.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    LOG_PRETTY: 'false',
    ADMIN_API_KEY: ADMIN,
    // A week of demo history, so that reads take a moment; nothing scheduled that would call the provider.
    SEED_DEMO_DATA: 'true',
    PROBE_INTERVAL_MS: '0',
    DCRS_CRON: 'off',
    RATE_LIMIT_READS: '0',
    RATE_LIMIT_WRITES: '0',
  });
  const { url, port } = app;

  const { models } = (await (await fetch(`${url}/api/models`)).json()) as { models: { id: number }[] };
  expect(models.length).toBeGreaterThan(0);
  const started = await fetch(`${url}/api/dcrs/run`, { method: 'POST', headers: { 'X-API-Key': ADMIN } });
  expect(started.status).toBe(202);
  const { run_id: runId } = (await started.json()) as { run_id: number };
  await waitFor('the DCRS run to call the provider', () =>
    Promise.resolve(evaluation.fake.requests.length > 0 ? true : undefined),
  );

  const raw = new WebSocket(`ws://127.0.0.1:${port}/ws`);
  const rawClosed = new Promise<number>((resolve) => raw.once('close', (code) => resolve(code)));
  const socket = io(url, { transports: ['websocket'], reconnection: false });
  const socketClosed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
  await Promise.all([
    new Promise((resolve) => raw.once('open', resolve)),
    new Promise((resolve) => socket.once('connect', () => resolve(undefined))),
  ]);

  const paths = [
    '/api/models',
    ...models.slice(0, 4).map((model) => `/api/models/${model.id}`),
    '/api/metrics?days=7&limit=2000',
    '/api/dcrs/history?days=7',
  ];
  const load = startLoad(port, paths, WORKERS);
  const readiness = pollReadiness(url);
  // A busy server accepts one new connection per turn of its event loop: the signal comes once every
  // worker's connection is in (and answered), then a moment later.
  await waitFor(
    'every worker to have an answer',
    () => Promise.resolve(load.workersAnswered() === WORKERS ? true : undefined),
    20_000,
  );
  await sleep(1_000);

  const signalledAt = performance.now();
  app.process.kill('SIGTERM');
  const exit = await Promise.race([app.exited, sleep(15_000, null, { ref: false })]);
  await sleep(300); // a few refused connections after the exit
  await Promise.all([load.stop(), readiness.stop()]);
  socket.close();
  if (!exit) throw new Error(`no exit within 15 s:\n${app.output.join('\n')}`);
  const exitMs = exit.at - signalledAt;

  const outcomes = load.outcomes;
  const before = outcomes.filter((o) => o.sentAt < signalledAt);
  const after = outcomes.filter((o) => o.sentAt >= signalledAt);
  const count = (list: readonly RequestOutcome[], outcome: RequestOutcome['outcome']): number =>
    list.filter((o) => o.outcome === outcome).length;
  const inFlight = before.filter((o) => o.doneAt > signalledAt);
  const refusedCodes = [...new Set(outcomes.filter((o) => o.outcome === 'refused').map((o) => o.code))];
  const readinessAfter = readiness.samples.filter((s) => s.at > signalledAt + 20);
  process.stdout.write(
    `sigterm (${database.engine}): exit code ${exit.code} after ${Math.round(exitMs)} ms; ` +
      `${outcomes.length} requests: before the signal ${before.length} (${count(before, 'answered')} answered, ` +
      `${inFlight.length} of them in flight at the signal), after it ${after.length} (${count(after, 'answered')} answered, ` +
      `${count(after, 'refused')} refused ${JSON.stringify(refusedCodes)}), broken ${count(outcomes, 'broken')}; ` +
      `readiness after the signal ${JSON.stringify([...new Set(readinessAfter.map((s) => s.status))])}\n`,
  );

  // Exit: clean and in time.
  expect(exit).toMatchObject({ code: 0, signal: null });
  expect(exitMs).toBeLessThan(SHUTDOWN_LIMIT_MS);
  expect(app.output.some((line) => line.includes('SIGTERM received: stopping'))).toBe(true);
  expect(app.output.some((line) => line.includes('Stopped in'))).toBe(true);

  // Every request sent before the signal got its whole answer, those in flight at the signal included;
  // after it, a request is answered or refused, never cut off.
  expect(before.length).toBeGreaterThan(WORKERS);
  expect(inFlight.length).toBeGreaterThan(0);
  expect(before.filter((o) => o.outcome !== 'answered' || o.status !== 200)).toEqual([]);
  expect(outcomes.filter((o) => o.outcome === 'broken')).toEqual([]);
  expect(after.filter((o) => o.outcome === 'answered' && o.status !== 200)).toEqual([]);
  expect(count(after, 'refused')).toBeGreaterThan(0);
  // The server's side: each load request it logged was answered whole on the client's, and none was cut
  // off (pino-http would log "request aborted"); a refused one never reached it.
  const logged = serverRequestLog(app.output);
  const answeredIds = new Set(outcomes.filter((o) => o.outcome === 'answered' && o.status === 200).map((o) => o.id));
  expect(logged.completed.filter((id) => !answeredIds.has(id))).toEqual([]);
  expect(logged.other).toEqual([]);
  const completedIds = new Set(logged.completed);
  expect(outcomes.filter((o) => o.outcome === 'refused' && completedIds.has(o.id))).toEqual([]);

  // Readiness: 503 from the signal on (or no longer listening), never 200 again.
  expect(readinessAfter.length).toBeGreaterThan(0);
  // Never ready again: 503 while the stop goes on, then refused. Whether a poll lands in that short
  // window depends on the machine's load (the 503 itself is checked in health.e2e-spec.ts).
  expect(readinessAfter.filter((s) => s.status !== 503 && typeof s.status === 'number')).toEqual([]);

  // Sockets closed by the server, the run marked interrupted with the reason.
  expect(await rawClosed).toBe(1001);
  expect(await socketClosed).toMatch(/io server disconnect|transport close/);
  expect(await storedRun(runId)).toMatchObject({
    status: 'interrupted',
    error: INTERRUPTED_REASON,
    finishedAt: expect.any(Date),
  });
}, 120_000);
