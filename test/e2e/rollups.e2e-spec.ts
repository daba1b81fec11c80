// Hourly and daily rollups against the raw rows they summarize, on both engines: counts, uptime and
// percentiles (within the histogram's stated error), concurrent writers, the resolution parameter,
// model detail speed, and retention that never deletes what is not rolled up.
import request from 'supertest';
import { FixedClock } from '../../src/common/clock.js';
import { RELATIVE_ERROR } from '../../src/common/log-histogram.js';
import { utcDate } from '../../src/common/clock.js';
import { percentile } from '../../src/common/stats.js';
import { MetricEntity } from '../../src/metrics/metric.entity.js';
import { MetricsRepository, type NewCallRow } from '../../src/metrics/metrics.repository.js';
import { MetricRollupEntity } from '../../src/metrics/rollups/metric-rollup.entity.js';
import { RollupBackfillEntity } from '../../src/metrics/rollups/rollup-backfill.entity.js';
import { RollupMaintenanceRepository } from '../../src/metrics/rollups/rollup-maintenance.repository.js';
import { RollupMaintenanceService } from '../../src/metrics/rollups/rollup-maintenance.service.js';
import { insertModel } from '../factories/fixtures.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const NOW = new Date('2026-02-01T08:37:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ERROR_KINDS = ['timeout', 'server_error', 'rate_limited', 'network'];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Every 20 minutes for `days` days before NOW: mostly probes, some evaluation cases, some failures. */
function history(modelId: number, days: number, seed: number): NewCallRow[] {
  const next = random(seed);
  const rows: NewCallRow[] = [];
  for (let at = NOW.getTime() - days * DAY; at <= NOW.getTime(); at += 20 * MINUTE) {
    const timestamp = new Date(at);
    const evaluation = next() < 0.1;
    const success = next() > 0.08;
    rows.push({
      modelId,
      timestamp,
      date: utcDate(timestamp),
      kind: evaluation ? 'evaluation' : 'probe',
      caseId: evaluation ? 'case-a' : null,
      runId: null,
      success,
      errorKind: success ? null : ERROR_KINDS[Math.floor(next() * ERROR_KINDS.length)],
      score: success ? Math.round(70 + next() * 30) / 10 : 0,
      responseTime: Math.round(200 + next() * 900 + (next() < 0.05 ? 4000 : 0)),
      ttftMs: success ? Math.round(50 + next() * 400) : null,
      tokensPerSecond: success ? Math.round((20 + next() * 120) * 10) / 10 : null,
      outputTokens: success ? Math.round(10 + next() * 200) : null,
    });
  }
  return rows;
}

function exactUptime(rows: readonly NewCallRow[], since: number): number | null {
  const counted = rows.filter(
    (r) => r.timestamp.getTime() >= since && r.kind === 'probe' && r.caseId === null && r.errorKind !== 'rate_limited',
  );
  if (counted.length === 0) return null;
  return Math.round((10_000 * counted.filter((r) => r.success).length) / counted.length) / 100;
}

/** Read back from a log histogram and rounded to `step`: within the stated error plus the rounding. */
function expectWithin(actual: number | null, exact: number | null, step = 1): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - exact!)).toBeLessThanOrEqual(RELATIVE_ERROR * exact! + step / 2);
}

