// How the process stops on SIGTERM or SIGINT: app.close() runs the whole sequence (readiness 503 at
// once, schedules stopped, work under way wound down or marked interrupted, sockets closed, the HTTP
// server closed once the requests in flight are answered, the database last) and the process exits 0.
// Should that take longer than SHUTDOWN_TIMEOUT_MS, a line says so and the process exits 1 anyway; a
// second signal while stopping exits at once. Nest's enableShutdownHooks() is not used: it re-raises
// the signal after closing, so the exit code would say "killed" even after a clean stop.
import type { INestApplication, LoggerService } from '@nestjs/common';
import { performance } from 'node:perf_hooks';

const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

type StopLogger = Pick<LoggerService, 'log' | 'error' | 'warn'>;

export function exitOnStopSignal(app: INestApplication, timeoutMs: number, logger: StopLogger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn(`${signal} while stopping: exiting now`, 'Shutdown');
      process.exit(1);
    }
    stopping = true;
    const started = performance.now();
    logger.log(`${signal} received: stopping (within ${timeoutMs} ms)`, 'Shutdown');
    // Not unref'd: it must fire even if the close waits on nothing that keeps the process alive.
    const deadline = setTimeout(() => {
      logger.error(`Stopping took longer than SHUTDOWN_TIMEOUT_MS (${timeoutMs} ms): exiting now`, 'Shutdown');
      process.exit(1);
    }, timeoutMs);
    app.close().then(
      () => {
        clearTimeout(deadline);
        logger.log(`Stopped in ${Math.round(performance.now() - started)} ms`, 'Shutdown');
        process.exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        logger.error({ err: error }, 'Stopping failed', 'Shutdown');
        process.exit(1);
      },
    );
  };
  for (const signal of STOP_SIGNALS) process.on(signal, stop);
}
