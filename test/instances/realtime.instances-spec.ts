// Realtime clients of two instances behind one service: an event that one instance publishes reaches
// the Socket.io and /ws clients of both, each exactly once, and the periodic ticks come once per
// interval (only the leader computes them), the same message on every instance.
import { setTimeout as sleep } from 'node:timers/promises';
import { newAdminKey } from '../factories/keys.js';
import { startInstance, stopInstances, type Instance } from '../setup/instances.js';
import { ioClient, wsClient, type Inbox, type IoClient, type WsClient } from '../setup/realtime-clients.js';

const ADMIN = newAdminKey();
const TICK_MS = 500;
const ENV = {
  ADMIN_API_KEY: ADMIN,
  MODEL_UPDATE_INTERVAL_MS: String(TICK_MS),
  NEURAL_SIGNAL_INTERVAL_MS: String(TICK_MS),
  LEADER_CHECK_MS: '200',
  SIMULATE_PROVIDERS: 'true',
};
const LEADER_LINE = /is the leader: it runs the schedules/;

afterAll(() => stopInstances());

async function post(instance: Instance, path: string, body: object, headers: Record<string, string> = {}) {
  const response = await fetch(`${instance.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': ADMIN, ...headers },
    body: JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

describe('realtime with two instances', () => {
  let a: Instance;
  let b: Instance;
  let clients: { where: string; client: IoClient | WsClient }[];
  const inboxes = (): { where: string; inbox: Inbox }[] =>
    clients.map(({ where, client }) => ({ where, inbox: client.inbox }));

  beforeAll(async () => {
    [a, b] = await Promise.all([startInstance({ name: 'a', env: ENV }), startInstance({ name: 'b', env: ENV })]);
    await Promise.race([a.waitForLine(LEADER_LINE), b.waitForLine(LEADER_LINE)]);
    clients = [
      { where: 'a socket.io', client: await ioClient(a.url) },
      { where: 'a /ws', client: await wsClient(a.url) },
      { where: 'b socket.io', client: await ioClient(b.url) },
      { where: 'b /ws', client: await wsClient(b.url) },
    ];
  }, 120_000);

  afterAll(() => {
    for (const { client } of clients ?? []) client.close();
  });

  it('an event published on one instance reaches every client of both instances exactly once', async () => {
    const name = 'Relay-Check';
    await post(a, '/api/cartridges', { name });
    const at = new Date(Date.now() - 60_000).toISOString();
    const execution = await post(
      a,
      `/api/cartridges/${name}/results`,
      { status: 'success', started_at: at, finished_at: at, summary: 'from a' },
      { 'Idempotency-Key': 'relay-1' },
    );

    for (const { inbox } of inboxes()) await inbox.until('cartridge_result', 1, 5_000);
    // Time for a duplicate (an echo of a's own message, or a second path) to arrive, if there were one.
    await sleep(1_000);
    const received = inboxes().map(({ where, inbox }) => ({
      where,
      executions: inbox.of('cartridge_result').map((message) => message.execution.id),
    }));
    expect(received).toEqual(inboxes().map(({ where }) => ({ where, executions: [execution['id']] })));
  }, 30_000);

  it('model_update and neural_signal come once per interval to each client, the same message everywhere', async () => {
    const marks = inboxes().map(({ inbox }) => inbox.messages.length);
    const windowMs = 4_000;
    await sleep(windowMs);
    const intervals = windowMs / TICK_MS;
    const ticks = inboxes().map(({ where, inbox }, i) => {
      const since = inbox.messages.slice(marks[i]);
      return {
        where,
        updates: since.filter((message) => message.type === 'model_update').map((message) => message.timestamp),
        signals: since.filter((message) => message.type === 'neural_signal'),
      };
    });
    for (const { where, updates } of ticks) {
      // A tick may be late on a busy machine, never doubled: two instances would send twice as many.
      expect({ where, ok: updates.length >= intervals / 2 && updates.length <= intervals + 1 }).toEqual({
        where,
        ok: true,
      });
      expect({ where, distinct: new Set(updates).size }).toEqual({ where, distinct: updates.length });
    }
    // Computed once: the clients of both instances see the very same signals (timestamps and change).
    // The first and last of the window may fall on either side of it for another client.
    const signalsOf = (where: string): string[] =>
      (ticks.find((tick) => tick.where === where)?.signals ?? []).map((message) => JSON.stringify(message));
    const reference = signalsOf('a socket.io').slice(1, -1);
    expect(reference.length).toBeGreaterThanOrEqual(intervals / 2 - 2);
    for (const { where } of ticks) {
      expect({ where, missing: reference.filter((signal) => !signalsOf(where).includes(signal)) }).toEqual({
        where,
        missing: [],
      });
      expect({ where, distinct: new Set(signalsOf(where)).size }).toEqual({ where, distinct: signalsOf(where).length });
    }
  }, 30_000);
});
