// What every scheduled trigger (interval or cron) runs: a tick that comes while the previous one is
// still going is skipped and logged, never doubled; a failure is logged, never left unhandled; and
// with a timeout, a tick that hangs stops blocking the later ones (the work itself is not cancelled).
// With several instances, a tick runs only on the leader: the others skip it without a word.
// With a database gate, ticks are skipped while the database is known to be down, and a failure that
// only says it is down is left to the gate, which logs an outage once instead of once per tick.
import type { LoggerService } from '@nestjs/common';
import type { Leadership } from './leadership.js';

/** What a tick needs to know about the database (database/database-availability.ts is one). */
export interface DatabaseGate {
  readonly available: boolean;
  /** True when the error says the database is unreachable: the gate has taken note of it. */
  noteFailure(error: unknown): boolean;
}

export interface TickOptions {
  logger: Pick<LoggerService, 'warn' | 'error'>;
  /** Give a tick up after this long so that later ticks can run; none: wait however long it takes. */
  timeoutMs?: number;
  /**
   * Run the tick only while this instance is the leader (every schedule of the service); null: on
   * every instance (work about the instance itself, such as heartbeats of its own runs). Required, so
   * that a new trigger says which it is.
   */
  leadership: Leadership | null;
  /** Skip ticks while the database is down; none: run whatever its state. */
  database?: DatabaseGate;
  /** Log each tick skipped for the database (a rare job, such as a daily run); otherwise skip quietly. */
  reportSkips?: boolean;
}

/** `tick`, wrapped so that the returned function never rejects and never overlaps itself. */
export function guardTick(name: string, tick: () => Promise<void>, options: TickOptions): () => Promise<void> {
  const { logger, timeoutMs, leadership, database } = options;
  let running = false;
  return async () => {
    if (leadership && !leadership.isLeader()) return;
    if (database && !database.available) {
      if (options.reportSkips) logger.warn(`${name}: skipped, the database does not answer`);
      return;
    }
    if (running) {
      logger.warn(`${name}: the previous tick is still running; this one is skipped`);
      return;
    }
    running = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      const work = new Promise<void>((resolve) => resolve(tick())).catch((error: unknown) => {
        if (database?.noteFailure(error)) return;
        logger.error({ err: error }, `${name} failed`);
      });
      if (timeoutMs === undefined) return await work;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(resolve, timeoutMs, 'timeout');
      });
      if ((await Promise.race([work, timedOut])) === 'timeout') {
        logger.warn(`${name} took over ${timeoutMs} ms; later ticks go ahead`);
      }
    } finally {
      clearTimeout(timer);
      running = false;
    }
  };
}
