// The decision of a cartridge's status, a pure function of its recent executions.
import type { ExecutionStatus } from './cartridge-execution.entity.js';

export const CARTRIDGE_STATUSES = ['healthy', 'degraded', 'failing', 'stale', 'idle'] as const;
export type CartridgeStatus = (typeof CARTRIDGE_STATUSES)[number];

export interface CartridgeHealthInput {
  /** Finished executions, newest first (at least the last three when there are that many). */
  recent: readonly ExecutionStatus[];
  /** Successful share of the finished executions of the last 24 hours, percent; null if none. */
  successRate24h: number | null;
  lastStartedAt: Date | null;
  /** The schedule's period, when the cartridge has one. */
  schedulePeriodMs: number | null;
  now: Date;
}

export const HEALTHY_SUCCESS_RATE = 95;
export const FAILING_RUN_COUNT = 3;

export function decideCartridgeStatus(input: CartridgeHealthInput): CartridgeStatus {
  if (input.lastStartedAt === null) return 'idle';
  if (
    input.schedulePeriodMs !== null &&
    input.now.getTime() - input.lastStartedAt.getTime() > 2 * input.schedulePeriodMs
  ) {
    return 'stale';
  }
  const lastThree = input.recent.slice(0, FAILING_RUN_COUNT);
  if (lastThree.length === FAILING_RUN_COUNT && lastThree.every((s) => s === 'failure')) return 'failing';
  if (input.recent.length === 0) return 'healthy'; // only a run in progress so far
  const lastSucceeded = input.recent[0] === 'success';
  const rateOk = input.successRate24h === null || input.successRate24h >= HEALTHY_SUCCESS_RATE;
  return lastSucceeded && rateOk ? 'healthy' : 'degraded';
}
