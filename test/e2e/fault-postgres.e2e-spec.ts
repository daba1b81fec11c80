// PostgreSQL stopped for 6 s under an app that probes four models every second: it does not crash,
// readiness answers 503 while the database is away and 200 within 10 s once it is back, probing goes
// on, and every probe call the provider received ends up as a row once the kept results are written.
// The server is a throw-away cluster of this test's own (test/setup/throwaway-postgres.ts): stopping
// it disturbs nothing else. Runs in the e2e-postgres project only (see jest.config.js).
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createScratchPostgres, type ScratchDatabase } from '../../scripts/scratch-postgres.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/fake-provider.server.js';
import { Scrape } from '../setup/prometheus.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../setup/throwaway-postgres.js';
import { waitFor } from '../setup/waiting.js';

const OUTAGE_MS = 6_000;
/** Seeded model → the provider model its api type is configured with. */
const PROBED = { OpenAI: 'm-openai', Groq: 'm-groq', Anthropic: 'm-anthropic', Gemini: 'm-google' } as const;

interface ReadinessSample {
  at: number;
  status: number | 'no answer';
}

let cluster: ThrowawayPostgres | undefined;
let database: ScratchDatabase | undefined;
let fake: FakeProvider;
let t: TestApp | undefined;

beforeAll(async () => {
  cluster = await startThrowawayPostgres();
  database = await createScratchPostgres(cluster.url);
  fake = await startFakeProvider({ defaultText: 'pong' });
  // A little latency, so that calls are in flight when the server goes.
  for (const model of Object.values(PROBED)) fake.script(model, { kind: 'answer', text: 'pong', delayMs: 120 });
  t = await startTestApp({
    database: { engine: 'postgres', env: { DATABASE_URL: database.url }, drop: () => Promise.resolve() },
    env: {
      ...fake.envFor(['openai', 'groq', 'anthropic', 'google']),
      OPENAI_MODEL: PROBED.OpenAI,
      GROQ_MODEL: PROBED.Groq,
      ANTHROPIC_MODEL: PROBED.Anthropic,
      GOOGLE_MODEL: PROBED.Gemini,
      SIMULATE_PROVIDERS: 'false',
      PROBE_INTERVAL_MS: '1000',
    },
    listen: true,
  });
}, 120_000);

afterAll(async () => {
  await t?.close().catch(() => undefined);
  await fake?.close();
  await database?.drop().catch(() => undefined);
  await cluster?.drop();
}, 60_000);

function totalCalls(): number {
  return Object.values(PROBED).reduce((sum, model) => sum + fake.callsTo(model), 0);
}

/** GET /api/health/ready every 200 ms until stopped. */
function pollReadiness(url: string): { samples: ReadinessSample[]; stop(): Promise<void> } {
  const samples: ReadinessSample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = performance.now();
      try {
        const res = await fetch(`${url}/api/health/ready`, { signal: AbortSignal.timeout(3000) });
        await res.arrayBuffer();
        samples.push({ at, status: res.status });
      } catch {
        samples.push({ at, status: 'no answer' });
      }
      await sleep(200);
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

async function probeRowsByModel(url: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; rows: string }>(
      `SELECT m.name, COUNT(d.id) AS rows FROM models m LEFT JOIN daily_metrics d ON d.model_id = m.id AND d.kind = 'probe'
       GROUP BY m.name`,
    );
    return new Map(rows.map((row) => [row.name, Number(row.rows)]));
  } finally {
    await client.end();
  }
}

it('loses no probe result while PostgreSQL is stopped for 6 s, and is ready again within 10 s of its return', async () => {
  const app = t!;
  const readiness = pollReadiness(app.url);
  await waitFor('two probe rounds', () =>
    Promise.resolve(Object.values(PROBED).every((model) => fake.callsTo(model) >= 2) ? true : undefined),
  );
  await waitFor('readiness 200', () => Promise.resolve(readiness.samples.at(-1)?.status === 200 ? true : undefined));
  const logsBefore = app.logs.length;

  const callsBeforeStop = totalCalls();
  await cluster!.stop();
  const stoppedAt = performance.now();
  await sleep(OUTAGE_MS);
  const callsWhileDown = totalCalls() - callsBeforeStop;
  const startedAt = performance.now();
  await cluster!.start(); // returns once the server accepts connections
  const backAt = performance.now();

  const readyAgain = await waitFor(
    'readiness 200 after the database returned',
    () => Promise.resolve(readiness.samples.find((sample) => sample.at >= startedAt && sample.status === 200)),
    15_000,
  );
  const scrapeOnceWritten = await waitFor(
    'the kept results to be written',
    async () => {
      const scrape = new Scrape(await (await fetch(`${app.url}/metrics`)).text());
      return scrape.value('shawn_results_buffered') === 0 ? scrape : undefined;
    },
    20_000,
  );
  await sleep(1_500); // rounds after the return go straight to the database again
  await readiness.stop();
  await app.close(); // waits for a round under way and writes anything still kept
  t = undefined;

  const rows = await probeRowsByModel(database!.url);
  const counts = Object.entries(PROBED).map(([name, providerModel]) => ({
    name,
    calls: fake.callsTo(providerModel),
    rows: rows.get(name) ?? 0,
  }));
  const during = readiness.samples.filter((sample) => sample.at > stoppedAt + 500 && sample.at < startedAt);
  process.stdout.write(
    `fault-postgres: ${callsWhileDown} probe calls while the database was down; calls vs rows ${JSON.stringify(counts)}; ` +
      `readiness while down ${JSON.stringify([...new Set(during.map((s) => s.status))])} (${during.length} polls), ` +
      `200 again ${Math.round(readyAgain.at - startedAt)} ms after the start command, whose wait for the server ` +
      `took ${Math.round(backAt - startedAt)} ms\n`,
  );

  // Probing went on while the database was away, and every call has its row.
  expect(callsWhileDown).toBeGreaterThanOrEqual(4 * 4);
  for (const count of counts) expect(count.rows).toBe(count.calls);
  expect(scrapeOnceWritten.value('shawn_results_dropped_total', { reason: 'overflow' })).toBe(0);
  expect(scrapeOnceWritten.value('shawn_results_dropped_total', { reason: 'refused' })).toBe(0);

  // Readiness: 503 all along the outage, 200 within 10 s of the return.
  expect(during.length).toBeGreaterThanOrEqual(10);
  expect(during.every((sample) => sample.status === 503)).toBe(true);
  expect(readyAgain.at - startedAt).toBeLessThan(backAt - startedAt + 10_000);

  // One warning when it went, one line when it came back, and no error storm in between.
  const lines = app.logs.slice(logsBefore).map((line) => JSON.parse(line) as { level: number; msg: string });
  expect(lines.filter((line) => line.msg.startsWith('The database does not answer'))).toHaveLength(1);
  expect(lines.filter((line) => line.msg.startsWith('The database answers again'))).toHaveLength(1);
  expect(lines.filter((line) => line.level >= 50).map((line) => line.msg)).toEqual([]);
}, 120_000);
