// Scenario 2 of issue 12: long history. A scratch PostgreSQL database holding 250 models × 28 days ×
// 1 probe a minute (10 M raw rows; quick: 4 models × 2 days every 5 minutes), filled by the history
// seeder with its rollups. Measured over HTTP, with the load client in another process: p95 of a
// model's 30-day series at hour resolution and of model detail. Baseline, in the same run: the same
// questions answered by GROUP BY over the raw rows, timed as direct SQL from this process (no HTTP
// or JSON cost on the baseline's side, so the ratio is if anything understated).
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/app.setup.js';
import { parseAppConfig } from '../../src/config/app-config.js';
import { buildDataSourceOptions, openDataSource } from '../../src/database/data-source.js';
import { seedHistory } from '../../scripts/history-seeder.js';
import { createScratchPostgres } from '../../scripts/scratch-postgres.js';
import type { Scenario, ScenarioOptions, ScenarioResult } from '../lib/scenario.js';

const TARGET_P95_MS = 30;
const TARGET_RATIO = 20;

/** The load client, run by another node process: `requests` GETs one after another, latencies out. */
const LOAD_CLIENT = `
const [url, requests, warmup] = process.argv.slice(1);
const latencies = [];
for (let i = 0; i < Number(warmup) + Number(requests); i++) {
  const started = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) { console.error('status ' + res.status + ' for ' + url); process.exit(1); }
  if (i >= Number(warmup)) latencies.push(performance.now() - started);
}
process.stdout.write(JSON.stringify(latencies));
`;

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? 0;
}

const round = (value: number, decimals = 1): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

async function httpP95(url: string, requests: number): Promise<number> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', LOAD_CLIENT, url, String(requests), String(Math.min(20, requests))],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return p95(JSON.parse(stdout) as number[]);
}

/** The 30-day hourly series of one model, by GROUP BY over the raw rows. */
const RAW_SERIES = `
  SELECT date_trunc('hour', timestamp) AS bucket, count(*) AS calls, count(*) FILTER (WHERE success) AS successes,
         avg(score) AS mean_score,
         percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY response_time) FILTER (WHERE success) AS latency,
         percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY ttft_ms) FILTER (WHERE success) AS ttft,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY tokens_per_second) FILTER (WHERE success) AS tps,
         sum(output_tokens) AS output_tokens
    FROM daily_metrics WHERE model_id = $1 AND timestamp >= $2
   GROUP BY 1 ORDER BY 1 DESC`;

/** Model detail's questions (24 h summary, 24 h / 7 d / 30 d uptime and speed), over the raw rows. */
const RAW_DETAIL = `
  SELECT w.days, count(*) AS calls, count(*) FILTER (WHERE success) AS successes, avg(score), avg(response_time),
         count(*) FILTER (WHERE kind IN ('probe', 'simulated') AND case_id IS NULL AND error_kind IS DISTINCT FROM 'rate_limited') AS counted,
         percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY response_time) FILTER (WHERE success) AS latency,
         percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY ttft_ms) FILTER (WHERE success) AS ttft,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY tokens_per_second) FILTER (WHERE success) AS tps
    FROM (VALUES (1), (7), (30)) AS w(days)
    JOIN daily_metrics m ON m.model_id = $1 AND m.timestamp >= $2::timestamptz - make_interval(days => w.days)
   GROUP BY w.days`;

async function sqlP95(client: pg.Client, sql: string, params: unknown[], runs: number): Promise<number> {
  await client.query(sql, params); // warm the cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await client.query(sql, params);
    times.push(performance.now() - started);
  }
  return p95(times);
}

