import { parseAppConfig } from './app-config.js';
import { configProblems } from '../../test/setup/config-problems.js';

const problemsOf = (env: Record<string, string>): string => configProblems(env).join('\n');

const POSTGRES = 'postgres://app:secret-password@db.internal:5432/shawn';

describe('cluster settings', () => {
  it('leave one process sharing nothing when REDIS_URL is unset', () => {
    expect(parseAppConfig({}).cluster).toEqual({
      redisUrl: undefined,
      redisPrefix: 'shawn:',
      leaderCheckMs: 1000,
      heartbeatMs: 10_000,
      staleHeartbeats: 3,
    });
  });

  it('take REDIS_URL and a prefix with PostgreSQL', () => {
    const config = parseAppConfig({
      DATABASE_URL: POSTGRES,
      REDIS_URL: 'redis://:pw@cache.internal:6379/2',
      REDIS_PREFIX: 'team-a:',
      LEADER_CHECK_MS: '250',
      RUN_HEARTBEAT_MS: '2000',
      RUN_STALE_HEARTBEATS: '4',
    }).cluster;
    expect(config).toEqual({
      redisUrl: 'redis://:pw@cache.internal:6379/2',
      redisPrefix: 'team-a:',
      leaderCheckMs: 250,
      heartbeatMs: 2000,
      staleHeartbeats: 4,
    });
  });

  it('refuse REDIS_URL on SQLite, saying that PostgreSQL is needed', () => {
    expect(problemsOf({ REDIS_URL: 'redis://127.0.0.1:6379' })).toContain('REDIS_URL needs PostgreSQL');
  });

  it('refuse a REDIS_URL that is not redis:// or rediss://, without echoing it', () => {
    const problems = problemsOf({ DATABASE_URL: POSTGRES, REDIS_URL: 'http://:hunter2@cache:6379' });
    expect(problems).toContain('REDIS_URL must start with redis:// or rediss://');
    expect(problems).not.toContain('hunter2');
  });

  it('refuse a prefix with spaces or too long, and out-of-range periods', () => {
    expect(problemsOf({ REDIS_PREFIX: 'has space' })).toContain('REDIS_PREFIX must be 1 to 64');
    expect(problemsOf({ REDIS_PREFIX: 'x'.repeat(65) })).toContain('REDIS_PREFIX must be 1 to 64');
    expect(problemsOf({ LEADER_CHECK_MS: '10' })).toContain('LEADER_CHECK_MS must be an integer from 50');
    expect(problemsOf({ RUN_HEARTBEAT_MS: '50' })).toContain('RUN_HEARTBEAT_MS must be an integer from 100');
    expect(problemsOf({ RUN_STALE_HEARTBEATS: '1' })).toContain('RUN_STALE_HEARTBEATS must be an integer from 2');
  });
});
