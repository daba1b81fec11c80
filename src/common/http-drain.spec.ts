import { Agent, createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { closeConnectionsOnStop } from './http-drain.js';
import { ShutdownState } from './shutdown-state.js';

/** A server whose answers wait until `release()`, behind the middleware. */
async function startServer(shutdown: ShutdownState) {
  const drain = closeConnectionsOnStop(shutdown);
  const waiting: (() => void)[] = [];
  let arrived = 0;
  const server: Server = createServer((req, res) => {
    drain(
      req as Request,
      res as unknown as Response,
      (() => {
        arrived += 1;
        waiting.push(() => res.end('ok'));
      }) as NextFunction,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    arrived: () => arrived,
    release: () => waiting.splice(0).forEach((answer) => answer()),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function request(port: number, agent: Agent): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, agent, path: '/' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    }).on('error', reject);
  });
}

describe('closeConnectionsOnStop', () => {
  it('keeps connections alive while running; from the stop on, every answer closes its connection, those under way too', async () => {
    const shutdown = new ShutdownState();
    const server = await startServer(shutdown);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = request(server.port, agent);
      // Released only once it has arrived: a fixed sleep lost the race on a loaded machine and hung.
      while (server.arrived() < 1) await new Promise((resolve) => setTimeout(resolve, 5));
      server.release();
      expect((await first).headers.connection).toBe('keep-alive');

      const underWay = request(server.port, agent);
      while (server.arrived() < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      shutdown.begin();
      server.release();
      expect((await underWay).headers.connection).toBe('close');

      const later = request(server.port, new Agent({ keepAlive: true }));
      while (server.arrived() < 3) await new Promise((resolve) => setTimeout(resolve, 5));
      server.release();
      expect((await later).headers.connection).toBe('close');
    } finally {
      agent.destroy();
      await server.close();
    }
  });
});
