// `npm run bench`: runs the scenarios of bench/scenarios one after another (`-- --only models,fanout` for
// some), writes each result to bench/results/<scenario>.json and prints one markdown table. BENCH_QUICK=1
// is a smoke run of each (seconds, tiny sizes; results in bench/results/quick/, not committed): it never
// fails on a number, but a scenario that crashes fails the run. `--readme` (npm run bench:readme) rewrites the README's Benchmarks table from the result
// files instead of measuring. BENCH_DATABASE_URL: an administrative PostgreSQL URL for the scenarios that
// need PostgreSQL (they make their own scratch database).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fanoutScenario } from './scenarios/fanout.js';
import { historyScenario } from './scenarios/history.js';
import { ingestScenario } from './scenarios/ingest.js';
import { modelsScenario } from './scenarios/models.js';
import { probingScenario } from './scenarios/probing.js';
import type { Scenario, ScenarioOptions } from './lib/scenario.js';
import { machineInfo } from './lib/machine.js';
import { markdownTable, readResult, withBenchTable, writeResult, type StoredResult } from './lib/report.js';

export const SCENARIOS: readonly Scenario[] = [
  modelsScenario,
  historyScenario,
  ingestScenario,
  fanoutScenario,
  probingScenario,
];
const RESULTS_DIR = join(process.cwd(), 'bench', 'results');
/** Smoke figures say nothing: they go where git does not look, so that CI leaves the checkout clean. */
const QUICK_RESULTS_DIR = join(RESULTS_DIR, 'quick');

function selected(argv: readonly string[]): Scenario[] {
  const at = argv.indexOf('--only');
  const only = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  if (!only) return [...SCENARIOS];
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.map((s) => s.name).join(', ')})`);
  }
  return SCENARIOS.filter((scenario) => names.includes(scenario.name));
}

export async function runScenario(scenario: Scenario, options: ScenarioOptions): Promise<StoredResult> {
  const started = performance.now();
  const result = await scenario.run(options);
  return {
    ...result,
    machine: machineInfo(),
    quick: options.quick,
    durationS: Math.round((performance.now() - started) / 100) / 10,
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const scenarios = selected(argv);
  if (argv.includes('--readme')) {
    const results = scenarios.map((s) => readResult(RESULTS_DIR, s.name)).filter((r): r is StoredResult => r !== null);
    const readme = join(process.cwd(), 'README.md');
    writeFileSync(readme, withBenchTable(readFileSync(readme, 'utf8'), results));
    process.stdout.write(`README.md: Benchmarks table rewritten from ${results.length} result file(s)\n`);
    return 0;
  }
  const options: ScenarioOptions = {
    quick: process.env['BENCH_QUICK'] === '1',
    postgresUrl: process.env['BENCH_DATABASE_URL'] || undefined,
  };
  const results: StoredResult[] = [];
  let crashed = 0;
  for (const scenario of scenarios) {
    process.stdout.write(`\n▶ ${scenario.name}${options.quick ? ' (quick)' : ''}\n`);
    try {
      const result = await runScenario(scenario, options);
      results.push(result);
      const dir = options.quick ? QUICK_RESULTS_DIR : RESULTS_DIR;
      process.stdout.write(`  ${writeResult(dir, result)} (${result.durationS} s)\n`);
      process.stdout.write(`${markdownTable([result])}\n`);
    } catch (error) {
      crashed++;
      process.stderr.write(
        `✖ ${scenario.name} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
  }
  process.stdout.write(`\n${markdownTable(results)}\n`);
  if (options.quick) process.stdout.write('\nBENCH_QUICK=1: a smoke run; no target is enforced.\n');
  return crashed > 0 ? 1 : 0;
}

// Imported by the smoke test for SCENARIOS/runScenario; run as a program otherwise.
if (process.argv[1]?.endsWith(join('bench', 'run.js'))) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