describe('metric rollups', () => {
  let t: TestApp;
  let model: number;
  let other: number;
  let rows: NewCallRow[];

  beforeAll(async () => {
    t = await startTestApp({ clock: new FixedClock(NOW), env: { RETENTION_INTERVAL_MS: '0' } });
    model = (await insertModel(t.dataSource, { name: 'Rolled' })).id;
    other = (await insertModel(t.dataSource, { name: 'Concurrent' })).id;
    rows = history(model, 40, 11);
    // Written as the app writes them, in batches of various sizes, several at once.
    const metrics = t.app.get(MetricsRepository);
    const batches: NewCallRow[][] = [];
    for (let i = 0, size = 1; i < rows.length; i += size, size = (size % 37) + 1) batches.push(rows.slice(i, i + size));
    for (let i = 0; i < batches.length; i += 8)
      await Promise.all(batches.slice(i, i + 8).map((b) => metrics.insertCalls(b)));
  });
  afterAll(async () => {
    await t.close();
  });

  it('hold exactly the raw counts, per hour and per day', async () => {
    const rollups = await t.dataSource.getRepository(MetricRollupEntity).findBy({ modelId: model });
    for (const resolution of ['hour', 'day'] as const) {
      const mine = rollups.filter((r) => r.resolution === resolution);
      expect(mine.reduce((sum, r) => sum + r.calls, 0)).toBe(rows.length);
      expect(mine.reduce((sum, r) => sum + r.successes, 0)).toBe(rows.filter((r) => r.success).length);
      const size = resolution === 'hour' ? HOUR : DAY;
      expect(new Set(mine.map((r) => `${Math.floor(r.bucketStart.getTime() / size)}|${r.kind}`)).size).toBe(
        mine.length,
      );
    }
    const raw = await t.dataSource.getRepository(MetricEntity).countBy({ modelId: model });
    expect(raw).toBe(rows.length);
  });

  it('count every row of many concurrent writers to the same bucket', async () => {
    const metrics = t.app.get(MetricsRepository);
    const at = new Date(NOW.getTime() - 5 * MINUTE);
    const one = (i: number): NewCallRow => ({
      modelId: other,
      timestamp: at,
      date: utcDate(at),
      kind: 'probe',
      caseId: null,
      runId: null,
      success: i % 4 !== 0,
      errorKind: i % 4 !== 0 ? null : 'timeout',
      score: 10,
      responseTime: 100 + i,
      ttftMs: 40,
      tokensPerSecond: 50,
      outputTokens: 5,
    });
    await Promise.all(Array.from({ length: 24 }, (_, i) => metrics.insertCalls([one(i), one(i + 100)])));
    const hour = await t.dataSource
      .getRepository(MetricRollupEntity)
      .findOneByOrFail({ modelId: other, resolution: 'hour', kind: 'probe' });
    expect({ calls: hour.calls, successes: hour.successes, errors: JSON.parse(hour.errors) }).toEqual({
      calls: 48,
      successes: 36,
      errors: { timeout: 12 },
    });
    expect(hour.outputTokensSum).toBe(48 * 5);
  });

  it('give model detail uptime windows equal to the raw counts, and speed within the stated error', async () => {
    const res = await request(t.server).get(`/api/models/${model}`).expect(200);
    const windows = {
      last_24h: NOW.getTime() - DAY,
      last_7d: NOW.getTime() - 7 * DAY,
      last_30d: NOW.getTime() - 30 * DAY,
    };
    for (const [name, since] of Object.entries(windows)) {
      expect(res.body.uptime[name]).toBe(exactUptime(rows, since));
      const inWindow = rows.filter((r) => r.timestamp.getTime() >= since);
      const ok = inWindow.filter((r) => r.success);
      const speed = res.body.speed[name];
      expect(speed.calls).toBe(inWindow.length);
      expect(speed.successes).toBe(ok.length);
      const errors: Record<string, number> = {};
      for (const r of inWindow) if (!r.success) errors[r.errorKind!] = (errors[r.errorKind!] ?? 0) + 1;
      expect(speed.errors_by_kind).toEqual(errors);
      const latencies = ok.map((r) => r.responseTime);
      expectWithin(speed.response_time_ms.p50, percentile(latencies, 50));
      expectWithin(speed.response_time_ms.p95, percentile(latencies, 95));
      expectWithin(speed.response_time_ms.p99, percentile(latencies, 99));
      expectWithin(
        speed.ttft_ms.p50,
        percentile(
          ok.map((r) => r.ttftMs!),
          50,
        ),
      );
      expectWithin(
        speed.ttft_ms.p95,
        percentile(
          ok.map((r) => r.ttftMs!),
          95,
        ),
      );
      expectWithin(
        speed.tokens_per_second.p50,
        percentile(
          ok.map((r) => r.tokensPerSecond!),
          50,
        ),
        0.1,
      );
    }
    const day = rows.filter((r) => r.timestamp.getTime() >= windows.last_24h);
    expect(res.body.summary_24h.count).toBe(day.length);
    expect(res.body.summary_24h.mean_response_time).toBe(
      Math.round(day.reduce((sum, r) => sum + r.responseTime, 0) / day.length),
    );
  });

  it('serve hour points by default for 3 to 60 days, day points beyond, raw up to 2 days', async () => {
    const raw = await request(t.server).get(`/api/metrics?model_id=${model}&days=2&limit=10000`).expect(200);
    expect(raw.body.resolution).toBe('raw');
    const newest = rows[rows.length - 1];
    expect(raw.body.metrics[0]).toMatchObject({
      ttft_ms: newest.ttftMs,
      tokens_per_second: newest.tokensPerSecond,
      output_tokens: newest.outputTokens,
    });

    const hours = await request(t.server).get(`/api/metrics?model_id=${model}&days=3&limit=10000`).expect(200);
    expect(hours.body.resolution).toBe('hour');
    // 3 × 24 hours back from 08:37 touch 73 hourly buckets, newest first.
    expect(hours.body.points).toHaveLength(73);
    const first = hours.body.points[0];
    expect(first.bucket_start).toBe('2026-02-01T08:00:00.000Z');
    const inFirst = rows.filter((r) => r.timestamp.getTime() >= Date.parse(first.bucket_start));
    expect(first.calls).toBe(inFirst.length);
    expect(first.model).toBe('Rolled');

    const days = await request(t.server).get(`/api/metrics?model_id=${model}&days=90`).expect(200);
    expect(days.body.resolution).toBe('day');
    expect(days.body.points.reduce((sum: number, p: { calls: number }) => sum + p.calls, 0)).toBe(rows.length);
    const oneDay = days.body.points[3];
    const from = Date.parse(oneDay.bucket_start);
    const dayRows = rows.filter((r) => r.timestamp.getTime() >= from && r.timestamp.getTime() < from + DAY);
    expect(oneDay.uptime).toBe(exactUptime(dayRows, from));
    expectWithin(
      oneDay.response_time_ms.p95,
      percentile(
        dayRows.filter((r) => r.success).map((r) => r.responseTime),
        95,
      ),
    );
    expect(oneDay.output_tokens).toBe(dayRows.reduce((sum, r) => sum + (r.outputTokens ?? 0), 0));

    const capped = await request(t.server).get(`/api/metrics?days=90&resolution=hour&limit=5`).expect(200);
    expect(capped.body.points).toHaveLength(5);
  });

  it('retention deletes old raw rows only once they are rolled up, and keeps what the rollups say', async () => {
    // Mean scores are compared apart: sums of doubles in another order may differ in the last bit.
    type Point = { mean_score: number | null };
    const series = async (): Promise<{ points: Point[] }> =>
      (await request(t.server).get(`/api/metrics?model_id=${model}&days=60&resolution=day`).expect(200)).body;
    const withoutMeans = (body: { points: Point[] }): unknown =>
      body.points.map((point) => ({ ...point, mean_score: undefined }));
    const before = await series();
    // As if the database had been upgraded: this model's rows (written first) were there before the rollups.
    const raw = t.dataSource.getRepository(MetricEntity);
    const ids = (await raw.find({ select: { id: true }, where: { modelId: model } })).map((r) => r.id);
    const through = Math.max(...ids);
    await t.dataSource.getRepository(MetricRollupEntity).delete({ modelId: model });
    await t.dataSource.getRepository(RollupBackfillEntity).save({ id: 1, throughId: through, doneId: 0 });
    const cutoff = new Date(NOW.getTime() - 30 * DAY);
    const old = rows.filter((r) => r.timestamp < cutoff).length;
    expect(old).toBeGreaterThan(0);
    // Not rolled up yet: retention's delete leaves them alone.
    expect(await t.app.get(RollupMaintenanceRepository).deleteRawBatch(cutoff, 100_000)).toBe(0);
    expect(await raw.countBy({ modelId: model })).toBe(rows.length);

    const outcome = await t.app.get(RollupMaintenanceService).run();
    expect(outcome.backfilled).toBeGreaterThanOrEqual(rows.length);
    expect(outcome.rawDeleted).toBe(old);
    expect(await raw.countBy({ modelId: model })).toBe(rows.length - old);
    // The rollups, rebuilt by the backfill, say exactly what they said before.
    const after = await series();
    expect(withoutMeans(after)).toEqual(withoutMeans(before));
    after.points.forEach((point, i) => expect(point.mean_score).toBeCloseTo(before.points[i].mean_score!, 1));
  });
});
