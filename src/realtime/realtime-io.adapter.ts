// Socket.io on the HTTP server, with the browser-origin rule of the HTTP API (CORS_ORIGINS):
// `cors` for the long-polling requests, `allowRequest` for the handshake of either transport. Once
// READ_API_KEY is set, a client must also bring a read or admin key to connect (the realtime feed is
// a read): refused at the handshake, it gets a connect_error saying why. With REDIS_URL, the Redis
// adapter carries every broadcast to the sockets of the other instances (keys under REDIS_PREFIX).
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server as HttpServer } from 'node:http';
import type { Namespace, Server, ServerOptions, Socket } from 'socket.io';
import { accessKeys, decideAccess, SOCKET_KEY_HINT, type AccessKeys } from '../auth/access-policy.js';
import { presentedSocketKey } from '../auth/api-key.js';
import type { RedisConnection } from '../cluster/redis.connection.js';
import type { AppConfig } from '../config/app-config.js';
import { isCrossOriginAllowed, isOriginAllowed, type OriginPolicy } from '../common/origin-policy.js';

/** Clients only send short commands. */
const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;

/** A refused connection's connect_error: `message`, and `data.statusCode` as the HTTP API would answer. */
export class ConnectRefused extends Error {
  readonly data: { statusCode: number };
  constructor(statusCode: number, message: string) {
    super(message);
    this.data = { statusCode };
  }
}

export class RealtimeIoAdapter extends IoAdapter {
  private readonly policy: OriginPolicy;
  private readonly keys: AccessKeys;

  constructor(
    httpServer: HttpServer,
    config: AppConfig,
    private readonly redis: RedisConnection,
  ) {
    super(httpServer);
    this.policy = config.app;
    this.keys = accessKeys(config);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
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
    if (this.redis.enabled) {
      // Publishing is an ordinary command; subscribing takes a connection of its own.
      server.adapter(createAdapter(this.redis.client, this.redis.duplicate(), { key: this.redis.key('socket.io') }));
    }
    // Every namespace, present and future: a gateway added under its own namespace is a read too.
    server.use(this.requireReadKey);
    server.on('new_namespace', (namespace: Namespace) => namespace.use(this.requireReadKey));
    return server;
  }

  private readonly requireReadKey = (socket: Socket, next: (error?: Error) => void): void => {
    const { auth, query, headers } = socket.handshake;
    const key = presentedSocketKey({ auth, token: query.token, headers });
    const decision = decideAccess('read', key, this.keys, SOCKET_KEY_HINT);
    if (decision.allowed) next();
    else next(new ConnectRefused(decision.code === 'forbidden' ? 403 : 401, decision.message));
  };
}
