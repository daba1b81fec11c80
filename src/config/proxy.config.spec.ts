import { parseAppConfig } from './app-config.js';
import { configProblems } from '../../test/setup/config-problems.js';

const problemsOf = (env: Record<string, string>): string => configProblems(env).join('\n');

describe('TRUST_PROXY', () => {
  it('trusts only a proxy on this machine by default', () => {
    expect(parseAppConfig({}).proxy).toEqual({ trustProxy: ['loopback'] });
  });

  it('takes range names, addresses and CIDR ranges, comma-separated', () => {
    expect(parseAppConfig({ TRUST_PROXY: 'loopback, uniquelocal, 10.0.0.7, 172.16.0.0/12, fd00::/8' }).proxy).toEqual({
      trustProxy: ['loopback', 'uniquelocal', '10.0.0.7', '172.16.0.0/12', 'fd00::/8'],
    });
  });

  it('refuses what Express would not read as a proxy, naming it', () => {
    expect(problemsOf({ TRUST_PROXY: 'true' })).toContain('TRUST_PROXY must list addresses, CIDR ranges');
    expect(problemsOf({ TRUST_PROXY: 'loopback, nginx, 10.0.0.0/33' })).toContain('(not: nginx, 10.0.0.0/33)');
    expect(problemsOf({ TRUST_PROXY: '10.0.0.0/8/1' })).toContain('(not: 10.0.0.0/8/1)');
  });
});
