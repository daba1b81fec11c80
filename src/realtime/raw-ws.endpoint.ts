// The seed's plain WebSocket endpoint at /ws, on the HTTP server that Socket.io shares. Transport
// only. The ws server runs with noServer and takes only upgrades for /ws: a ws server bound to the
// HTTP server with `path` would answer Socket.io's own upgrades with 400. An upgrade is refused with
// a plain HTTP error, before any socket exists, for a page from an origin CORS_ORIGINS does not list
// and, once READ_API_KEY is set, without a read or admin key (`?token=` or the headers).
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { accessKeys, decideAccess, SOCKET_KEY_HINT, type AccessKeys } from '../auth/access-policy.js';
import { presentedSocketKey } from '../auth/api-key.js';
import { Clock } from '../common/clock.js';
import { reasonPhrase } from '../common/http-error.filter.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { ModelFeed } from './model-feed.js';
import { isOriginAllowed } from '../common/origin-policy.js';
import { parseRawCommand } from './raw-ws.protocol.js';
import { replyMessage, type BroadcastEventName, type RealtimeMessage, type Reply } from './realtime-events.js';
import { receives, subscribeTo, topicsOf, unsubscribeFrom, type Subscription } from './realtime-topics.js';
import { RealtimePublisher, type Delivery, type RealtimeTransport } from './realtime.publisher.js';

export const RAW_WS_PATH = '/ws';
/** A client this far behind misses periodic ticks until it has caught up. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Clients only send short commands. */
const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;
/** A client that does not answer a ping within this period is dropped (a dead TCP peer never says so). */
const HEARTBEAT_MS = 30_000;
const CLOSE_GRACE_MS = 1_000;

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?', 1)[0];
}

