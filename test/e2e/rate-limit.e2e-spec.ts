// Rate limits (RATE_LIMIT_*): a budget per client for reads and a smaller one for writes; a client is
// its key when it sends one we know, else its address. 429 {statusCode, error, message} with
// Retry-After and the RateLimit-* headers. Small limits here; every request names its client address
// in X-Forwarded-For (believed from the loopback proxy that the test client is), so tests do not share
// budgets (and one test checks that a peer other than loopback is not believed). The limiter reads the
// app's clock: a FixedClock makes the window exact.
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import request from 'supertest';
import type { FixedClock } from '../../src/common/clock.js';
import { fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';
import { newAdminKey } from '../factories/keys.js';
import { countRows } from '../setup/rows.js';
import { ModelEntity } from '../../src/models/model.entity.js';

/** Admin keys; a key's budget follows it to any address, so each test takes fresh ones. */
const KEYS = Array.from({ length: 8 }, newAdminKey);
const freshKey = (): string => KEYS.pop()!;
const WRITES = 3;
const READS = 5;

/** A write that reaches validation (400) and writes nothing. */
const invalidWrite = (t: TestApp, client: string, key?: string) => {
  const req = request(t.server).post('/api/models').set('X-Forwarded-For', client);
  if (key) req.set('X-API-Key', key);
  return req.send({});
};
const read = (t: TestApp, client: string, path = '/api/models') =>
  request(t.server).get(path).set('X-Forwarded-For', client);

/** The statuses of `count` requests made one after the other. */
async function statuses(count: number, send: () => request.Test): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i += 1) seen.push((await send()).status);
  return seen;
}

