// Keeps HTTP keep-alive from holding a stop up. Node's server.close() stops accepting connections and
// closes the idle ones, but a keep-alive connection busy at that moment stays open after its answer
// (and may carry more requests) until it has been idle for keepAliveTimeout. So from the moment the
// stop begins, every answer, those being prepared included, says `Connection: close`: each client
// connection closes right after its answer, and no request on one is cut off.
import type { NextFunction, Request, Response } from 'express';
import type { ShutdownState } from './shutdown-state.js';

export function closeConnectionsOnStop(
  shutdown: ShutdownState,
): (req: Request, res: Response, next: NextFunction) => void {
  const underWay = new Set<Response>();
  shutdown.signal.addEventListener(
    'abort',
    () => {
      for (const res of underWay) if (!res.headersSent) res.setHeader('Connection', 'close');
    },
    { once: true },
  );
  return (_req, res, next) => {
    if (shutdown.stopping) {
      res.setHeader('Connection', 'close');
    } else {
      underWay.add(res);
      res.once('close', () => underWay.delete(res));
    }
    next();
  };
}
