// Scenario 5: N models probed every interval by the app's own scheduler against the fake provider
// (test/fake-provider, an OpenAI-compatible server on loopback): how late each round starts against the
// schedule (drift) and the resident memory. The round the scheduler adds one second after boot is left out. A round's start is its first probe.completed minus that
// call's latency; drift of round k = start_k − (start_0 + k × interval).
import { EventEmitter2 } from '@nestjs/event-emitter';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProbeCompletedEvent } from '../../src/events/domain-events.js';
import { startFakeProvider } from '../../test/fake-provider/fake-provider.server.js';
import { growModels, startBenchApp } from '../lib/bench-app.js';
import { fixed, limitTarget } from '../lib/figures.js';
import type { Scenario, ScenarioOptions, ScenarioResult } from '../lib/scenario.js';

export const probingScenario: Scenario = {
  name: 'probing',
  async run({ quick, postgresUrl }: ScenarioOptions): Promise<ScenarioResult> {
    const modelCount = quick ? 50 : 1000;
    const intervalMs = quick ? 2000 : 60_000;
    const rounds = quick ? 3 : 4;
    const fake = await startFakeProvider({ defaultText: 'pong' });
    const bench = await startBenchApp({
      postgresUrl,
      env: {
        ...fake.envFor(['openai']),
        SIMULATE_PROVIDERS: 'false',
        // Models are added before the first round is due: the interval starts at boot.
        PROBE_INTERVAL_MS: String(intervalMs),
      },
    });
    const completions: number[] = [];
    let rssMax = 0;
    const sampler = setInterval(() => {
      rssMax = Math.max(rssMax, process.memoryUsage().rss);
    }, 250);
    try {
      await growModels(bench, modelCount + 10, 'openai');
      bench.app.get(EventEmitter2).on('probe.completed', (event: ProbeCompletedEvent) => {
        completions.push(event.at.getTime() - event.latencyMs);
      });
      const deadline = Date.now() + (rounds + 1.5) * intervalMs + 30_000;
      const starts = (): number[] => completions.filter((at, i) => i === 0 || at - completions[i - 1] > intervalMs / 2);
      // The scheduler's extra round one second after boot (models still being added) is left out.
      while (starts().length < rounds + 1 && Date.now() < deadline) await sleep(200);
      // Let the last round finish before reading its figures.
      await sleep(Math.min(intervalMs / 2, 10_000));
      const roundStarts = starts().slice(1);
      if (roundStarts.length < 2) throw new Error(`only ${roundStarts.length} probe round(s) ran`);
      const drifts = roundStarts.map((start, k) => start - (roundStarts[0] + k * intervalMs));
      const drift = Math.max(...drifts.map(Math.abs));
      const probesPerRound = completions.filter((at) => at >= roundStarts[0]).length / roundStarts.length;
      (globalThis as { gc?: () => void }).gc?.();
      const rssEnd = process.memoryUsage().rss;
      return {
        scenario: 'probing',
        title: `${modelCount} models probed every ${intervalMs / 1000} s against the fake provider`,
        measurements: {
          engine: bench.config.database.engine,
          models: modelCount,
          interval_ms: intervalMs,
          rounds: roundStarts.length,
          probes_per_round: fixed(probesPerRound, 0),
          drift_max_ms: fixed(drift, 0),
          drifts_ms: drifts.map((d) => fixed(d, 0)).join(' '),
          rss_max_mb: fixed(rssMax / 1024 ** 2, 0),
          rss_end_mb: fixed(rssEnd / 1024 ** 2, 0),
        },
        targets: [
          limitTarget('schedule drift (max over rounds)', drift, 1000, 'at most', 'ms'),
          limitTarget('RSS (max, app + fake provider in one process)', rssMax / 1024 ** 2, 250, 'at most', 'MB'),
        ],
        notes: [
          `${rounds} rounds on ${bench.config.database.engine}, PROBE_CONCURRENCY 4; the fake provider answers at once and runs in the ` +
            'same process as the app (its RSS counts). Drift is how late a round starts against the first one plus k intervals.',
        ],
      };
    } finally {
      clearInterval(sampler);
      await bench.close();
      await fake.close();
    }
  },
};
