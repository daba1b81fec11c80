// Scenario 3: probe rows per second sustained into PostgreSQL through the app's write path: batches of
// results (several per model, as a short write window of frequent probes gives) handed to
// ProbeResultRecorder.recordMany (one insertCalls call, then one state update per model), back to back, while autocannon (another process) reads GET /api/models and GET /api/models/1;
// then the rows alone (insertCalls batches, no state) for reference. Without BENCH_DATABASE_URL it runs
// on SQLite and says so.
import { utcDate } from '../../src/common/clock.js';
import { MetricsRepository, type NewCallRow } from '../../src/metrics/metrics.repository.js';
import type { ModelEntity } from '../../src/models/model.entity.js';
import { ModelsRepository } from '../../src/models/models.repository.js';
import { ProbeResultRecorder, type MeasuredProbe } from '../../src/probing/probe-result.recorder.js';
import { growModels, startBenchApp } from '../lib/bench-app.js';
import { startClient } from '../lib/child.js';
import { fixed, limitTarget, thousands } from '../lib/figures.js';
import type { Scenario, ScenarioOptions, ScenarioResult } from '../lib/scenario.js';

interface Load {
  rps: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

function probeOf(model: ModelEntity, at: Date, round: number): MeasuredProbe {
  const success = (round + model.id) % 50 !== 0;
  const row: NewCallRow = {
    modelId: model.id,
    kind: 'probe',
    timestamp: at,
    date: utcDate(at),
    score: success ? 10 : 0,
    responseTime: 400 + ((round * 31 + model.id * 17) % 1200),
    success,
    errorKind: success ? null : 'timeout',
    ttftMs: success ? 150 : null,
    tokensPerSecond: success ? 60 : null,
    outputTokens: success ? 3 : null,
    caseId: null,
    runId: null,
  };
  return { model, row, outcome: { verdict: success ? 'success' : 'failure', errorKind: row.errorKind, at } };
}

export const ingestScenario: Scenario = {
  name: 'ingest',
  async run({ quick, postgresUrl }: ScenarioOptions): Promise<ScenarioResult> {
    const modelCount = quick ? 20 : 100;
    const perModel = quick ? 10 : 20;
    const seconds = quick ? 2 : 30;
    const bench = await startBenchApp({ postgresUrl });
    const readers = [startClient('http-load.mjs', {}), startClient('http-load.mjs', {})];
    try {
      await growModels(bench, modelCount);
      const models = await bench.app.get(ModelsRepository).findEnabled();
      const recorder = bench.app.get(ProbeResultRecorder);
      const metrics = bench.app.get(MetricsRepository);

      // The write path, with the REST reads going on meanwhile.
      const reads = Promise.all([
        readers[0].ask<Load>({ cmd: 'load', url: `${bench.url}/api/models`, connections: 10, seconds }),
        readers[1].ask<Load>({ cmd: 'load', url: `${bench.url}/api/models/1`, connections: 2, seconds }),
      ]);
      let rows = 0;
      let round = 0;
      const started = performance.now();
      while (performance.now() - started < seconds * 1000) {
        const batch: MeasuredProbe[] = [];
        for (let i = 0; i < perModel; i++) {
          const at = new Date();
          for (const model of models) batch.push(probeOf(model, at, round * perModel + i));
        }
        await recorder.recordMany(batch);
        rows += batch.length;
        round++;
      }
      const elapsed = (performance.now() - started) / 1000;
      const [list, detail] = await reads;
      if (recorder.buffered > 0) throw new Error(`${recorder.buffered} results were kept, not written`);

      // The rows alone: what insertCalls takes, without the state updates.
      let bare = 0;
      const bareStarted = performance.now();
      while (performance.now() - bareStarted < (quick ? 1000 : 10_000)) {
        const at = new Date();
        const rowsOnly = Array.from({ length: perModel }, (_, i) =>
          models.map((m) => probeOf(m, at, round * perModel + i).row),
        ).flat();
        await metrics.insertCalls(rowsOnly);
        bare += rowsOnly.length;
        round++;
      }
      const bareElapsed = (performance.now() - bareStarted) / 1000;

      const rowsPerS = rows / elapsed;
      return {
        scenario: 'ingest',
        title: 'Probe rows per second through the recorder, with REST reads meanwhile',
        measurements: {
          engine: bench.config.database.engine,
          models: modelCount,
          rows_per_batch: modelCount * perModel,
          batches: round,
          rows_per_s: fixed(rowsPerS, 0),
          rows_only_per_s: fixed(bare / bareElapsed, 0),
          list_p99_ms: list.p99,
          list_rps: fixed(list.rps, 0),
          detail_p99_ms: detail.p99,
          detail_rps: fixed(detail.rps, 0),
          read_errors: list.errors + list.non2xx + detail.errors + detail.non2xx,
        },
        targets: [
          limitTarget(
            `probe rows/s (rows + model state), ${bench.config.database.engine}`,
            rowsPerS,
            5000,
            'at least',
            'rows/s',
          ),
          limitTarget('REST p99 meanwhile (GET /api/models, 10 connections)', list.p99, 50, 'at most', 'ms'),
          limitTarget('REST p99 meanwhile (GET /api/models/1, 2 connections)', detail.p99, 50, 'at most', 'ms'),
        ],
        notes: [
          `${modelCount} models, batches of ${perModel} results per model (${modelCount * perModel} rows) written back to back ` +
            `for ${seconds} s: each batch is one insertCalls call and then ${modelCount} state updates (a few reads and a ` +
            `locked write each). The rows alone (insertCalls, no state) go in at ${thousands(bare / bareElapsed)} rows/s.`,
          ...(bench.config.database.engine === 'sqlite'
            ? ['BENCH_DATABASE_URL was not set: measured on SQLite, not PostgreSQL.']
            : []),
        ],
      };
    } finally {
      await Promise.all(readers.map((reader) => reader.close()));
      await bench.close();
    }
  },
};
