// Socket.io and raw /ws clients that record every message they receive, for the realtime e2e tests.
// Nothing is asserted in their callbacks (a throw there lands in the client library, not in the test):
// what is wrong with a message is collected, and every read of the inbox fails the test with it.
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import type {
  ClientToServerEvents,
  RealtimeEventName,
  RealtimeMessage,
  ServerToClientEvents,
} from '../../src/realtime/realtime-events.js';

export class Inbox {
  readonly messages: RealtimeMessage[] = [];
  /** What was wrong with received messages: a Socket.io event whose name is not its type, an unparsable frame. */
  readonly problems: string[] = [];
  /** Messages of one type, optionally only those received after `after`. Throws if any message was malformed. */
  of<K extends RealtimeEventName>(type: K, after?: RealtimeMessage): RealtimeMessage<K>[] {
    if (this.problems.length > 0) throw new Error(`malformed realtime messages: ${this.problems.join('; ')}`);
    const from = after ? this.messages.indexOf(after) + 1 : 0;
    return this.messages.slice(from).filter((m): m is RealtimeMessage<K> => m.type === type);
  }
  async until<K extends RealtimeEventName>(type: K, count = 1, timeoutMs = 3000): Promise<RealtimeMessage<K>[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.of(type).length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} ${type}, got ${this.of(type).length}`);
      await sleep(10);
    }
    return this.of(type);
  }
}

export type IoClient = Socket<ServerToClientEvents, ClientToServerEvents> & { inbox: Inbox };
export type WsClient = WebSocket & { inbox: Inbox };

export interface ClientOptions {
  transports?: string[];
  origin?: string;
}

export async function ioClient(url: string, options: ClientOptions = {}): Promise<IoClient> {
  const extraHeaders = options.origin ? { origin: options.origin } : undefined;
  const socket = io(url, {
    transports: options.transports ?? ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders,
  }) as IoClient;
  socket.inbox = new Inbox();
  socket.onAny((event: string, message?: RealtimeMessage) => {
    // Every event is emitted under its own type.
    if (message?.type === event) socket.inbox.messages.push(message);
    else socket.inbox.problems.push(`event "${event}" carried ${JSON.stringify(message)}`);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

export async function wsClient(url: string, origin?: string): Promise<WsClient> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/ws`, { origin }) as WsClient;
  socket.inbox = new Inbox();
  socket.on('message', (data) => {
    const text = (data as Buffer).toString('utf8');
    try {
      socket.inbox.messages.push(JSON.parse(text) as RealtimeMessage);
    } catch {
      socket.inbox.problems.push(`unparsable frame ${JSON.stringify(text.slice(0, 200))}`);
    }
  });
  await once(socket, 'open');
  return socket;
}