@Injectable()
export class RawWsEndpoint implements OnApplicationBootstrap, BeforeApplicationShutdown, RealtimeTransport {
  readonly name = 'ws';
  readonly reach = 'instance';
  private readonly logger = new Logger(RawWsEndpoint.name);
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CLIENT_MESSAGE_BYTES,
    perMessageDeflate: false,
  });
  private readonly subscriptions = new WeakMap<WebSocket, Subscription>();
  private readonly answeredPing = new WeakSet<WebSocket>();
  /** Clients that take model_delta instead of model_update. */
  private readonly deltaClients = new WeakSet<WebSocket>();
  private readonly keys: AccessKeys;
  private httpServer?: HttpServer;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly publisher: RealtimePublisher,
    private readonly feed: ModelFeed,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.keys = accessKeys(config);
  }

  onApplicationBootstrap(): void {
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as HttpServer;
    this.httpServer.on('upgrade', this.onUpgrade);
    this.wss.on('connection', (socket: WebSocket) => this.onConnection(socket));
    this.publisher.register(this);
    this.heartbeat = setInterval(() => this.checkHeartbeats(), HEARTBEAT_MS).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.publisher.unregister(this);
    clearInterval(this.heartbeat);
    this.httpServer?.off('upgrade', this.onUpgrade);
    const clients = [...this.wss.clients];
    const closed = Promise.all(clients.map((socket) => new Promise((resolve) => socket.once('close', resolve))));
    for (const socket of clients) socket.close(1001, 'Server shutting down');
    await Promise.race([closed, sleep(CLOSE_GRACE_MS, undefined, { ref: false })]);
    for (const socket of this.wss.clients) socket.terminate();
    this.wss.close();
  }

  clientCount(): number {
    let open = 0;
    for (const socket of this.wss.clients) if (socket.readyState === WebSocket.OPEN) open += 1;
    return open;
  }

  deliver(message: RealtimeMessage<BroadcastEventName>, { topic, periodic }: Delivery): void {
    let data: string | undefined;
    for (const socket of this.wss.clients) {
      if (socket.readyState !== WebSocket.OPEN) continue;
      if (!receives(this.subscriptions.get(socket) ?? 'everything', topic)) continue;
      if (message.type === 'model_update' && this.deltaClients.has(socket)) continue;
      if (message.type === 'model_delta' && !this.deltaClients.has(socket)) continue;
      if (periodic && socket.bufferedAmount > MAX_BUFFERED_BYTES) continue;
      data ??= JSON.stringify(message);
      socket.send(data, (error) => this.onSendError(error));
    }
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Socket.io's own upgrade listener takes /socket.io/ and closes anything nobody answered.
    if (pathOf(request.url) !== RAW_WS_PATH) return;
    if (!isOriginAllowed(request.headers.origin, request.headers.host, this.config.app)) {
      refuseUpgrade(socket, 403, "This page's origin may not open the realtime feed (CORS_ORIGINS)");
      return;
    }
    const token = new URLSearchParams((request.url ?? '').split('?')[1] ?? '').get('token');
    const decision = decideAccess(
      'read',
      presentedSocketKey({ token, headers: request.headers }),
      this.keys,
      SOCKET_KEY_HINT,
    );
    if (!decision.allowed) {
      refuseUpgrade(socket, decision.code === 'forbidden' ? 403 : 401, decision.message);
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (client) => this.wss.emit('connection', client, request));
  };

  private onConnection(socket: WebSocket): void {
    // Without a listener an 'error' (a client's protocol violation) would crash the process.
    socket.on('error', (error) => this.logger.debug(`Client error: ${error.message}`));
    this.subscriptions.set(socket, 'everything');
    this.answeredPing.add(socket);
    socket.on('pong', () => this.answeredPing.add(socket));
    socket.on('message', (data: RawData, isBinary: boolean) => void this.onMessage(socket, data, isBinary));
  }

  private async onMessage(socket: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    const command = parseRawCommand(isBinary ? null : textOf(data));
    switch (command.kind) {
      case 'get_models':
        this.reply(socket, await this.feed.modelsReply());
        return;
      case 'subscribe':
      case 'unsubscribe': {
        const current = this.subscriptions.get(socket) ?? 'everything';
        const next =
          command.topics.length === 0
            ? current
            : command.kind === 'subscribe'
              ? subscribeTo(current, command.topics)
              : unsubscribeFrom(current, command.topics);
        this.subscriptions.set(socket, next);
        if (command.deltas === false) this.deltaClients.delete(socket);
        const topics = topicsOf(next);
        if (command.deltas !== true) {
          const deltas = this.deltaClients.has(socket);
          this.reply(socket, { type: 'subscribed', payload: deltas ? { topics, deltas } : { topics } });
          return;
        }
        await this.feed.snapshotReply((snapshot) => {
          if (snapshot.type === 'model_snapshot') {
            this.deltaClients.add(socket);
            this.reply(socket, { type: 'subscribed', payload: { topics, deltas: true } });
          }
          this.reply(socket, snapshot);
        });
        return;
      }
      case 'invalid':
        this.reply(socket, { type: 'error', payload: { message: command.message } });
        return;
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  }

  private reply(socket: WebSocket, reply: Reply): void {
    if (socket.readyState !== WebSocket.OPEN) return;
    socket.send(JSON.stringify(replyMessage(reply, this.clock.now())), (error) => this.onSendError(error));
  }

  private onSendError(error: Error | undefined): void {
    // The socket's 'error'/'close' handling cleans up; a failed send to one client concerns no other.
    if (error) this.logger.debug(`Send failed: ${error.message}`);
  }

  private checkHeartbeats(): void {
    for (const socket of this.wss.clients) {
      if (!this.answeredPing.has(socket)) {
        socket.terminate();
        continue;
      }
      this.answeredPing.delete(socket);
      socket.ping();
    }
  }
}

/** Answers an upgrade with a plain HTTP error (our JSON error body) instead of opening a socket. */
function refuseUpgrade(socket: Duplex, statusCode: number, message: string): void {
  const body = JSON.stringify({ statusCode, error: reasonPhrase(statusCode), message });
  socket.end(
    `HTTP/1.1 ${statusCode} ${reasonPhrase(statusCode)}\r\nConnection: close\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');
}
