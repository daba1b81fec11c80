// Who may open a realtime socket. The feed is a read: with READ_API_KEY set, both transports need a read
// or admin key, from any of the places a client can put one, and refuse others at the handshake
// (Socket.io: connect_error saying why; /ws: an HTTP error answer, no socket). The origin rule comes first.
import { setTimeout as sleep } from 'node:timers/promises';
import { RealtimePublisher } from '../../src/realtime/realtime.publisher.js';
import { ioClient, ioRefusal, wsClient, wsRefusal } from '../setup/realtime-clients.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { newAdminKey } from '../factories/keys.js';

const READ = newAdminKey();
const ADMIN = newAdminKey();
const INGEST = newAdminKey();
const UNKNOWN = newAdminKey();

const MISSING = {
  statusCode: 401,
  message: 'A valid read or admin API key is required (auth.token, ?token=, X-API-Key header or Authorization: Bearer)',
};
const WRONG_RIGHT = { statusCode: 403, message: 'This API key may not do this: it needs a read or admin API key' };

describe('with READ_API_KEY set', () => {
  let t: TestApp;
  const open: { close(): void }[] = [];
  const track = <T extends { close(): void }>(client: T): T => {
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp({
      listen: true,
      env: {
        READ_API_KEY: READ,
        ADMIN_API_KEY: ADMIN,
        INGEST_API_KEYS: INGEST,
        CORS_ORIGINS: 'https://dash.example.com',
        MODEL_UPDATE_INTERVAL_MS: '0',
      },
    });
  });
  afterEach(async () => {
    for (const client of open.splice(0)) client.close();
    while (t.app.get(RealtimePublisher).clientCount() > 0) await sleep(10);
  });
  afterAll(async () => {
    await t.close();
  });

  it('Socket.io refuses no key and an unknown one (401) and an ingest key (403), saying why', async () => {
    expect(await ioRefusal(t.url, {})).toEqual(MISSING);
    expect(await ioRefusal(t.url, { auth: { token: UNKNOWN } })).toEqual(MISSING);
    expect(await ioRefusal(t.url, { query: { token: UNKNOWN } })).toEqual(MISSING);
    expect(await ioRefusal(t.url, { auth: { token: INGEST } })).toEqual(WRONG_RIGHT);
    expect(await ioRefusal(t.url, { headers: { 'x-api-key': INGEST } })).toEqual(WRONG_RIGHT);
    expect(await ioRefusal(t.url, { transports: ['polling'] })).toEqual(MISSING);
    expect(t.app.get(RealtimePublisher).clientCount()).toBe(0);
  });

  it('Socket.io takes a read or admin key as auth.token, ?token=, X-API-Key or Bearer, on either transport', async () => {
    const clients = [
      track(await ioClient(t.url, { auth: { token: READ } })),
      track(await ioClient(t.url, { query: { token: READ } })),
      track(await ioClient(t.url, { headers: { 'x-api-key': READ } })),
      track(await ioClient(t.url, { headers: { authorization: `Bearer ${READ}` } })),
      track(await ioClient(t.url, { auth: { token: ADMIN } })),
      track(await ioClient(t.url, { auth: { token: READ }, transports: ['polling'] })),
    ];
    for (const client of clients) client.emit('get_models');
    for (const client of clients) expect(await client.inbox.until('models_update')).toHaveLength(1);
  });

  it('/ws refuses no key and an unknown one (401) and an ingest key (403) with our error body, no socket', async () => {
    expect(await wsRefusal(t.url, {})).toEqual(MISSING);
    expect(await wsRefusal(t.url, { token: UNKNOWN })).toEqual(MISSING);
    expect(await wsRefusal(t.url, { headers: { authorization: `Bearer ${UNKNOWN}` } })).toEqual(MISSING);
    expect(await wsRefusal(t.url, { token: INGEST })).toEqual(WRONG_RIGHT);
    expect(await wsRefusal(t.url, { headers: { 'x-api-key': INGEST } })).toEqual(WRONG_RIGHT);
    expect(t.app.get(RealtimePublisher).clientCount()).toBe(0);
  });

  it('/ws takes a read or admin key as ?token=, X-API-Key or Bearer', async () => {
    const clients = [
      track(await wsClient(t.url, undefined, { token: READ })),
      track(await wsClient(t.url, undefined, { headers: { 'x-api-key': READ } })),
      track(await wsClient(t.url, undefined, { headers: { authorization: `Bearer ${READ}` } })),
      track(await wsClient(t.url, undefined, { token: ADMIN })),
    ];
    for (const client of clients) client.send('get_models');
    for (const client of clients) expect(await client.inbox.until('models_update')).toHaveLength(1);
  });

  it('checks the origin first, like Socket.io: a page CORS_ORIGINS does not list is refused even with a key', async () => {
    expect(await wsRefusal(t.url, { token: READ, origin: 'https://evil.example.net' })).toEqual({
      statusCode: 403,
      message: "This page's origin may not open the realtime feed (CORS_ORIGINS)",
    });
    await expect(ioClient(t.url, { auth: { token: READ }, origin: 'https://evil.example.net' })).rejects.toThrow();
    track(await wsClient(t.url, 'https://dash.example.com', { token: READ }));
    track(await ioClient(t.url, { auth: { token: READ }, origin: 'https://dash.example.com' }));
  });
});

describe('without READ_API_KEY', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ listen: true, env: { ADMIN_API_KEY: ADMIN, MODEL_UPDATE_INTERVAL_MS: '0' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('both transports are open, whatever key is sent (a dashboard on a private network)', async () => {
    const clients = [
      await ioClient(t.url),
      await ioClient(t.url, { auth: { token: UNKNOWN } }),
      await wsClient(t.url),
      await wsClient(t.url, undefined, { token: UNKNOWN }),
    ];
    expect(t.app.get(RealtimePublisher).clientCount()).toBe(4);
    for (const client of clients) client.close();
  });
});