async function run(options: ScenarioOptions): Promise<ScenarioResult> {
  const result: ScenarioResult = {
    scenario: 'history',
    title: "A model's 30-day series (hour resolution) and model detail on PostgreSQL with long history",
    measurements: {},
    targets: [],
    notes: [],
  };
  if (!options.postgresUrl) {
    result.notes.push('Skipped: needs PostgreSQL (BENCH_DATABASE_URL).');
    return result;
  }
  const shape = options.quick
    ? { models: 4, days: 2, intervalSeconds: 300, requests: 30, sqlRuns: 10 }
    : { models: 250, days: 28, intervalSeconds: 60, requests: 300, sqlRuns: 30 };
  const scratch = await createScratchPostgres(options.postgresUrl);
  try {
    const now = new Date();
    const dataSource = await openDataSource(buildDataSourceOptions({ engine: 'postgres', url: scratch.url, path: '' }));
    let seeded;
    try {
      seeded = await seedHistory(dataSource, { ...shape, now, rebuildIndexes: true, prefix: 'bench-' });
    } finally {
      await dataSource.destroy();
    }
    result.measurements['raw_rows'] = seeded.rows;
    result.measurements['models'] = shape.models;
    result.measurements['seed_seconds'] = round(seeded.seconds);
    result.measurements['seed_rows_per_second'] = Math.round(seeded.rows / seeded.seconds);
    const modelId = seeded.modelIds[Math.floor(seeded.modelIds.length / 2)];

    const config = parseAppConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: '0',
      DATABASE_URL: scratch.url,
      SEED_DEMO_DATA: 'false',
      PROBE_INTERVAL_MS: '0',
      DCRS_CRON: 'off',
      RETENTION_INTERVAL_MS: '0',
      RATE_LIMIT_READS: '10000',
    });
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: ['error'] });
    configureApp(app, config);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      const seriesMs = await httpP95(
        `${base}/api/metrics?model_id=${modelId}&days=30&resolution=hour&limit=1000`,
        shape.requests,
      );
      const detailMs = await httpP95(`${base}/api/models/${modelId}`, shape.requests);
      const since = new Date(now.getTime() - 30 * 86_400_000);
      const rawSeriesMs = await sqlP95(client, RAW_SERIES, [modelId, since], shape.sqlRuns);
      const rawDetailMs = await sqlP95(client, RAW_DETAIL, [modelId, now], shape.sqlRuns);
      Object.assign(result.measurements, {
        series_http_p95_ms: round(seriesMs, 2),
        detail_http_p95_ms: round(detailMs, 2),
        raw_group_by_series_sql_p95_ms: round(rawSeriesMs, 2),
        raw_group_by_detail_sql_p95_ms: round(rawDetailMs, 2),
      });
      const check = (name: string, ms: number, rawMs: number): void => {
        result.targets.push(
          {
            name: `${name}: p95 over HTTP`,
            target: `≤ ${TARGET_P95_MS} ms`,
            actual: `${round(ms, 1)} ms`,
            met: ms <= TARGET_P95_MS,
          },
          {
            name: `${name}: vs GROUP BY over raw rows (direct SQL)`,
            target: `≥ ${TARGET_RATIO}× faster`,
            actual: `${round(rawMs / ms, 1)}× (${round(rawMs, 1)} vs ${round(ms, 1)} ms)`,
            met: rawMs / ms >= TARGET_RATIO,
          },
        );
      };
      check('30-day hourly series of a model', seriesMs, rawSeriesMs);
      check('model detail (24 h summary, 24 h/7 d/30 d uptime and speed)', detailMs, rawDetailMs);
    } finally {
      await client.end();
      await app.close();
    }
    result.notes.push(
      `${seeded.rows.toLocaleString('en')} raw rows (${shape.models} models × ${shape.days} days, one every ${shape.intervalSeconds} s), ` +
        `seeded with multi-row INSERT … unnest() at ${result.measurements['seed_rows_per_second']} rows/s. ` +
        'HTTP: one request at a time from a child process, after 20 warm-up requests. Baseline: the same ' +
        'aggregates by GROUP BY over daily_metrics, timed as direct SQL (no HTTP or JSON cost).',
    );
    if (options.quick) result.notes.push('Quick run: a small database; the numbers say nothing about the targets.');
    return result;
  } finally {
    await scratch.drop();
  }
}

export const historyScenario: Scenario = { name: 'history', run };
