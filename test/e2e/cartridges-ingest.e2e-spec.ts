// Workers reporting executions: POST /api/cartridges/:name/results with an Idempotency-Key. Replays
// answer the first answer and write nothing (also when they race), a reused key with another body is a
// 409, ingest keys may post results and nothing else, and the status follows the reports.
import request from 'supertest';
import { CartridgeIngestService } from '../../src/cartridges/cartridge-ingest.service.js';
import { MAX_OUTPUT_BYTES, type WorkerReport } from '../../src/cartridges/worker-report.js';
import { CartridgeExecutionEntity } from '../../src/cartridges/cartridge-execution.entity.js';
import type { CartridgeResultEvent } from '../../src/events/domain-events.js';
import { minutesBefore } from '../factories/fixtures.js';
import { newAdminKey, newIngestKey } from '../factories/keys.js';
import { recordEvents } from '../setup/domain-events.js';
import { cartridgeId, countRows } from '../setup/rows.js';
import { FIXED_NOW, fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';
import { createCartridge, listed, postResult } from './cartridges.helpers.js';

const ADMIN = newAdminKey();
const INGEST = newIngestKey();

let t: TestApp;
let results: CartridgeResultEvent[];
let counter = 0;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock(),
    listen: true,
    env: { ADMIN_API_KEY: ADMIN, INGEST_API_KEYS: `${newIngestKey()},${INGEST}` },
  });
  results = recordEvents(t.app, 'cartridge.result');
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  results.length = 0;
});

const newCartridge = async (extra: Record<string, unknown> = {}): Promise<string> => {
  const name = `Worker-${++counter}`;
  await createCartridge(t, ADMIN, { name, ...extra });
  return name;
};
const at = (minutesAgo: number) => minutesBefore(FIXED_NOW, minutesAgo).toISOString();
const report = (overrides: Record<string, unknown> = {}) => ({
  status: 'success',
  started_at: at(10),
  finished_at: at(9),
  summary: 'Summarised 12 papers',
  ...overrides,
});
const rowsOf = async (name: string) =>
  countRows(t.dataSource, CartridgeExecutionEntity, { cartridgeId: await cartridgeId(t.dataSource, name) });

describe('recording a report', () => {
  it('201 with the execution; duration defaults to the difference; the output is stored as JSON; one event', async () => {
    const name = await newCartridge();
    const output = { papers: [{ title: 'A', score: 0.9 }], tags: ['bio'], ok: true };
    const res = await postResult(t, name, INGEST, 'run-1', report({ output })).expect(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      status: 'success',
      started_at: at(10),
      finished_at: at(9),
      duration_ms: 60_000,
      summary: 'Summarised 12 papers',
      source: 'worker',
      model_used: null,
    });
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    const stored = await request(t.server).get(`/api/cartridges/${name}/results/${res.body.id}`).expect(200);
    expect(stored.body).toEqual({ ...res.body, output });
    expect(results).toEqual([
      {
        cartridge: name,
        execution: {
          id: res.body.id,
          status: 'success',
          startedAt: new Date(at(10)),
          finishedAt: new Date(at(9)),
          durationMs: 60_000,
          summary: 'Summarised 12 papers',
        },
        successRate: 100,
      },
    ]);
  });

  it('keeps a given duration and reads offsets as instants', async () => {
    const name = await newCartridge();
    const res = await postResult(
      t,
      name,
      INGEST,
      'k',
      report({ started_at: '2026-02-01T16:00:00+09:00', finished_at: at(0), duration_ms: 1234 }),
    ).expect(201);
    expect(res.body).toMatchObject({ started_at: '2026-02-01T07:00:00.000Z', duration_ms: 1234 });
  });
});

