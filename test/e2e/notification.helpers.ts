// Helpers shared by the alert and notification e2e specs: an HTTP server on 127.0.0.1 that receives
// notifications as scripted, waiting for background alert work and deliveries, and signature checks.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { AlertsService } from '../../src/alerts/alerts.service.js';
import { NotificationDispatcher } from '../../src/notifications/notification-dispatcher.service.js';
import type { TestApp } from '../setup/test-app.js';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The exact body bytes, as text. */
  raw: string;
  json: unknown;
}

/** What the receiver answers: a status (and headers), after an optional delay; `hang` never answers. */
export type ReceiverReply = { status: number; headers?: Record<string, string>; delayMs?: number } | { hang: true };

export interface Receiver {
  /** http://127.0.0.1:<port>, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly requests: ReceivedRequest[];
  /** Requests to one path. */
  at(path: string): ReceivedRequest[];
  /** Replies for the next requests to a path, one each, then 200. */
  script(path: string, replies: ReceiverReply[]): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const scripts = new Map<string, ReceiverReply[]>();
  const reply = (res: ServerResponse, next: ReceiverReply): void => {
    if ('hang' in next) return;
    const send = (): void => {
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      res.end('{"ok":true}');
    };
    if (next.delayMs) setTimeout(send, next.delayMs);
    else send();
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        json = null;
      }
      const path = req.url ?? '/';
      requests.push({ method: req.method ?? '', path, headers: req.headers, raw, json });
      reply(res, scripts.get(path)?.shift() ?? { status: 200 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    at: (path) => requests.filter((r) => r.path === path),
    script: (path, replies) => scripts.set(path, [...replies]),
    reset: () => {
      requests.length = 0;
      scripts.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits for the alert rules queued so far and every delivery they started. */
export async function settle(t: TestApp): Promise<void> {
  await t.app.get(AlertsService).idle();
  await t.app.get(NotificationDispatcher).idle();
  await t.app.get(AlertsService).idle();
}

/** Whether X-Signature is sha256=<hex HMAC-SHA256 of the exact body> with this secret. */
export function hasValidSignature(received: ReceivedRequest, secret: string): boolean {
  const header = received.headers['x-signature'];
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', secret).update(Buffer.from(received.raw, 'utf8')).digest();
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface AlertBody {
  id: number;
  type: string;
  severity: string;
  subject: string;
  message: string;
  created_at: string;
  resolved_at: string | null;
  acknowledged_at: string | null;
}

/** GET /api/alerts with the given query; fails the test unless it answers 200. */
export async function listAlerts(t: TestApp, query: Record<string, string> = {}): Promise<AlertBody[]> {
  const res = await request(t.server).get('/api/alerts').query(query).expect(200);
  return res.body.alerts as AlertBody[];
}

/** POST /api/notification-channels as an admin; fails the test unless it answers 201. */
export async function createChannel(
  t: TestApp,
  adminKey: string,
  body: Record<string, unknown>,
): Promise<{ id: number; [field: string]: unknown }> {
  const res = await request(t.server).post('/api/notification-channels').set('X-API-Key', adminKey).send(body);
  if (res.status !== 201)
    throw new Error(`POST /api/notification-channels answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as { id: number };
}

export interface DeliveryBody {
  id: number;
  alert_id: number | null;
  event: string;
  status: string;
  attempts: number;
  response_status: number | null;
  error: string | null;
}

export async function deliveriesOf(t: TestApp, adminKey: string, channelId: number): Promise<DeliveryBody[]> {
  const res = await request(t.server)
    .get(`/api/notification-channels/${channelId}/deliveries`)
    .set('X-API-Key', adminKey)
    .expect(200);
  return res.body.deliveries as DeliveryBody[];
}
