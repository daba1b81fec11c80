// The owner and heartbeat columns of the rows that an instance executes (DCRS runs, cartridge
// executions, manual tests), and the condition recovery uses to pick the rows whose owner is gone.
import { IsNull, LessThan, Or, type FindOperator } from 'typeorm';

export interface OwnedRow {
  /** The instance executing it (hostname-pid-random); null on rows from before owners were kept. */
  owner: string | null;
  /** Its owner's last sign of life. */
  heartbeatAt: Date | null;
}

/**
 * The `heartbeatAt` condition of a recovery: rows never stamped or silent since `staleBefore`; with
 * null (one process alone), no condition at all.
 */
export function ownerGone(staleBefore: Date | null): { heartbeatAt?: FindOperator<Date> } {
  return staleBefore === null ? {} : { heartbeatAt: Or(IsNull(), LessThan(staleBefore)) };
}
