import { parseAppConfig } from './app-config.js';
import { configProblems } from '../../test/setup/config-problems.js';

const problemsOf = configProblems;

describe('resilience settings', () => {
  it('default to 10,000 buffered results, a check every 2 s at most, and 10 s to stop', () => {
    expect(parseAppConfig({}).resilience).toEqual({
      resultBufferMax: 10_000,
      databaseRetryMaxMs: 2_000,
      shutdownTimeoutMs: 10_000,
    });
  });

  it('take other values within their bounds', () => {
    const config = parseAppConfig({
      RESULT_BUFFER_MAX: '50',
      DATABASE_RETRY_MAX_MS: '500',
      SHUTDOWN_TIMEOUT_MS: '25000',
    });
    expect(config.resilience).toEqual({ resultBufferMax: 50, databaseRetryMaxMs: 500, shutdownTimeoutMs: 25_000 });
  });

  it('refuse values out of bounds or not integers, naming the variable', () => {
    expect(problemsOf({ RESULT_BUFFER_MAX: '0' })).toEqual([
      'RESULT_BUFFER_MAX must be an integer from 1 to 1000000 (got "0")',
    ]);
    expect(problemsOf({ DATABASE_RETRY_MAX_MS: '2s' })).toEqual([
      'DATABASE_RETRY_MAX_MS must be an integer from 100 to 60000 (got "2s")',
    ]);
    expect(problemsOf({ SHUTDOWN_TIMEOUT_MS: '500' })).toEqual([
      'SHUTDOWN_TIMEOUT_MS must be an integer from 1000 to 600000 (got "500")',
    ]);
  });
});
