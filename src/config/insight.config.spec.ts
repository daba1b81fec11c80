import { parseAppConfig } from './app-config.js';
import { configProblems } from '../../test/setup/config-problems.js';

const problemsOf = (env: Record<string, string>): string => configProblems(env).join('\n');

describe('insight settings', () => {
  it('default to one flip, fingerprint changes on, a check a minute and the SRE workbook burn rates', () => {
    expect(parseAppConfig({}).insight).toEqual({
      qualityRegressionMinFlips: 1,
      qualityRegressionOnFingerprint: true,
      sloCheckIntervalMs: 60_000,
      sloFastBurnRate: 14.4,
      sloSlowBurnRate: 6,
    });
  });

  it('take every setting from the environment', () => {
    expect(
      parseAppConfig({
        QUALITY_REGRESSION_MIN_FLIPS: '3',
        QUALITY_REGRESSION_ON_FINGERPRINT: 'false',
        SLO_CHECK_INTERVAL_MS: '0',
        SLO_FAST_BURN_RATE: '10',
        SLO_SLOW_BURN_RATE: '2.5',
      }).insight,
    ).toEqual({
      qualityRegressionMinFlips: 3,
      qualityRegressionOnFingerprint: false,
      sloCheckIntervalMs: 0,
      sloFastBurnRate: 10,
      sloSlowBurnRate: 2.5,
    });
  });

  it('refuse values out of range, naming the variable', () => {
    expect(problemsOf({ QUALITY_REGRESSION_MIN_FLIPS: '0' })).toContain('QUALITY_REGRESSION_MIN_FLIPS');
    expect(problemsOf({ SLO_CHECK_INTERVAL_MS: '50' })).toContain('SLO_CHECK_INTERVAL_MS must be 0 (off)');
    expect(problemsOf({ SLO_FAST_BURN_RATE: 'fast' })).toContain('SLO_FAST_BURN_RATE');
  });
});
