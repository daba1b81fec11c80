import { parseAppConfig } from './app-config.js';
import { configProblems } from '../../test/setup/config-problems.js';

const problemsOf = (env: Record<string, string>): string => configProblems(env).join('\n');

describe('telemetry settings', () => {
  it('leave /metrics open when METRICS_TOKEN is unset', () => {
    expect(parseAppConfig({}).telemetry).toEqual({ metricsToken: undefined });
  });

  it('take a METRICS_TOKEN of at least 16 visible characters', () => {
    expect(parseAppConfig({ METRICS_TOKEN: ' scrape-token-0123456789 ' }).telemetry.metricsToken).toBe(
      'scrape-token-0123456789',
    );
  });

  it('refuse a short token or one that cannot travel in a header, naming the variable but not the value', () => {
    const short = problemsOf({ METRICS_TOKEN: 'short-secret' });
    expect(short).toContain('METRICS_TOKEN must be at least 16 characters long');
    expect(short).not.toContain('short-secret');
    expect(problemsOf({ METRICS_TOKEN: 'has a space in it 0123456789' })).toContain('METRICS_TOKEN must be printable');
    expect(problemsOf({ METRICS_TOKEN: 'ünïcödé-token-0123456789' })).toContain('METRICS_TOKEN must be printable');
  });
});
