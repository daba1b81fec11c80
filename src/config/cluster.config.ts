// Running several instances as one service: REDIS_URL turns it on (and then PostgreSQL is required,
// since SQLite is one file on one machine); unset, the single process works as it always has.
import type { EnvReader } from './env-parsers.js';

export interface ClusterConfig {
  /** Redis for the shared events, counters and invalidations; unset: one process, nothing shared. */
  readonly redisUrl?: string;
  /** Put before every Redis key and channel, so that several deployments (or test runs) can share one Redis. */
  readonly redisPrefix: string;
  /** How often a follower tries to take the schedules over, and the leader checks it still holds them. */
  readonly leaderCheckMs: number;
  /** How often an instance marks the runs it executes as still alive. */
  readonly heartbeatMs: number;
  /** A running row whose heartbeat is older than this many heartbeats belongs to a dead instance. */
  readonly staleHeartbeats: number;
}

export function readClusterConfig(read: EnvReader, databaseEngine: 'sqlite' | 'postgres'): ClusterConfig {
  const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
  const redisPrefix = read.string('REDIS_PREFIX', 'shawn:');
  if (!/^[\w:.-]{1,64}$/.test(redisPrefix)) {
    read.problems.push(`REDIS_PREFIX must be 1 to 64 letters, digits, or _ : . - (got "${redisPrefix}")`);
  }
  if (redisUrl !== undefined && databaseEngine !== 'postgres') {
    read.problems.push(
      'REDIS_URL needs PostgreSQL: several instances cannot share a SQLite file; set DATABASE_URL=postgres://...',
    );
  }
  return {
    redisUrl,
    redisPrefix,
    leaderCheckMs: read.int('LEADER_CHECK_MS', 1_000, 50, 60_000),
    heartbeatMs: read.int('RUN_HEARTBEAT_MS', 10_000, 100, 600_000),
    staleHeartbeats: read.int('RUN_STALE_HEARTBEATS', 3, 2, 100),
  };
}
