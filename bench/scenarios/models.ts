// Scenario 1: GET /api/models against an empty Nest handler behind the same middleware sending the same
// bytes (GET /bench/baseline in the same app), and against bare node:http sending them too; autocannon
// with 50 connections in another process, at 10 and 1,000 models.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ModelListSnapshots } from '../../src/models/model-list.snapshot.js';
import { BASELINE_PATH, baselineBody, growModels, startBenchApp } from '../lib/bench-app.js';
import { startClient, type ClientProcess } from '../lib/child.js';
import { fixed, ratioTarget, thousands } from '../lib/figures.js';
import type { Scenario, ScenarioOptions, ScenarioResult, TargetCheck } from '../lib/scenario.js';

interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

const CONNECTIONS = 50;
const ROUNDS = 3;

/** The round with the median requests/s, and the median p99 of the rounds. */
function median(loads: readonly Load[]): Load {
  const byRps = [...loads].sort((a, b) => a.rps - b.rps);
  const p99s = loads.map((l) => l.p99).sort((a, b) => a - b);
  const middle = Math.floor(loads.length / 2);
  return { ...byRps[middle], p99: p99s[middle] };
}

async function load(client: ClientProcess, url: string, seconds: number): Promise<Load> {
  const result = await client.ask<Load>({ cmd: 'load', url, connections: CONNECTIONS, seconds }, (seconds + 60) * 1000);
  if (result.requests === 0 || result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.requests} requests, ${result.non2xx} not 2xx, ${result.errors} errors`);
  }
  return result;
}

export const modelsScenario: Scenario = {
  name: 'models',
  async run({ quick }: ScenarioOptions): Promise<ScenarioResult> {
    const seconds = quick ? 1 : 5;
    const warmup = quick ? 1 : 2;
    const sizes = quick ? [10, 50] : [10, 1000];
    const measurements: Record<string, number | string> = {
      connections: CONNECTIONS,
      seconds_per_run: seconds,
      rounds: ROUNDS,
    };
    const targets: TargetCheck[] = [];
    const bench = await startBenchApp({ baseline: true });
    const bare = createServer((_request, response) => {
      response.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': baselineBody.bytes.length,
        ETag: baselineBody.etag,
      });
      response.end(baselineBody.bytes);
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
    const client = startClient('http-load.mjs', {});
    try {
      for (const size of sizes) {
        await growModels(bench, size);
        const snapshot = await bench.app.get(ModelListSnapshots).current();
        baselineBody.bytes = snapshot.bytes;
        baselineBody.etag = snapshot.etag;
        const runs: [string, string][] = [
          ['api', `${bench.url}/api/models`],
          ['nest', `${bench.url}${BASELINE_PATH}`],
          ['bare', bareUrl],
        ];
        // Interleaved rounds, the median of each: the machine's load drifts during a run, and each of the
        // three sees the same drift.
        for (const [, url] of runs) await load(client, url, warmup);
        const rounds = new Map<string, Load[]>(runs.map(([name]) => [name, []]));
        for (let round = 0; round < (quick ? 1 : ROUNDS); round++) {
          // Each round in another order, so that none of the three always follows the same one.
          const order = [...runs.slice(round % runs.length), ...runs.slice(0, round % runs.length)];
          for (const [name, url] of order) rounds.get(name)!.push(await load(client, url, seconds));
        }
        const results = new Map([...rounds].map(([name, loads]) => [name, median(loads)]));
        const api = results.get('api')!;
        const nest = results.get('nest')!;
        const bareRun = results.get('bare')!;
        measurements[`bytes_${size}`] = snapshot.bytes.length;
        for (const [name, run] of results) {
          measurements[`${name}_rps_${size}`] = fixed(run.rps, 0);
          measurements[`${name}_p99_ms_${size}`] = run.p99;
        }
        const rpsLimit = size <= 10 ? 0.8 : 0.5;
        targets.push(
          ratioTarget(
            `requests/s vs empty Nest handler, ${size} models`,
            api.rps / nest.rps,
            rpsLimit,
            'at least',
            `${thousands(api.rps)} vs ${thousands(nest.rps)} req/s; bare node:http ${thousands(bareRun.rps)}`,
          ),
        );
        if (size <= 10) {
          targets.push(
            ratioTarget(
              `p99 vs empty Nest handler, ${size} models`,
              api.p99 / Math.max(nest.p99, 1),
              1.5,
              'at most',
              `${api.p99} vs ${nest.p99} ms; bare node:http ${bareRun.p99} ms`,
            ),
          );
        }
      }
    } finally {
      await client.close();
      await new Promise((resolve) => bare.close(resolve));
      await bench.close();
    }
    return {
      scenario: 'models',
      title: 'GET /api/models vs an empty Nest handler (same middleware, same bytes) and bare node:http',
      measurements,
      targets,
      notes: [
        `autocannon, ${CONNECTIONS} connections, in its own process: after a ${warmup} s warm-up of each, ${ROUNDS} interleaved ` +
          `rounds of ${seconds} s (API, empty handler, node:http, rotated each round), the median of each; ` +
          'server and client share the 2 cores. Latencies are whole milliseconds (autocannon), so a p99 ratio of small numbers is coarse.',
      ],
    };
  },
};
