// Each benchmark scenario in quick mode (BENCH_QUICK's sizes): it runs to the end, with its load clients
// in their own processes, and reports positive figures and a verdict per target. No number is judged.
// In the e2e-postgres project the scenarios that take a database (ingest, probing) run on PostgreSQL.
import { fanoutScenario } from '../../bench/scenarios/fanout.js';
import { ingestScenario } from '../../bench/scenarios/ingest.js';
import { modelsScenario } from '../../bench/scenarios/models.js';
import { probingScenario } from '../../bench/scenarios/probing.js';
import type { Scenario, ScenarioResult } from '../../bench/lib/scenario.js';

const postgresUrl = process.env['TEST_DB_ENGINE'] === 'postgres' ? process.env['TEST_DATABASE_URL'] : undefined;

function expectShape(result: ScenarioResult, name: string, numbers: string[]): void {
  expect(result.scenario).toBe(name);
  expect(result.title.length).toBeGreaterThan(0);
  expect(result.targets.length).toBeGreaterThan(0);
  for (const target of result.targets) {
    expect(target).toEqual({
      name: expect.any(String),
      target: expect.stringMatching(/^[≥≤] /),
      actual: expect.any(String),
      met: expect.any(Boolean),
    });
  }
  for (const key of numbers) {
    const value = result.measurements[key];
    expect([key, typeof value]).toEqual([key, 'number']);
    expect([key, (value as number) > 0]).toEqual([key, true]);
  }
}

const cases: [string, Scenario, string[]][] = [
  ['models', modelsScenario, ['api_rps_10', 'nest_rps_10', 'bare_rps_10', 'api_rps_50', 'bytes_50']],
  ['ingest', ingestScenario, ['rows_per_s', 'rows_only_per_s', 'list_rps', 'detail_rps']],
  ['fanout', fanoutScenario, ['payload_bytes', 'bare_p99_ms_20', 'full_p99_ms_20', 'deltas_p99_ms_20']],
  ['probing', probingScenario, ['rounds', 'probes_per_round', 'rss_max_mb']],
];

describe('benchmark scenarios, quick', () => {
  it.each(cases)(
    '%s runs and reports its figures',
    async (_name, scenario, numbers) => {
      const result = await scenario.run({ quick: true, postgresUrl });
      expectShape(result, scenario.name, numbers);
    },
    180_000,
  );
});
