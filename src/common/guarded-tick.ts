// What every scheduled trigger (interval or cron) runs: a tick that comes while the previous one is
// still going is skipped and logged, never doubled; a failure is logged, never left unhandled; and
// with a timeout, a tick that hangs stops blocking the later ones (the work itself is not cancelled).
// With several instances, a tick runs only on the leader: the others skip it without a word.
import type { LoggerService } from '@nestjs/common';
import type { Leadership } from './leadership.js';

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
}

/** `tick`, wrapped so that the returned function never rejects and never overlaps itself. */
export function guardTick(name: string, tick: () => Promise<void>, options: TickOptions): () => Promise<void> {
  const { logger, timeoutMs, leadership } = options;
  let running = false;
  return async () => {
    if (leadership && !leadership.isLeader()) return;
    if (running) {
      logger.warn(`${name}: the previous tick is still running; this one is skipped`);
      return;
    }
    running = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      const work = new Promise<void>((resolve) => resolve(tick())).catch((error: unknown) => {
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
