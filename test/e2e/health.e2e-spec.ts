// Liveness and readiness: /api/health/live never asks the database; /api/health/ready names every
// failing part (database, migrations, schedulers) and turns 503 as soon as the server begins to stop.
import { SchedulerRegistry } from '@nestjs/schedule';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import request from 'supertest';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const ALL_OK = { database: 'ok', migrations: 'ok', schedulers: 'ok' };
/** The newest migration of either engine (same name on both). */
const LATEST_MIGRATION = 'UptimeIndexCaseId1795714769885';

describe('liveness and readiness while everything works', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A daily DCRS job far from today, so that readiness has a cron job to watch.
    t = await startTestApp({ env: { DCRS_CRON: '0 0 1 1 *', DCRS_TIMEZONE: 'UTC' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('live and ready answer 200, and /api/health keeps the seed shape', async () => {
    expect((await request(t.server).get('/api/health/live').expect(200)).body).toEqual({ status: 'healthy' });
    expect((await request(t.server).get('/api/health/ready').expect(200)).body).toEqual({
      status: 'healthy',
      checks: ALL_OK,
    });
    expect((await request(t.server).get('/api/health').expect(200)).body).toEqual({ status: 'healthy' });
  });

  it('ready is 503 naming a stopped cron job, and 200 again once it runs', async () => {
    const job = t.app.get(SchedulerRegistry).getCronJob('dcrs-daily');
    await job.stop();
    try {
      const res = await request(t.server).get('/api/health/ready').expect(503);
      expect(res.body).toEqual({
        status: 'unhealthy',
        checks: { database: 'ok', migrations: 'ok', schedulers: 'failing' },
        reason: 'schedulers not running: dcrs-daily',
      });
    } finally {
      job.start();
    }
    await request(t.server).get('/api/health/ready').expect(200);
  });

  it('ready is 503 naming a periodic trigger that is no longer registered', async () => {
    const registry = t.app.get(SchedulerRegistry);
    const timer = registry.getInterval<NodeJS.Timeout>('alerts-sweep');
    registry.deleteInterval('alerts-sweep');
    try {
      const res = await request(t.server).get('/api/health/ready').expect(503);
      expect(res.body.reason).toBe('schedulers not running: alerts-sweep');
      await request(t.server).get('/api/health/live').expect(200);
    } finally {
      registry.addInterval('alerts-sweep', timer);
    }
    await request(t.server).get('/api/health/ready').expect(200);
  });
});

describe('readiness when the database lacks a migration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is 503 naming the migration not applied, then the table it cannot read', async () => {
    await t.dataSource.query(`DELETE FROM schema_migrations WHERE name = '${LATEST_MIGRATION}'`);
    const pending = await request(t.server).get('/api/health/ready').expect(503);
    expect(pending.body).toEqual({
      status: 'unhealthy',
      checks: { database: 'ok', migrations: 'failing', schedulers: 'ok' },
      reason: `migrations not applied: ${LATEST_MIGRATION}`,
    });

    await t.dataSource.query('DROP TABLE schema_migrations');
    const unreadable = await request(t.server).get('/api/health/ready').expect(503);
    expect(unreadable.body.reason).toBe('migrations table cannot be read');
    // Reading readiness never recreates the table (TypeORM's showMigrations() would).
    await request(t.server).get('/api/health/ready').expect(503);
    await request(t.server).get('/api/health/live').expect(200);
  });
});

describe('readiness when the database is gone', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.dataSource.destroy();
  });
  afterAll(async () => {
    await t.close();
  });

  it('ready is 503 naming the database, while live still answers 200', async () => {
    const res = await request(t.server).get('/api/health/ready').expect(503);
    expect(res.body).toEqual({
      status: 'unhealthy',
      checks: { database: 'failing', migrations: 'skipped', schedulers: 'ok' },
      reason: 'database does not answer',
    });
    expect((await request(t.server).get('/api/health/live').expect(200)).body).toEqual({ status: 'healthy' });
  });
});

/**
 * A /ws client that completed the handshake and then never answers: the server's stop waits (up to
 * its 1 s grace) for it to acknowledge the close, and meanwhile the HTTP server still takes requests.
 */
async function unresponsiveWsClient(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  socket.write(
    'GET /ws HTTP/1.1\r\nHost: ' +
      `${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  const [head] = (await once(socket, 'data')) as [Buffer];
  expect(head.toString('latin1')).toMatch(/^HTTP\/1\.1 101 /);
  return socket;
}

describe('readiness once the server begins to stop', () => {
  let t: TestApp;
  let client: Socket | undefined;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
  });
  afterAll(async () => {
    client?.destroy();
    await t.database.drop();
  });

  it('ready turns 503 "shutting down" at the start of app.close(), while live still answers 200', async () => {
    expect((await fetch(`${t.url}/api/health/ready`)).status).toBe(200);
    client = await unresponsiveWsClient(t.url);

    const closing = t.app.close();
    const ready = await fetch(`${t.url}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      status: 'unhealthy',
      checks: { database: 'skipped', migrations: 'skipped', schedulers: 'skipped' },
      reason: 'shutting down',
    });
    expect((await fetch(`${t.url}/api/health/live`)).status).toBe(200);
    await closing;
  });
});
