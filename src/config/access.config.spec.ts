import { parseAppConfig } from './app-config.js';
import { configProblems } from '../../test/setup/config-problems.js';

const problemsOf = configProblems;

describe('access settings', () => {
  it('default to open reads, 600 reads and 60 writes a minute per client', () => {
    expect(parseAppConfig({}).access).toEqual({
      readKeys: [],
      rateLimit: { windowMs: 60_000, reads: 600, writes: 60 },
    });
  });

  it('READ_API_KEY is a comma-separated list, for rotation', () => {
    const keys = parseAppConfig({ READ_API_KEY: ' read-key-old-0123456789 ,read-key-new-0123456789,' }).access.readKeys;
    expect(keys).toEqual(['read-key-old-0123456789', 'read-key-new-0123456789']);
  });

  it('0 turns a limit off; the window may be shortened to a second', () => {
    const config = parseAppConfig({ RATE_LIMIT_READS: '0', RATE_LIMIT_WRITES: '0', RATE_LIMIT_WINDOW_MS: '1000' });
    expect(config.access.rateLimit).toEqual({ windowMs: 1000, reads: 0, writes: 0 });
  });

  it.each([
    [{ READ_API_KEY: 'read-key-0123456789,short' }, 'READ_API_KEY entries must be at least 16 characters long'],
    [{ RATE_LIMIT_READS: '-1' }, 'RATE_LIMIT_READS must be an integer from 0 to 10000 (got "-1")'],
    [{ RATE_LIMIT_WRITES: 'lots' }, 'RATE_LIMIT_WRITES must be an integer from 0 to 10000 (got "lots")'],
    [{ RATE_LIMIT_WRITES: '10001' }, 'RATE_LIMIT_WRITES must be an integer from 0 to 10000 (got "10001")'],
    [{ RATE_LIMIT_WINDOW_MS: '999' }, 'RATE_LIMIT_WINDOW_MS must be an integer from 1000 to 86400000 (got "999")'],
  ])('%j stops the boot naming the variable', (env, problem) => {
    expect(problemsOf(env)).toEqual([problem]);
  });

  it('never echoes a refused read key', () => {
    expect(problemsOf({ READ_API_KEY: 'tiny-secret' }).join('\n')).not.toContain('tiny-secret');
  });
});
