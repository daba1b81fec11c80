// DNS rebinding: a channel's name answers an allowed address when the webhook client checks it and a
// loopback address the next time. The client must connect to the address it checked, never ask again.
// The allowed address is this machine's own non-loopback interface address (one the webhook policy
// does not refuse), so every connection stays on the machine; a receiver listens there and another on
// loopback at the same port, where a client that resolved again would land.
import { once } from 'node:events';
import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { parseAppConfig } from '../../src/config/app-config.js';
import { forbiddenAddressReason } from '../../src/common/webhook-address.js';
import { WebhookResolver, type ResolvedAddress } from '../../src/notifications/webhook-resolver.js';
import { WebhookClient } from '../../src/notifications/webhook.client.js';

const NAME = 'hooks.rebind.test';

/** Answers each name from a script, one answer per lookup (the last one repeats), and counts lookups. */
class ScriptedResolver extends WebhookResolver {
  readonly asked: string[] = [];
  constructor(private readonly answers: Record<string, string[]>) {
    super();
  }
  resolve(host: string): Promise<ResolvedAddress[]> {
    const script = this.answers[host] ?? [];
    const address = script[Math.min(this.asked.filter((h) => h === host).length, script.length - 1)];
    this.asked.push(host);
    if (address === undefined) return Promise.reject(Object.assign(new Error('no such host'), { code: 'ENOTFOUND' }));
    return Promise.resolve([{ address, family: 4 }]);
  }
}

interface Received {
  host: string | undefined;
  headers: IncomingHttpHeaders;
}

async function listen(address: string, port: number): Promise<{ server: Server; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    received.push({ host: req.headers.host, headers: req.headers });
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  server.listen(port, address);
  await once(server, 'listening');
  return { server, received };
}

/** This machine's first IPv4 interface address outside loopback that the webhook policy allows. */
function allowedLocalAddress(): string {
  const candidates = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.family === 'IPv4' && !i.internal)
    .map((i) => i!.address);
  const allowed = candidates.find((address) => forbiddenAddressReason(address) === null);
  if (!allowed) {
    throw new Error(
      `this test needs an IPv4 interface address that the webhook policy does not refuse (found ${candidates.join(', ') || 'none'})`,
    );
  }
  return allowed;
}

describe('the webhook client and DNS rebinding', () => {
  let local: string;
  let outside: { server: Server; received: Received[] };
  let loopback: { server: Server; received: Received[] };
  let port: number;
  const config = parseAppConfig({ NOTIFY_TIMEOUT_MS: '2000' });

  beforeAll(async () => {
    local = allowedLocalAddress();
    // The same port on both addresses: a client that connected by name would reach the loopback one.
    for (let tries = 0; ; tries++) {
      outside = await listen(local, 0);
      port = (outside.server.address() as AddressInfo).port;
      try {
        loopback = await listen('127.0.0.1', port);
        break;
      } catch (error) {
        outside.server.close();
        if (tries === 5) throw error;
      }
    }
  });
  afterAll(async () => {
    for (const { server } of [outside, loopback]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
  afterEach(() => {
    outside.received.length = 0;
    loopback.received.length = 0;
  });

  it('a name whose second answer is loopback: the post goes to the checked address, with the name as Host', async () => {
    const resolver = new ScriptedResolver({ [NAME]: [local, '127.0.0.1'] });
    const client = new WebhookClient(config, resolver);
    const outcome = await client.post(`http://${NAME}:${port}/hook`, '{"ping":true}', {});
    expect(outcome).toEqual({ ok: true, status: 200 });
    expect(outside.received.map((r) => r.host)).toEqual([`${NAME}:${port}`]);
    expect(loopback.received).toEqual([]);
    expect(resolver.asked).toEqual([NAME]);

    // Every send checks again: the next one gets the loopback answer and is refused, sending nothing.
    const next = await client.post(`http://${NAME}:${port}/hook`, '{"ping":true}', {});
    expect(next).toEqual({
      ok: false,
      status: null,
      error: `refused: ${NAME} resolves to a loopback address (127.0.0.1)`,
      retryable: false,
    });
    expect(outside.received).toHaveLength(1);
    expect(loopback.received).toEqual([]);
  });

  it('a name whose first answer is loopback is refused before anything is sent', async () => {
    const resolver = new ScriptedResolver({ [NAME]: ['127.0.0.1', local] });
    const outcome = await new WebhookClient(config, resolver).post(`http://${NAME}:${port}/hook`, '{}', {});
    expect(outcome).toMatchObject({ ok: false, error: `refused: ${NAME} resolves to a loopback address (127.0.0.1)` });
    expect([outside.received, loopback.received, resolver.asked]).toEqual([[], [], [NAME]]);
  });
});
