// `npm run bench`: serves the real app on a scratch database holding two weeks of probe history
// (10 models probed every minute: ~200k rows), then measures the read endpoints the dashboard polls
// and one probe round. Prints a table and exits 1 when a target is missed.
// BENCH_DATABASE_URL=postgres://... runs it on PostgreSQL instead of SQLite. BENCH_QUICK=1 runs every
// step on one day of history with a few requests each and reports without enforcing the targets: CI
// uses it to prove the bench still runs (a shared CI machine says nothing about speed).
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/app.setup.js';
import { utcDate } from '../src/common/clock.js';
import { percentile } from '../src/common/stats.js';
import { parseAppConfig } from '../src/config/app-config.js';
import { MetricsRepository, type NewCallRow } from '../src/metrics/metrics.repository.js';
import { ModelsRepository } from '../src/models/models.repository.js';
import { ProbeService } from '../src/probing/probe.service.js';
import { createScratchPostgres } from '../scripts/scratch-postgres.js';

interface Target {
  path: string;
  requests: number;
  concurrency: number;
  p95TargetMs: number;
}

const TARGETS: Target[] = [
  { path: '/api/models', requests: 2000, concurrency: 8, p95TargetMs: 40 },
  // A detail view opened by a click, not polled: measured one request at a time. (The client shares the
  // server's event loop, so at concurrency N every latency is about N service times.)
  { path: '/api/models/1', requests: 300, concurrency: 1, p95TargetMs: 40 },
  { path: '/api/metrics', requests: 500, concurrency: 8, p95TargetMs: 80 },
  { path: '/api/metrics?days=7&limit=1000', requests: 300, concurrency: 4, p95TargetMs: 120 },
  { path: '/api/cartridges', requests: 1000, concurrency: 8, p95TargetMs: 40 },
  { path: '/api/dcrs/history?days=30', requests: 1000, concurrency: 8, p95TargetMs: 25 },
];
const QUICK = process.env['BENCH_QUICK'] === '1';
const QUICK_REQUESTS = 50;
const HISTORY_DAYS = QUICK ? 1 : 14;
const PROBE_ROUND_TARGET_MS = 2000;
const HEAP_TARGET_MB = 150;

async function fillHistory(metrics: MetricsRepository, modelIds: number[], now: number): Promise<number> {
  const rows: NewCallRow[] = [];
  let count = 0;
  for (let minute = HISTORY_DAYS * 24 * 60; minute > 0; minute--) {
    const timestamp = new Date(now - minute * 60_000);
    for (const modelId of modelIds) {
      const success = (minute + modelId) % 97 !== 0;
      rows.push({
        modelId,
        kind: 'simulated',
        timestamp,
        date: utcDate(timestamp),
        score: success ? 10 : 0,
        responseTime: 800 + ((minute * 7 + modelId * 13) % 1500),
        success,
        errorKind: success ? null : 'timeout',
        ttftMs: success ? 200 : null,
        tokensPerSecond: success ? 50 : null,
        outputTokens: success ? 40 : null,
        caseId: null,
        runId: null,
      });
    }
    if (rows.length >= 5000) {
      count += rows.length;
      await metrics.insertCalls(rows.splice(0));
    }
  }
  count += rows.length;
  await metrics.insertCalls(rows);
  return count;
}

async function measure(url: string, target: Target): Promise<number[]> {
  const latencies: number[] = [];
  let sent = 0;
  const worker = async () => {
    while (sent < target.requests) {
      sent++;
      const start = performance.now();
      const res = await fetch(url + target.path);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${target.path} answered ${res.status}`);
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: target.concurrency }, worker));
  return latencies;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'shawn-bench-'));
  const pgBase = process.env['BENCH_DATABASE_URL'];
  const scratch = pgBase ? await createScratchPostgres(pgBase) : null;
  const config = parseAppConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: '0',
    SEED_DEMO_DATA: 'true',
    SIMULATE_PROVIDERS: 'true',
    PROBE_INTERVAL_MS: '0',
    DCRS_CRON: 'off',
    // One client sends every request (~5,000 reads): the limiter runs on each, and never refuses.
    RATE_LIMIT_READS: '10000',
    ...(scratch ? { DATABASE_URL: scratch.url } : { DATABASE_PATH: join(dir, 'bench.sqlite') }),
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  let failed = false;
  try {
    const models = await app.get(ModelsRepository).findAllOrdered();
    const seeding = performance.now();
    const rows = await fillHistory(
      app.get(MetricsRepository),
      models.map((m) => m.id),
      Date.now(),
    );
    process.stdout.write(
      `engine ${config.database.engine}: ${rows} metric rows written in ${((performance.now() - seeding) / 1000).toFixed(1)} s\n\n`,
    );
    process.stdout.write('endpoint                              requests  conc  p50 ms  p95 ms  target  result\n');
    for (const configured of TARGETS) {
      const target = QUICK ? { ...configured, requests: QUICK_REQUESTS } : configured;
      await measure(url, { ...target, requests: 20 });
      const latencies = await measure(url, target);
      const p50 = percentile(latencies, 50)!;
      const p95 = percentile(latencies, 95)!;
      const ok = p95 <= target.p95TargetMs;
      failed ||= !ok;
      process.stdout.write(
        `${target.path.padEnd(38)}${String(target.requests).padStart(8)}${String(target.concurrency).padStart(6)}${p50.toFixed(1).padStart(8)}${p95.toFixed(1).padStart(8)}${String(target.p95TargetMs).padStart(8)}  ${ok ? 'ok' : 'MISSED'}\n`,
      );
    }
    const roundStart = performance.now();
    const round = await app.get(ProbeService).probeAll();
    const roundMs = performance.now() - roundStart;
    const roundOk = roundMs <= PROBE_ROUND_TARGET_MS;
    failed ||= !roundOk;
    process.stdout.write(
      `\nprobe round (${round.probed} simulated models, incl. state recomputation): ${roundMs.toFixed(0)} ms (target ${PROBE_ROUND_TARGET_MS}) ${roundOk ? 'ok' : 'MISSED'}\n`,
    );
    // The bench itself made ~200k rows of garbage: collect it, so that what is left is the server's.
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    const heapMb = heapUsed / 1024 / 1024;
    const heapOk = heapMb <= HEAP_TARGET_MB;
    failed ||= !heapOk;
    process.stdout.write(
      `live heap after the run: ${heapMb.toFixed(0)} MB (target ${HEAP_TARGET_MB}) ${heapOk ? 'ok' : 'MISSED'}; resident ${(rss / 1024 / 1024).toFixed(0)} MB (the allocator keeps what the bench's own garbage took)\n`,
    );
  } finally {
    await app.close();
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (QUICK) process.stdout.write('\nBENCH_QUICK=1: a smoke run, targets not enforced\n');
  process.exit(failed && !QUICK ? 1 : 0);
}

await main();