describe('with small limits', () => {
  let t: TestApp;
  let clock: FixedClock;

  beforeAll(async () => {
    clock = fixedClock();
    t = await startTestApp({
      clock,
      env: {
        ADMIN_API_KEY: KEYS.join(','),
        RATE_LIMIT_WRITES: String(WRITES),
        RATE_LIMIT_READS: String(READS),
        RATE_LIMIT_WINDOW_MS: '60000',
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a burst of writes meets 429 with Retry-After and the RateLimit-* headers; the refused write writes nothing', async () => {
    const client = '198.51.100.1';
    const key = freshKey();
    const first = await invalidWrite(t, client, key).expect(400);
    expect(first.headers).toMatchObject({
      'ratelimit-limit': '3',
      'ratelimit-remaining': '2',
      'ratelimit-reset': '60',
    });
    expect(first.headers['retry-after']).toBeUndefined();
    clock.advance(20_000);
    expect(await statuses(2, () => invalidWrite(t, client, key))).toEqual([400, 400]);

    const models = await countRows(t.dataSource, ModelEntity);
    const refused = await request(t.server)
      .post('/api/models')
      .set('X-Forwarded-For', client)
      .set('X-API-Key', key)
      .send({ name: 'Over the limit', api_type: 'groq' })
      .expect(429);
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many write requests: at most 3 every 60 s for each client; retry after 40 s',
      request_id: expect.any(String),
    });
    // The first write leaves the window 40 s from now (it was made 20 s ago).
    expect(refused.headers).toMatchObject({
      'retry-after': '40',
      'ratelimit-limit': '3',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '40',
    });
    expect(await countRows(t.dataSource, ModelEntity)).toBe(models);
  });

  it('reads still work under the write limit, on their own budget', async () => {
    const client = '198.51.100.2';
    const key = freshKey();
    expect(await statuses(WRITES + 1, () => invalidWrite(t, client, key))).toEqual([400, 400, 400, 429]);
    const res = await read(t, client).set('X-API-Key', key).expect(200);
    expect(res.headers).toMatchObject({ 'ratelimit-limit': '5', 'ratelimit-remaining': '4' });
    expect(await statuses(READS, () => read(t, client).set('X-API-Key', key))).toEqual([200, 200, 200, 200, 429]);
  });

  it('limits are per key: two keys from one address have separate budgets, and no key has the address one', async () => {
    const client = '198.51.100.3';
    const [keyA, keyB] = [freshKey(), freshKey()];
    expect(await statuses(WRITES + 1, () => invalidWrite(t, client, keyA))).toEqual([400, 400, 400, 429]);
    expect(await statuses(WRITES + 1, () => invalidWrite(t, client, keyB))).toEqual([400, 400, 400, 429]);
    // Without a key the same address has its own budget (and is refused by the key check, 401).
    expect(await statuses(WRITES + 1, () => invalidWrite(t, client))).toEqual([401, 401, 401, 429]);
    // A key follows its holder to another address.
    await invalidWrite(t, '198.51.100.4', keyA).expect(429);
  });

  it('an unknown key spends the address budget: made-up keys do not open new ones', async () => {
    const client = '198.51.100.5';
    let attempt = 0;
    const madeUp = () => invalidWrite(t, client, `made-up-key-${(attempt += 1)}-0123456789`);
    expect(await statuses(WRITES + 1, madeUp)).toEqual([401, 401, 401, 429]);
    await invalidWrite(t, client).expect(429);
  });

  it('the window slides: once the oldest request leaves it, the client is let in again', async () => {
    const client = '198.51.100.6';
    expect(await statuses(WRITES + 1, () => invalidWrite(t, client))).toEqual([401, 401, 401, 429]);
    clock.advance(59_999);
    await invalidWrite(t, client).expect(429);
    clock.advance(1);
    expect(await statuses(WRITES + 1, () => invalidWrite(t, client))).toEqual([401, 401, 401, 429]);
  });

  it('the health probes, the banner and the docs are not limited and carry no RateLimit-* header', async () => {
    const client = '198.51.100.8';
    expect(await statuses(READS + 1, () => read(t, client))).toEqual([200, 200, 200, 200, 200, 429]);
    for (const path of ['/api/health', '/', '/docs-json', '/redoc']) {
      for (let i = 0; i < READS + 1; i += 1) {
        const res = await read(t, client, path).expect(200);
        expect(res.headers['ratelimit-limit']).toBeUndefined();
      }
    }
  });

  it('a browser page may read the headers (CORS exposes them)', async () => {
    const res = await read(t, '198.51.100.9').set('Origin', 'http://localhost:5173').expect(200);
    expect(res.headers['access-control-expose-headers']).toBe(
      'X-Request-Id,Retry-After,RateLimit-Limit,RateLimit-Remaining,RateLimit-Reset',
    );
  });
});

describe('a limit of 0', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_WRITES: '0', RATE_LIMIT_READS: '2' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('turns that limit off (no headers either) and leaves the other', async () => {
    const client = '203.0.113.1';
    const writes = await statuses(20, () => invalidWrite(t, client));
    expect(new Set(writes)).toEqual(new Set([400]));
    expect((await invalidWrite(t, client)).headers['ratelimit-limit']).toBeUndefined();
    expect(await statuses(3, () => read(t, client))).toEqual([200, 200, 429]);
  });
});

describe('the client address', () => {
  /** An address of this machine that is not loopback (CI machines and containers have one). */
  function outsideAddress(): string {
    const found = Object.values(networkInterfaces())
      .flat()
      .find((entry) => entry?.family === 'IPv4' && !entry.internal);
    if (!found) throw new Error('this test needs a network interface with an IPv4 address other than loopback');
    return found.address;
  }

  it('is the peer when the peer is not a loopback proxy: its X-Forwarded-For is not believed', async () => {
    const address = outsideAddress();
    const t = await startTestApp({ env: { RATE_LIMIT_READS: '2' } });
    try {
      await new Promise<void>((resolve) => t.server.listen(0, address, resolve));
      const url = `http://${address}:${(t.server.address() as AddressInfo).port}`;
      const seen: number[] = [];
      for (const forwarded of ['198.51.100.20', '198.51.100.21', '198.51.100.22']) {
        seen.push((await request(url).get('/api/models').set('X-Forwarded-For', forwarded)).status);
      }
      expect(seen).toEqual([200, 200, 429]);
    } finally {
      await t.close();
    }
  });
});
