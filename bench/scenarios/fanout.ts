// Scenario 4: model_update to 1,000 / 2,000 / 5,000 Socket.io clients (in another process) from the app,
// against a bare Socket.io server emitting the same message; then the same clients with deltas on, a few
// models changing between ticks. Latency is receive time minus the message's timestamp (set when it was
// published), over every client and tick; memory per client is the app process's growth once connected.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Server } from 'socket.io';
import { ModelListSnapshots } from '../../src/models/model-list.snapshot.js';
import { ModelsRepository } from '../../src/models/models.repository.js';
import { ModelFeed } from '../../src/realtime/model-feed.js';
import { growModels, startBenchApp, type BenchApp } from '../lib/bench-app.js';
import { startClient } from '../lib/child.js';
import { fixed, pct, ratioTarget } from '../lib/figures.js';
import type { Scenario, ScenarioOptions, ScenarioResult, TargetCheck } from '../lib/scenario.js';

interface Collected {
  latencies: number[];
  received: number;
}

interface Run {
  p50: number;
  p99: number;
  memoryPerClientKb: number;
}

function memoryNow(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
}

/** Connects `count` clients, runs `ticks` ticks (each: mark, send, collect), closes them. */
async function measure(
  url: string,
  count: number,
  deltas: boolean,
  ticks: number,
  send: (tick: number) => Promise<void>,
): Promise<Run> {
  const before = memoryNow();
  const clients = startClient('io-clients.mjs', { url, count, deltas });
  try {
    await clients.ask({ cmd: 'connect' }, 300_000);
    const memoryPerClientKb = (memoryNow() - before) / count / 1024;
    const latencies: number[] = [];
    for (let tick = 0; tick < ticks; tick++) {
      await clients.ask({ cmd: 'mark' });
      await send(tick);
      const collected = await clients.ask<Collected>({ cmd: 'collect', expected: count });
      if (collected.received < count) throw new Error(`tick ${tick}: ${collected.received} of ${count} clients got it`);
      latencies.push(...collected.latencies);
      await sleep(200);
    }
    return { p50: pct(latencies, 50), p99: pct(latencies, 99), memoryPerClientKb: fixed(memoryPerClientKb, 1) };
  } finally {
    await clients.close();
    await sleep(500);
  }
}

/** Changes the state of a few models, as a probe round would. */
async function changeSome(bench: BenchApp, tick: number, ids: readonly number[]): Promise<void> {
  const models = bench.app.get(ModelsRepository);
  for (let i = 0; i < 3; i++) {
    const id = ids[(tick * 3 + i) % ids.length];
    await models.saveState(id, { responseTime: 500 + tick * 10 + i, updatedAt: new Date() });
  }
  bench.app.get(ModelListSnapshots).invalidate();
}

export const fanoutScenario: Scenario = {
  name: 'fanout',
  async run({ quick }: ScenarioOptions): Promise<ScenarioResult> {
    const counts = quick ? [20] : [1000, 2000, 5000];
    const modelCount = quick ? 10 : 50;
    const ticks = quick ? 2 : 10;
    const measurements: Record<string, number | string> = { models: modelCount, ticks };
    const targets: TargetCheck[] = [];
    const bench = await startBenchApp();
    const bareHttp = createServer();
    const bare = new Server(bareHttp, { transports: ['websocket'] });
    await new Promise<void>((resolve) => bareHttp.listen(0, '127.0.0.1', resolve));
    const bareUrl = `http://127.0.0.1:${(bareHttp.address() as AddressInfo).port}`;
    try {
      await growModels(bench, modelCount);
      const ids = (await bench.app.get(ModelsRepository).findAllOrdered()).map((m) => m.id);
      const feed = bench.app.get(ModelFeed);
      const snapshots = bench.app.get(ModelListSnapshots);
      const { models, average_score } = (await snapshots.current()).body;
      measurements['payload_bytes'] = JSON.stringify({
        type: 'model_update',
        models,
        average_score,
        timestamp: new Date().toISOString(),
      }).length;
      for (const count of counts) {
        const bareRun = await measure(bareUrl, count, false, ticks, () => {
          bare.emit('model_update', {
            type: 'model_update',
            models,
            average_score,
            timestamp: new Date().toISOString(),
          });
          return Promise.resolve();
        });
        const full = await measure(bench.url, count, false, ticks, () => feed.broadcastModelUpdate());
        const delta = await measure(bench.url, count, true, ticks, async (tick) => {
          await changeSome(bench, tick, ids);
          await feed.broadcastModelUpdate();
        });
        for (const [name, run] of [
          ['bare', bareRun],
          ['full', full],
          ['deltas', delta],
        ] as const) {
          measurements[`${name}_p50_ms_${count}`] = run.p50;
          measurements[`${name}_p99_ms_${count}`] = run.p99;
          measurements[`${name}_kb_per_client_${count}`] = run.memoryPerClientKb;
        }
        if (count === counts.at(-1)) {
          targets.push(
            ratioTarget(
              `full model_update p99 vs bare Socket.io, ${count} clients`,
              full.p99 / Math.max(bareRun.p99, 1),
              1.1,
              'at most',
              `${full.p99} vs ${bareRun.p99} ms`,
            ),
            ratioTarget(
              `deltas p99 vs bare Socket.io full, ${count} clients`,
              delta.p99 / Math.max(bareRun.p99, 1),
              0.5,
              'at most',
              `${delta.p99} vs ${bareRun.p99} ms`,
            ),
          );
        }
      }
    } finally {
      await bare.close();
      await bench.close();
    }
    return {
      scenario: 'fanout',
      title: 'model_update fan-out to Socket.io clients vs a bare Socket.io server; full and deltas',
      measurements,
      targets,
      notes: [
        `${modelCount} models (a ${measurements['payload_bytes']}-byte model_update), ${ticks} ticks per run, all clients in one ` +
          'other process (websocket transport); delta ticks change 3 models each. Memory per client: resident growth of the ' +
          'server process (app and bare server share it) once all are connected.',
      ],
    };
  },
};
