// The contract every benchmark scenario in bench/scenarios/ follows. bench/run.ts runs the selected
// scenarios one after another, writes each result as JSON to bench/results/ and prints one table.
// A scenario measures its own baseline in the same run (the machine is shared and noisy), with the load
// client in another process, and reports the ratio; it never fails on a number (CI runs BENCH_QUICK=1
// only to prove the scenario still runs).

export interface TargetCheck {
  /** What is compared, e.g. "requests/s vs empty Nest handler, 10 models". */
  name: string;
  /** The target, e.g. "≥ 0.8×". */
  target: string;
  /** The measured figure, e.g. "0.91× (3,870 vs 4,250 req/s)". */
  actual: string;
  met: boolean;
}

export interface ScenarioResult {
  scenario: string;
  title: string;
  /** Raw figures, for the JSON file: requests/s, p99 ms, rows/s, RSS MB… */
  measurements: Record<string, number | string>;
  targets: TargetCheck[];
  /** Why a target is missed, or what limits the measurement. */
  notes: string[];
}

export interface ScenarioOptions {
  /** BENCH_QUICK=1: a small smoke run (seconds), for CI and the tests. */
  quick: boolean;
  /** BENCH_DATABASE_URL: an administrative PostgreSQL URL; scenarios make their own scratch database. */
  postgresUrl: string | undefined;
}

export interface Scenario {
  name: string;
  run(options: ScenarioOptions): Promise<ScenarioResult>;
}