describe('idempotency', () => {
  it('the same key and body again: the first answer (status and body), one row, one event', async () => {
    const name = await newCartridge();
    const first = await postResult(t, name, INGEST, 'same-key', report({ output: { a: 1, b: [1, 2] } })).expect(201);
    for (let i = 0; i < 3; i++) {
      // The same report with its keys in another order is the same report.
      const again = await postResult(t, name, INGEST, 'same-key', { output: { b: [1, 2], a: 1 }, ...report() }).expect(
        201,
      );
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
    }
    // The admin key replays it too: the key belongs to the cartridge, not to who posts.
    expect(
      (await postResult(t, name, ADMIN, 'same-key', report({ output: { a: 1, b: [1, 2] } })).expect(201)).body,
    ).toEqual(first.body);
    expect(await rowsOf(name)).toBe(1);
    expect(results).toHaveLength(1);
  });

  it('the same key with another body: 409, nothing written, no event', async () => {
    const name = await newCartridge();
    await postResult(t, name, INGEST, 'reused', report()).expect(201);
    for (const changed of [
      report({ status: 'failure' }),
      report({ summary: 'other' }),
      report({ duration_ms: 60_000 }),
      report({ output: [1] }),
    ]) {
      const res = await postResult(t, name, INGEST, 'reused', changed).expect(409);
      expect(res.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'This Idempotency-Key was already used with a different body: use a new key for a new report',
        request_id: expect.any(String),
      });
    }
    expect(await rowsOf(name)).toBe(1);
    expect(results).toHaveLength(1);
  });

  it('keys are per cartridge: the same key on another cartridge is a new report', async () => {
    const a = await newCartridge();
    const b = await newCartridge();
    const first = await postResult(t, a, INGEST, 'shared', report()).expect(201);
    const second = await postResult(t, b, INGEST, 'shared', report()).expect(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(results.map((e) => e.cartridge)).toEqual([a, b]);
  });

  it('five concurrent posts with one key: one row, one event, five identical answers', async () => {
    const name = await newCartridge();
    const body = report({ output: { n: 5 } });
    // Over real sockets (fetch to the listening app), so that on PostgreSQL the five race to the unique index.
    const post = () =>
      fetch(`${t.url}/api/cartridges/${name}/results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': INGEST, 'idempotency-key': 'racing' },
        body: JSON.stringify(body),
      });
    const answers = await Promise.all(Array.from({ length: 5 }, post));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    const bodies = await Promise.all(answers.map((a) => a.json()));
    for (const answer of bodies) expect(answer).toEqual(bodies[0]);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
    expect(await rowsOf(name)).toBe(1);
    expect(results).toHaveLength(1);
  });

  it('concurrent first attempts that all pass the lookup: the unique index lets one write, the others answer as replays', async () => {
    // SQLite serves one HTTP request at a time to the end, so the race is started here, below HTTP.
    const name = await newCartridge();
    const ingestion = t.app.get(CartridgeIngestService);
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => ingestion.ingest(name, 'racing', report() as WorkerReport)),
    );
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
    for (const outcome of outcomes) expect(outcome.execution).toEqual(outcomes[0].execution);
    await expect(ingestion.ingest(name, 'racing', report({ status: 'failure' }) as WorkerReport)).rejects.toThrow(
      /different body/,
    );
    expect(await rowsOf(name)).toBe(1);
    expect(results).toHaveLength(1);
  });

  it('a report shows up in GET /api/cartridges exactly once however often it is replayed', async () => {
    const name = await newCartridge();
    for (let i = 0; i < 4; i++)
      await postResult(t, name, INGEST, 'ok-run', report({ started_at: at(30), finished_at: at(29) })).expect(201);
    for (let i = 0; i < 3; i++)
      await postResult(
        t,
        name,
        INGEST,
        'bad-run',
        report({ status: 'failure', started_at: at(20), finished_at: at(19) }),
      ).expect(201);
    expect(await listed(t, name)).toMatchObject({ success_rate: 50, last_execution: at(20), status: 'degraded' });
    const history = await request(t.server).get(`/api/cartridges/${name}/results`).expect(200);
    expect(history.body.results.map((r: { status: string }) => r.status)).toEqual(['failure', 'success']);
    expect(results.map((e) => e.successRate)).toEqual([100, 50]);
  });
});

describe('who may report', () => {
  it('no key or a wrong key: 401; an ingest key (any of the list) or the admin key: 201', async () => {
    const name = await newCartridge();
    const missing = await postResult(t, name, null, 'a', report()).expect(401);
    expect(missing.body.message).toBe(
      'A valid ingest or admin API key is required (X-API-Key header or Authorization: Bearer)',
    );
    await postResult(t, name, newIngestKey(), 'a', report()).expect(401);
    expect(await rowsOf(name)).toBe(0);
    await postResult(t, name, INGEST, 'a', report()).expect(201);
    await postResult(t, name, ADMIN, 'b', report()).expect(201);
    await request(t.server)
      .post(`/api/cartridges/${name}/results`)
      .set('Authorization', `Bearer ${INGEST}`)
      .set('Idempotency-Key', 'c')
      .send(report())
      .expect(201);
    expect(await rowsOf(name)).toBe(3);
  });
});

describe('validation: 400 naming the field, nothing written', () => {
  let name: string;
  beforeAll(async () => {
    name = await newCartridge();
  });

  it.each<[string, unknown, RegExp]>([
    ['no status', { started_at: at(2), finished_at: at(1) }, /^status must be success or failure$/],
    ['status running', report({ status: 'running' }), /^status must be success or failure$/],
    ['no started_at', report({ started_at: undefined }), /^started_at must be an ISO-8601 timestamp with a time zone/],
    [
      'a date without a time zone',
      report({ started_at: '2026-02-01T07:00:00' }),
      /^started_at must be an ISO-8601 timestamp with a time zone/,
    ],
    ['a date that does not exist', report({ finished_at: '2026-02-30T07:00:00Z' }), /^finished_at must be an ISO-8601/],
    ['a number as finished_at', report({ finished_at: 1769929200000 }), /^finished_at must be an ISO-8601/],
    [
      'a finish before the start',
      report({ started_at: at(1), finished_at: at(2) }),
      /^finished_at must not be before started_at$/,
    ],
    ['a negative duration', report({ duration_ms: -1 }), /^duration_ms must be a non-negative integer$/],
    ['a fractional duration', report({ duration_ms: 1.5 }), /^duration_ms must be a non-negative integer$/],
    ['a summary that is no text', report({ summary: 42 }), /^summary must be a string of at most 2000 characters$/],
    ['a long summary', report({ summary: 'x'.repeat(2001) }), /^summary must be a string of at most 2000 characters$/],
    [
      'an output over 64 KB',
      report({ output: { text: 'x'.repeat(MAX_OUTPUT_BYTES) } }),
      /^output must be at most 65536 bytes as JSON \(got 65547\)$/,
    ],
    ['an unknown field', report({ model: 'Groq' }), /^property model should not exist$/],
  ])('%s', async (_label, body, message) => {
    const res = await postResult(t, name, INGEST, `key-${_label}`, body).expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(message),
      request_id: expect.any(String),
    });
    expect(await rowsOf(name)).toBe(0);
    expect(results).toEqual([]);
  });

  it('the Idempotency-Key header is required, 1 to 200 characters', async () => {
    const expected = 'Idempotency-Key header is required: 1 to 200 characters';
    expect((await postResult(t, name, INGEST, null, report()).expect(400)).body.message).toBe(expected);
    expect((await postResult(t, name, INGEST, 'k'.repeat(201), report()).expect(400)).body.message).toBe(expected);
    expect(await rowsOf(name)).toBe(0);
    await postResult(t, name, INGEST, 'k'.repeat(200), report()).expect(201);
  });

  it('an unknown cartridge is a 404', async () => {
    const res = await postResult(t, 'Nope-Cartridge', INGEST, 'x', report()).expect(404);
    expect(res.body.message).toBe('Cartridge "Nope-Cartridge" not found');
  });
});

describe('status from the reports', () => {
  it('with an hourly schedule, no execution for more than two hours is stale; without a schedule it is not', async () => {
    const hourly = await newCartridge({ schedule: { cron: '0 * * * *' } });
    const unscheduled = await newCartridge();
    expect(await listed(t, hourly)).toMatchObject({ status: 'idle', schedule: { cron: '0 * * * *', timezone: 'UTC' } });
    for (const name of [hourly, unscheduled]) {
      await postResult(t, name, INGEST, 'old', report({ started_at: at(121), finished_at: at(120) })).expect(201);
    }
    expect(await listed(t, hourly)).toMatchObject({ status: 'stale', success_rate: 100 });
    expect(await listed(t, unscheduled)).toMatchObject({ status: 'healthy' });
    await postResult(t, hourly, INGEST, 'fresh', report({ started_at: at(119), finished_at: at(118) })).expect(201);
    expect(await listed(t, hourly)).toMatchObject({ status: 'healthy' });
  });

  it('the last three failed: failing', async () => {
    const name = await newCartridge();
    for (const minutes of [40, 30, 20]) {
      await postResult(
        t,
        name,
        INGEST,
        `f${minutes}`,
        report({ status: 'failure', started_at: at(minutes), finished_at: at(minutes - 1) }),
      ).expect(201);
    }
    expect(await listed(t, name)).toMatchObject({ status: 'failing', success_rate: 0 });
  });
});
