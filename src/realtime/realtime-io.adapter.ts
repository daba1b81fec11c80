// Socket.io on the HTTP server, with the browser-origin rule of the HTTP API (CORS_ORIGINS):
// `cors` for the long-polling requests, `allowRequest` for the handshake of either transport.
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server as HttpServer } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/app-config.js';
import { isCrossOriginAllowed, isOriginAllowed, type OriginPolicy } from '../common/origin-policy.js';

/** Clients only send short commands. */
const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;

export class RealtimeIoAdapter extends IoAdapter {
  private readonly policy: OriginPolicy;

  constructor(httpServer: HttpServer, config: AppConfig) {
    super(httpServer);
    this.policy = config.app;
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
      ...options,
      serveClient: false,
      maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
      cors: {
        origin: (origin, callback) => callback(null, origin === undefined || isCrossOriginAllowed(origin, this.policy)),
        methods: ['GET', 'POST'],
      },
      allowRequest: (request, callback) => {
        const allowed = isOriginAllowed(request.headers.origin, request.headers.host, this.policy);
        callback(allowed ? null : 'origin not allowed', allowed);
      },
    } as ServerOptions);
  }
}
