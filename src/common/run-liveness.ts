// Which running rows (DCRS runs, cartridge executions, manual tests) belong to a dead instance. Each
// instance stamps the rows it executes with its id and a heartbeat; with several instances, a row
// whose heartbeat stopped for RUN_STALE_HEARTBEATS periods has lost its owner, while a fresh one is
// another live instance's work and is left alone. One process alone owns every row: at its start,
// whatever is still running was left by its previous life.
import type { SchedulerRegistry } from '@nestjs/schedule';
import type { ClusterConfig } from '../config/cluster.config.js';
import type { TickOptions } from './guarded-tick.js';
import { startInterval, stopInterval } from './interval-trigger.js';
import type { Leadership } from './leadership.js';

/**
 * Heartbeats older than this mean the owner is gone; null: every running row is (one process, so
 * nothing else can be running it).
 */
export function staleBefore(now: Date, cluster: ClusterConfig): Date | null {
  if (!cluster.redisUrl) return null;
  return new Date(now.getTime() - cluster.heartbeatMs * cluster.staleHeartbeats);
}

/** What a feature that executes runs does for their liveness. */
export interface OwnedRuns {
  /** Stamps the heartbeat of the rows this instance executes. */
  heartbeat(): Promise<void>;
  /** Fails the rows whose owner is gone. */
  recoverInterrupted(): Promise<void>;
}

/**
 * Every RUN_HEARTBEAT_MS: `<name>-heartbeat` on every instance (each stamps its own rows) and, with
 * several instances, `<name>-recovery` on the leader, so that the runs of an instance that died are
 * failed while the others keep going, not only when some instance restarts.
 */
export function startRunLiveness(
  registry: SchedulerRegistry,
  name: string,
  cluster: ClusterConfig,
  runs: OwnedRuns,
  options: Omit<TickOptions, 'leadership'> & { leadership: Leadership },
): void {
  const { leadership, ...rest } = options;
  startInterval(registry, `${name}-heartbeat`, cluster.heartbeatMs, () => runs.heartbeat(), {
    ...rest,
    leadership: null,
  });
  if (cluster.redisUrl) {
    startInterval(registry, `${name}-recovery`, cluster.heartbeatMs, () => runs.recoverInterrupted(), {
      ...rest,
      leadership,
    });
  }
}

export function stopRunLiveness(registry: SchedulerRegistry, name: string): void {
  stopInterval(registry, `${name}-heartbeat`);
  stopInterval(registry, `${name}-recovery`);
}
