// Socket.io and raw /ws clients that record every message they receive, for the realtime e2e tests.
// Nothing is asserted in their callbacks (a throw there lands in the client library, not in the test):
// what is wrong with a message is collected, and every read of the inbox fails the test with it.
import { once } from 'node:events';
import type { ClientRequest, IncomingMessage } from 'node:http';
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
  /** Socket.io's `auth` payload, such as `{ token }`. */
  auth?: Record<string, string>;
  /** Query parameters of the connection URL, such as `{ token }`. */
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

/** Connects, or rejects with the connect_error (its `message`, and `data` when the server gave some). */
export async function ioClient(url: string, options: ClientOptions = {}): Promise<IoClient> {
  const extraHeaders = { ...(options.origin ? { origin: options.origin } : {}), ...options.headers };
  const socket = io(url, {
    transports: options.transports ?? ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders,
    auth: options.auth,
    query: options.query,
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

export interface WsOptions {
  /** Sent as `?token=`. */
  token?: string;
  headers?: Record<string, string>;
}

export function wsUrl(url: string, token?: string): string {
  return `${url.replace('http', 'ws')}/ws${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
}

export async function wsClient(url: string, origin?: string, options: WsOptions = {}): Promise<WsClient> {
  const socket = new WebSocket(wsUrl(url, options.token), { origin, headers: options.headers }) as WsClient;
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

export interface Refusal {
  statusCode: number;
  message: string;
}

/** Socket.io's refusal: the connect_error's message and statusCode, or a failure if it connected. */
export async function ioRefusal(url: string, options: ClientOptions): Promise<Refusal> {
  const client = await ioClient(url, options).catch((error: Error & { data?: { statusCode: number } }) => error);
  if (!(client instanceof Error)) {
    client.close();
    throw new Error('the Socket.io client connected');
  }
  return { statusCode: client.data?.statusCode ?? 0, message: client.message };
}

/** /ws's refusal: the HTTP answer to the upgrade (our error body), or a failure if a socket opened. */
export async function wsRefusal(url: string, options: WsOptions & { origin?: string }): Promise<Refusal> {
  const socket = new WebSocket(wsUrl(url, options.token), { origin: options.origin, headers: options.headers });
  const opened = once(socket, 'open').then(() => {
    socket.close();
    throw new Error('the /ws socket opened');
  });
  const refused = once(socket, 'unexpected-response').then(async (event) => {
    const [request, response] = event as [ClientRequest, IncomingMessage];
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    request.destroy();
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Refusal & { error: string };
    expect(body.statusCode).toBe(response.statusCode);
    expect(body.error).toBe(response.statusCode === 401 ? 'Unauthorized' : 'Forbidden');
    return { statusCode: body.statusCode, message: body.message };
  });
  return Promise.race([opened, refused]);
}
