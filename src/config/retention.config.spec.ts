import { parseAppConfig } from './app-config.js';
import { configProblems } from '../../test/setup/config-problems.js';

const problemsOf = (env: Record<string, string>): string => configProblems(env).join('\n');

describe('retention settings', () => {
  it('keep raw rows 30 days and rollups 400 days by default, in batches of 5,000 every hour', () => {
    expect(parseAppConfig({}).retention).toEqual({
      rawDays: 30,
      rollupDays: 400,
      intervalMs: 3_600_000,
      batchSize: 5000,
      batchPauseMs: 50,
    });
  });

  it('take every setting from the environment, 0 meaning keep forever', () => {
    expect(
      parseAppConfig({
        METRICS_RAW_RETENTION_DAYS: '0',
        ROLLUP_RETENTION_DAYS: '0',
        RETENTION_INTERVAL_MS: '60000',
        RETENTION_BATCH_SIZE: '100',
        RETENTION_BATCH_PAUSE_MS: '0',
      }).retention,
    ).toEqual({ rawDays: 0, rollupDays: 0, intervalMs: 60_000, batchSize: 100, batchPauseMs: 0 });
  });

  it('refuse rollups kept for less time than raw rows, and bad numbers, naming the variable', () => {
    expect(problemsOf({ METRICS_RAW_RETENTION_DAYS: '90', ROLLUP_RETENTION_DAYS: '30' })).toContain(
      'ROLLUP_RETENTION_DAYS (30) must be at least METRICS_RAW_RETENTION_DAYS (90)',
    );
    expect(problemsOf({ METRICS_RAW_RETENTION_DAYS: '-1' })).toContain('METRICS_RAW_RETENTION_DAYS must be an integer');
    expect(problemsOf({ RETENTION_BATCH_SIZE: '0' })).toContain('RETENTION_BATCH_SIZE must be an integer');
  });
});
