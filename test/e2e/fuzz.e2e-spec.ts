// Every operation of the committed openapi.json, fuzzed with fast-check from its own parameter and body
// schemas (an endpoint added to the contract is fuzzed without a change here): malformed path, query,
// header and body values, mostly with the admin key so that they reach validation (some with the ingest
// key, a wrong one or none). No answer may be a 5xx, leave the error shape, or carry a stack trace, SQL or
// a server path; and a refused (4xx) request may not change a single row. Background schedules are off,
// and the work a request starts (runs, alerts, deliveries) is waited for, so that every change of the
// tables belongs to one request.
import { SchedulerRegistry } from '@nestjs/schedule';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { AlertsService } from '../../src/alerts/alerts.service.js';
import { AlertEntity } from '../../src/alerts/alert.entity.js';
import { CartridgeRunnerService } from '../../src/cartridges/cartridge-runner.service.js';
import { DcrsRunnerService } from '../../src/dcrs/dcrs-runner.service.js';
import { ManualTestRunEntity } from '../../src/manual-test/manual-test-run.entity.js';
import { ManualTestService } from '../../src/manual-test/manual-test.service.js';
import { NotificationDispatcher } from '../../src/notifications/notification-dispatcher.service.js';
import { FIXED_NOW, startTestApp, type TestApp } from '../setup/test-app.js';
import { insertDcrsRun, insertExecution } from '../factories/fixtures.js';
import { describeRequest, requestArbitrary, send, type FuzzKeys, type FuzzRequest } from '../fuzz/fuzz-request.js';
import { NASTY_STRINGS, NUMBER_LIKE, RAW_SEGMENTS, type KnownValues } from '../fuzz/malformed-values.js';
import { readCommittedOperations, type FuzzOperation } from '../fuzz/openapi-operations.js';
import { leaksIn, responseProblems } from '../fuzz/response-problems.js';
import { fingerprintChanges, fingerprintQuery, readFingerprint, type Fingerprint } from '../fuzz/table-fingerprint.js';
import { createChannel } from './notification.helpers.js';
import { newAdminKey } from '../factories/keys.js';

function integerSetting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** Fixed, so that a failure replays: FUZZ_SEED=<seed> sends the same requests again. */
const SEED = integerSetting('FUZZ_SEED', 20_260_201);
/** About a minute per engine on a loaded 2-core machine. */
const RUNS_PER_OPERATION = integerSetting('FUZZ_RUNS', 80);
const KEYS: FuzzKeys = { admin: newAdminKey(), ingest: newAdminKey().replace('admin', 'ingest') };

