// Socket.io transport (path /socket.io on the HTTP port). Transport only: it answers the client
// commands and delivers what RealtimePublisher hands it. Topic filtering uses rooms: a client that
// never subscribed sits in the "everything" room; one that did, in one room per topic.
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { Clock } from '../common/clock.js';
import { ModelFeed } from './model-feed.js';
import {
  CLIENT_COMMANDS,
  replyMessage,
  type BroadcastEventName,
  type ClientToServerEvents,
  type RealtimeMessage,
  type RealtimeTopic,
  type Reply,
  type ServerToClientEvents,
} from './realtime-events.js';
import { parseTopics, subscribeTo, topicsOf, unsubscribeFrom, type Subscription } from './realtime-topics.js';
import { RealtimePublisher, type Delivery, type RealtimeTransport } from './realtime.publisher.js';

interface SocketData {
  subscription: Subscription;
  /** model_delta instead of model_update. */
  deltas?: boolean;
}
type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
/** emit() for a message of any type: TypeScript cannot pair a union of messages with their event names. */
type Emitter = { emit(event: string, message: RealtimeMessage): boolean };

const EVERYTHING_ROOM = 'topics:everything';
/** Clients that take model_delta instead of model_update. */
const DELTAS_ROOM = 'models:deltas';
/** A client with more messages than this waiting to be written misses periodic ticks until it has caught up. */
const MAX_QUEUED_MESSAGES = 100;
const topicRoom = (topic: RealtimeTopic): string => `topic:${topic}`;

@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy, RealtimeTransport {
  readonly name = 'socket.io';
  /** With REDIS_URL the Socket.io Redis adapter carries every broadcast to the other instances' sockets. */
  readonly reach = 'cluster';
  private readonly logger = new Logger(RealtimeGateway.name);
  @WebSocketServer() private server?: RealtimeServer;

  constructor(
    private readonly publisher: RealtimePublisher,
    private readonly feed: ModelFeed,
    private readonly clock: Clock,
  ) {}

  afterInit(): void {
    this.publisher.register(this);
  }

  onModuleDestroy(): void {
    this.publisher.unregister(this);
  }

  handleConnection(client: RealtimeSocket): void {
    client.data.subscription = 'everything';
    void client.join(EVERYTHING_ROOM);
    client.onAny((event: unknown) => {
      if (!(CLIENT_COMMANDS as readonly unknown[]).includes(event)) {
        const known = CLIENT_COMMANDS.join(', ');
        this.reply(client, {
          type: 'error',
          payload: { message: `Unknown event ${JSON.stringify(event)} (send one of: ${known})` },
        });
      }
    });
  }

  @SubscribeMessage('get_models')
  async getModels(@ConnectedSocket() client: RealtimeSocket): Promise<void> {
    this.reply(client, await this.feed.modelsReply());
  }

  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() client: RealtimeSocket, @MessageBody() body: unknown): Promise<void> {
    return this.changeTopics(client, 'subscribe', body);
  }

  @SubscribeMessage('unsubscribe')
  unsubscribe(@ConnectedSocket() client: RealtimeSocket, @MessageBody() body: unknown): Promise<void> {
    return this.changeTopics(client, 'unsubscribe', body);
  }

  clientCount(): number {
    return this.server?.sockets.sockets.size ?? 0;
  }

  deliver(message: RealtimeMessage<BroadcastEventName>, { topic, periodic }: Delivery): void {
    if (!this.server) return;
    // Not Socket.io's volatile: it drops a message whenever the previous one is still being written, so
    // two ticks due at once (model_update and neural_signal) lost one of them even for a fast client.
    const behind = periodic ? this.clientsBehind() : [];
    const audience =
      message.type === 'model_delta'
        ? this.server.to(DELTAS_ROOM).except(behind)
        : message.type === 'model_update'
          ? this.server.except([...behind, DELTAS_ROOM])
          : topic === null
            ? this.server.except(behind)
            : this.server.to([EVERYTHING_ROOM, topicRoom(topic)]).except(behind);
    (audience as unknown as Emitter).emit(message.type, message);
  }

  /** Clients with more than MAX_QUEUED_MESSAGES in engine.io's write buffer (not in its typings, hence the guard). */
  private clientsBehind(): string[] {
    const behind: string[] = [];
    for (const socket of this.server?.sockets.sockets.values() ?? []) {
      const queued = (socket.conn as unknown as { writeBuffer?: unknown }).writeBuffer;
      if (Array.isArray(queued) && queued.length > MAX_QUEUED_MESSAGES) behind.push(socket.id);
    }
    return behind;
  }

  private async changeTopics(
    client: RealtimeSocket,
    command: 'subscribe' | 'unsubscribe',
    body: unknown,
  ): Promise<void> {
    const request = parseTopics(command, body);
    if (!request.ok) {
      this.reply(client, { type: 'error', payload: { message: request.message } });
      return;
    }
    if (request.topics.length > 0) {
      const current = client.data.subscription;
      const next =
        command === 'subscribe' ? subscribeTo(current, request.topics) : unsubscribeFrom(current, request.topics);
      client.data.subscription = next;
      for (const room of [...client.rooms])
        if (room === EVERYTHING_ROOM || room.startsWith('topic:')) void client.leave(room);
      for (const topic of topicsOf(next)) void client.join(topicRoom(topic));
    }
    if (request.deltas === false) {
      client.data.deltas = false;
      void client.leave(DELTAS_ROOM);
    }
    const topics = topicsOf(client.data.subscription);
    if (request.deltas !== true) {
      this.reply(client, { type: 'subscribed', payload: client.data.deltas ? { topics, deltas: true } : { topics } });
      return;
    }
    // The whole list, then the deltas after it: joining the room in the same turn as the list is taken.
    await this.feed.snapshotReply((snapshot) => {
      if (snapshot.type === 'model_snapshot') {
        client.data.deltas = true;
        void client.join(DELTAS_ROOM);
        this.reply(client, { type: 'subscribed', payload: { topics, deltas: true } });
      }
      this.reply(client, snapshot);
    });
  }

  private reply(client: RealtimeSocket, reply: Reply): void {
    if (client.connected) (client as unknown as Emitter).emit(reply.type, replyMessage(reply, this.clock.now()));
    else this.logger.debug(`Client ${client.id} left before its ${reply.type} answer`);
  }
}