/** Removals last, so that the ids and names the other operations aim at still exist while they run. */
const OPERATIONS: FuzzOperation[] = readCommittedOperations().sort(
  (a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'),
);

/** Nothing runs on its own: every write the database sees comes from a fuzzed request. */
const QUIET_ENV = {
  ADMIN_API_KEY: KEYS.admin,
  INGEST_API_KEYS: KEYS.ingest,
  PROBE_INTERVAL_MS: '0',
  DCRS_CRON: 'off',
  ALERT_CHECK_INTERVAL_MS: '0',
  SLO_CHECK_INTERVAL_MS: '0',
  MODEL_UPDATE_INTERVAL_MS: '0',
  NEURAL_SIGNAL_INTERVAL_MS: '0',
  RETENTION_INTERVAL_MS: '0',
  // Each instance's heartbeat of its own running rows: never due within the suite.
  RUN_HEARTBEAT_MS: '600000',
  SIMULATE_PROVIDERS: 'true',
  // Only errors are logged: a failure shows what the server logged while answering.
  LOG_LEVEL: 'error',
  // An environment channel (for the 403 of changing one); .invalid never resolves, so nothing is sent.
  NOTIFY_WEBHOOK_URL: 'https://hooks.fuzz.invalid/alerts',
  NOTIFY_TIMEOUT_MS: '500',
  NOTIFY_BACKOFF_MS: '0',
};

/** Rows for every kind of id a path names, so that valid ids reach past the lookups. */
async function seedKnownValues(t: TestApp): Promise<KnownValues> {
  await insertExecution(t.dataSource, 'Bio-Cartridge', { status: 'success', startedAt: FIXED_NOW });
  await insertDcrsRun(t.dataSource, {
    date: '2026-02-01',
    executionTime: FIXED_NOW,
    totalTests: 10,
    avgScore: 8.5,
    bestModel: 'Gemini',
    changesApplied: false,
  });
  await t.dataSource.getRepository(AlertEntity).insert({
    type: 'model_down',
    severity: 'critical',
    subject: 'Gemini',
    message: 'Gemini is down',
    createdAt: FIXED_NOW,
    openKey: 'model_down:Gemini',
  });
  await createChannel(t, KEYS.admin, { name: 'ops', kind: 'webhook', url: 'https://hooks.fuzz.invalid/ops' });
  const runId = randomUUID();
  await t.dataSource.getRepository(ManualTestRunEntity).insert({
    id: runId,
    status: 'completed',
    models: ['Gemini'],
    requestedAt: FIXED_NOW,
    results: [],
  });
  return {
    id: ['1', '2', '3'],
    model_id: ['1', '2'],
    name: ['Bio-Cartridge', 'Investment-Cartridge'],
    run_id: [runId],
    'Idempotency-Key': ['fuzz-replayed-key'],
  };
}

/** Waits for the work a request started in the background: runs first, then the alerts and deliveries. */
async function settle(t: TestApp): Promise<void> {
  await t.app.get(DcrsRunnerService).idle();
  await t.app.get(ManualTestService).idle();
  await t.app.get(CartridgeRunnerService).idle();
  await t.app.get(AlertsService).idle();
  await t.app.get(NotificationDispatcher).idle();
  await t.app.get(AlertsService).idle();
}

/** A cartridge a fuzzed request gave a schedule would start runs on its own: its job is stopped. */
function stopCronJobs(t: TestApp): void {
  for (const job of t.app.get(SchedulerRegistry).getCronJobs().values()) void job.stop();
}

describe('fuzzing every operation of openapi.json', () => {
  let t: TestApp;
  let known: KnownValues;
  let fingerprintSql: string;
  /** The tables as the last request left them. */
  let tables: Fingerprint;
  /** Statuses answered, per operation: shows how far past validation the requests got. */
  const statuses = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    t = await startTestApp({ listen: true, env: QUIET_ENV });
    known = await seedKnownValues(t);
    fingerprintSql = await fingerprintQuery(t.dataSource);
    tables = await readFingerprint(t.dataSource, fingerprintSql);
    console.log(`fuzz seed ${SEED}, ${RUNS_PER_OPERATION} runs per operation (FUZZ_SEED and FUZZ_RUNS change them)`);
  });
  afterAll(async () => {
    const lines = [...statuses].map(
      ([label, counts]) => `${label}: ${[...counts].map(([status, n]) => `${status}×${n}`).join(' ')}`,
    );
    console.log(`answers per operation\n${lines.join('\n')}`);
    await t.close();
  });

  it('runs with no interval or cron job scheduled, so that the tables change only by request', () => {
    const registry = t.app.get(SchedulerRegistry);
    // Only the run heartbeats, every 10 minutes (RUN_HEARTBEAT_MS above): none is due while the suite runs.
    expect(registry.getIntervals().sort()).toEqual([
      'cartridge-runs-heartbeat',
      'dcrs-heartbeat',
      'manual-tests-heartbeat',
    ]);
    expect([...registry.getCronJobs().keys()]).toEqual([]);
  });

  it('the answer check finds a 5xx, another error shape, a stack trace, SQL and a server path', () => {
    const answer = (status: number, text: string, type = 'application/json; charset=utf-8') =>
      responseProblems({ status, headers: { 'content-type': type }, text });
    expect(answer(500, '{"statusCode":500,"error":"Internal Server Error","message":"Internal server error"}')).toEqual(
      ['status 500'],
    );
    expect(answer(404, '<pre>Cannot GET /x</pre>', 'text/html')).not.toEqual([]);
    expect(answer(400, '{"statusCode":400,"message":"no error field"}')).not.toEqual([]);
    expect(answer(400, '{"statusCode":400,"error":"Bad Request","message":"days must be an integer"}')).toEqual([]);
    const stack = 'QueryFailedError: boom\n    at Foo.bar (/work/src/models/models.repository.ts:12:5)';
    expect(leaksIn([stack]).length).toBeGreaterThanOrEqual(3);
    expect(leaksIn(['SELECT "m"."id" FROM "models" "m"'])).toHaveLength(1);
    expect(leaksIn(['UNIQUE constraint failed: models.name'])).toHaveLength(1);
    expect(leaksIn(['at file:///app/dist/src/main.js:10:3'])).not.toEqual([]);
    // An answer that echoes what was sent is never taken for a leak.
    expect(leaksIn(['name must be 1 to 100 characters', ...NASTY_STRINGS, ...NUMBER_LIKE, ...RAW_SEGMENTS])).toEqual(
      [],
    );
  });

  it.each(OPERATIONS.map((operation, index) => [operation.label, operation, index] as const))(
    '%s: no 5xx, no leak, nothing written when refused',
    async (_label, operation, index) => {
      const property = fc.asyncProperty(requestArbitrary(operation, known, KEYS), async (fuzz: FuzzRequest) => {
        const logsBefore = t.logs.length;
        const response = await send(t.url, fuzz);
        const counts = statuses.get(operation.label) ?? new Map<number, number>();
        statuses.set(operation.label, counts.set(response.status, (counts.get(response.status) ?? 0) + 1));
        stopCronJobs(t);
        await settle(t);
        const problems = responseProblems(response);
        const after = await readFingerprint(t.dataSource, fingerprintSql);
        if (response.status >= 400) {
          problems.push(...fingerprintChanges(tables, after).map((change) => `a refused request wrote: ${change}`));
        }
        tables = after;
        if (problems.length > 0) {
          const answer = response.text.length > 500 ? `${response.text.slice(0, 500)}…` : response.text;
          const logged = t.logs.slice(logsBefore).join('').slice(0, 2_000);
          throw new Error(
            `${describeRequest(fuzz)}\nanswered ${response.status} ${answer}\n- ${problems.join('\n- ')}` +
              (logged ? `\nlogged: ${logged}` : ''),
          );
        }
      });
      const seed = SEED + index;
      const details = await fc.check(property, { numRuns: RUNS_PER_OPERATION, seed, endOnFailure: true });
      if (details.failed) {
        const cause =
          details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        throw new Error(`${operation.label}, seed ${seed} (FUZZ_SEED=${SEED}), run ${details.numRuns}:\n${cause}`);
      }
    },
    120_000,
  );
});
