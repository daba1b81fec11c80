// The admin API of notification channels: create, read, change, remove; validation; refused
// addresses at save; channels from NOTIFY_* variables (read-only, synced at start); and no secret
// (nor a Slack / Discord URL path) in any response.
import request from 'supertest';
import { NotificationChannelsRepository } from '../../src/notifications/notification-channels.repository.js';
import { newAdminKey, newSecret, unique } from '../factories/keys.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { createChannel, startReceiver, type Receiver } from './notification.helpers.js';

const ADMIN = newAdminKey();
const SECRET = newSecret();
const ENV_SECRET = newSecret();
const SLACK_TOKEN = unique('slack');
const DISCORD_TOKEN = unique('discord');

let receiver: Receiver;
let t: TestApp;
/** Every response body of this file, to look for secrets afterwards. */
const seen: string[] = [];

const api = {
  get: (path: string) => request(t.server).get(path).set('X-API-Key', ADMIN),
  post: (path: string, body?: object) => request(t.server).post(path).set('X-API-Key', ADMIN).send(body),
  patch: (path: string, body: object) => request(t.server).patch(path).set('X-API-Key', ADMIN).send(body),
  delete: (path: string) => request(t.server).delete(path).set('X-API-Key', ADMIN),
};

function env(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ADMIN_API_KEY: ADMIN,
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    NOTIFY_WEBHOOK_URL: `${receiver.url}/env-hook`,
    NOTIFY_WEBHOOK_SECRET: ENV_SECRET,
    NOTIFY_SLACK_WEBHOOK_URL: `${receiver.url}/services/T000/B000/${SLACK_TOKEN}`,
    NOTIFY_DISCORD_WEBHOOK_URL: `${receiver.url}/api/webhooks/1/${DISCORD_TOKEN}`,
    NOTIFY_MIN_SEVERITY: 'warning',
    ...overrides,
  };
}

beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestApp({ env: env() });
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});
afterEach(() => {
  expect(seen.join('\n')).not.toContain(SECRET);
});

function record(res: request.Response): request.Response {
  seen.push(JSON.stringify(res.body));
  return res;
}

describe('channels from the environment', () => {
  it('are created at start with origin env, masked URLs and no secrets', async () => {
    const res = record(await api.get('/api/notification-channels').expect(200));
    const byName = Object.fromEntries(res.body.channels.map((c: { name: string }) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(['env:discord', 'env:slack', 'env:webhook']);
    expect(byName['env:slack']).toEqual({
      id: expect.any(Number),
      name: 'env:slack',
      kind: 'slack',
      url: `${receiver.url}/***`,
      has_secret: false,
      alert_types: null,
      min_severity: 'warning',
      enabled: true,
      origin: 'env',
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(byName['env:discord']).toMatchObject({ kind: 'discord', url: `${receiver.url}/***` });
    expect(byName['env:webhook']).toMatchObject({ kind: 'webhook', url: `${receiver.url}/env-hook`, has_secret: true });
  });

  it('are read-only through the API, but can be tested', async () => {
    const res = await api.get('/api/notification-channels').expect(200);
    const slack = res.body.channels.find((c: { name: string }) => c.name === 'env:slack');
    const patch = record(await api.patch(`/api/notification-channels/${slack.id}`, { enabled: false }).expect(403));
    expect(patch.body.message).toBe(
      `Notification channel ${slack.id} comes from the environment (NOTIFY_* variables): change it there`,
    );
    record(await api.delete(`/api/notification-channels/${slack.id}`).expect(403));
    const test = record(await api.post(`/api/notification-channels/${slack.id}/test`).expect(200));
    expect(test.body).toMatchObject({ event: 'test', status: 'delivered', attempts: 1 });
    expect(receiver.at(`/services/T000/B000/${SLACK_TOKEN}`)).toHaveLength(1);
  });

  it('follow the environment at the next start: changed, and removed when the variable is gone', async () => {
    const restarted = await startTestApp({
      database: t.database,
      env: env({
        NOTIFY_DISCORD_WEBHOOK_URL: '',
        NOTIFY_MIN_SEVERITY: 'critical',
        NOTIFY_ALERT_TYPES: 'model_down,dcrs_failed',
      }),
    });
    try {
      const res = await request(restarted.server).get('/api/notification-channels').set('X-API-Key', ADMIN).expect(200);
      expect(
        res.body.channels.map((c: { name: string; min_severity: string; alert_types: string[] }) => [
          c.name,
          c.min_severity,
          c.alert_types,
        ]),
      ).toEqual([
        ['env:webhook', 'critical', ['model_down', 'dcrs_failed']],
        ['env:slack', 'critical', ['model_down', 'dcrs_failed']],
      ]);
    } finally {
      await restarted.app.close();
    }
  });
});

describe('channels through the API', () => {
  it('create, read, change and remove a webhook channel; the secret is never returned', async () => {
    const created = record(
      await api
        .post('/api/notification-channels', {
          name: '  ops-webhook ',
          kind: 'webhook',
          url: 'https://ops.example.com/hooks/shawn?token=abc',
          secret: SECRET,
          alert_types: ['model_down', 'dcrs_failed'],
          min_severity: 'warning',
        })
        .expect(201),
    );
    expect(created.body).toEqual({
      id: expect.any(Number),
      name: 'ops-webhook',
      kind: 'webhook',
      url: 'https://ops.example.com/hooks/shawn?***',
      has_secret: true,
      alert_types: ['model_down', 'dcrs_failed'],
      min_severity: 'warning',
      enabled: true,
      origin: 'api',
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const id = created.body.id as number;
    expect(record(await api.get(`/api/notification-channels/${id}`).expect(200)).body).toEqual(created.body);

    const changed = record(
      await api
        .patch(`/api/notification-channels/${id}`, {
          name: 'ops',
          alert_types: null,
          min_severity: 'critical',
          enabled: false,
          secret: null,
        })
        .expect(200),
    );
    expect(changed.body).toMatchObject({
      id,
      name: 'ops',
      alert_types: null,
      min_severity: 'critical',
      enabled: false,
      has_secret: false,
    });
    const resecret = record(await api.patch(`/api/notification-channels/${id}`, { secret: newSecret() }).expect(200));
    expect(resecret.body.has_secret).toBe(true);

    record(await api.get(`/api/notification-channels/${id}/deliveries`).expect(200));
    await api.delete(`/api/notification-channels/${id}`).expect(204);
    await api.get(`/api/notification-channels/${id}`).expect(404);
    await api.delete(`/api/notification-channels/${id}`).expect(404);
  });

  it('Slack and Discord URLs are secrets: only scheme and host come back', async () => {
    const slack = record(
      await api
        .post('/api/notification-channels', {
          name: 'team-slack',
          kind: 'slack',
          url: `https://hooks.slack.com/services/T1/B1/${SLACK_TOKEN}`,
        })
        .expect(201),
    );
    expect(slack.body).toMatchObject({
      url: 'https://hooks.slack.com/***',
      has_secret: false,
      min_severity: 'info',
      alert_types: null,
    });
    const discord = record(
      await api
        .post('/api/notification-channels', {
          name: 'team-discord',
          kind: 'discord',
          url: `https://discord.com/api/webhooks/9/${DISCORD_TOKEN}`,
        })
        .expect(201),
    );
    expect(discord.body.url).toBe('https://discord.com/***');
    const all = record(await api.get('/api/notification-channels').expect(200));
    const text = JSON.stringify(all.body);
    expect(text).not.toContain(SLACK_TOKEN);
    expect(text).not.toContain(DISCORD_TOKEN);
    expect(text).not.toContain(ENV_SECRET);
  });

  it('names are unique and "env:" is reserved', async () => {
    await createChannel(t, ADMIN, { name: 'unique-one', kind: 'webhook', url: 'https://a.example.com/' });
    const taken = await api
      .post('/api/notification-channels', { name: 'unique-one', kind: 'slack', url: 'https://hooks.slack.com/x' })
      .expect(409);
    expect(taken.body.message).toBe('A notification channel named "unique-one" already exists');
    const other = await createChannel(t, ADMIN, { name: 'unique-two', kind: 'webhook', url: 'https://a.example.com/' });
    await api.patch(`/api/notification-channels/${other.id}`, { name: 'unique-one' }).expect(409);
    const reserved = await api
      .post('/api/notification-channels', { name: 'env:mine', kind: 'webhook', url: 'https://a.example.com/' })
      .expect(400);
    expect(reserved.body.message).toBe('name must not start with "env:" (reserved for channels from the environment)');
  });

  it.each([
    [{ kind: 'webhook', url: 'https://a.example.com/' }, 'name must be 1 to 100 characters'],
    [{ name: 'x', kind: 'email', url: 'https://a.example.com/' }, 'kind must be one of webhook, slack, discord'],
    [{ name: 'x', kind: 'webhook' }, 'url must be an http(s) URL without credentials'],
    [{ name: 'x', kind: 'webhook', url: 'ftp://a.example.com/' }, 'url must be an http(s) URL without credentials'],
    [
      { name: 'x', kind: 'webhook', url: 'https://u:p@a.example.com/' },
      'url must be an http(s) URL without credentials',
    ],
    [
      { name: 'x', kind: 'webhook', url: 'https://a.example.com/', secret: 'short' },
      'secret must be 16 to 200 characters',
    ],
    [
      { name: 'x', kind: 'slack', url: 'https://a.example.com/', secret: 'long-enough-secret-123' },
      'secret applies to webhook channels only (this one is slack)',
    ],
    [
      { name: 'x', kind: 'webhook', url: 'https://a.example.com/', alert_types: [] },
      expect.stringContaining('alert_types must be a non-empty list'),
    ],
    [
      { name: 'x', kind: 'webhook', url: 'https://a.example.com/', alert_types: ['model_on_fire'] },
      expect.stringContaining('alert_types must be a non-empty list'),
    ],
    [
      { name: 'x', kind: 'webhook', url: 'https://a.example.com/', min_severity: 'fatal' },
      'min_severity must be one of info, warning, critical',
    ],
    [{ name: 'x', kind: 'webhook', url: 'https://a.example.com/', enabled: 'yes' }, 'enabled must be true or false'],
    [{ name: 'x', kind: 'webhook', url: 'https://a.example.com/', origin: 'env' }, 'property origin should not exist'],
  ])('POST %j is a 400: %s', async (body, message) => {
    const res = await api.post('/api/notification-channels', body).expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message, request_id: expect.any(String) });
  });

  it.each([
    'http://10.0.0.1/hook',
    'http://172.16.5.4/hook',
    'http://192.168.1.10/hook',
    'http://100.64.0.1/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://0.0.0.0:8080/',
    'http://[::1]:8080/',
    'http://[::ffff:127.0.0.2]/',
    'http://[::ffff:10.0.0.1]/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://2130706434/',
  ])('refuses %s at save (create and change)', async (url) => {
    const created = await api
      .post('/api/notification-channels', { name: unique('bad'), kind: 'webhook', url })
      .expect(400);
    expect(created.body.message).toMatch(/^url host .* (address|service) and is refused/);
    const channel = await createChannel(t, ADMIN, {
      name: unique('good'),
      kind: 'webhook',
      url: 'https://a.example.com/',
    });
    const changed = await api.patch(`/api/notification-channels/${channel.id}`, { url }).expect(400);
    expect(changed.body.message).toBe(created.body.message);
  });

  it('every route needs an admin key', async () => {
    await request(t.server).get('/api/notification-channels').expect(401);
    await request(t.server).get('/api/notification-channels/1').expect(401);
    await request(t.server)
      .post('/api/notification-channels')
      .send({ name: 'x', kind: 'webhook', url: 'https://a.example.com/' })
      .expect(401);
    await request(t.server).patch('/api/notification-channels/1').send({ enabled: false }).expect(401);
    await request(t.server).delete('/api/notification-channels/1').expect(401);
    await request(t.server).post('/api/notification-channels/1/test').expect(401);
    await request(t.server).get('/api/notification-channels/1/deliveries').expect(401);
  });

  it('unknown channels are 404s and malformed ids and limits 400s naming them', async () => {
    await api.get('/api/notification-channels/999999').expect(404);
    await api.post('/api/notification-channels/999999/test').expect(404);
    await api.get('/api/notification-channels/999999/deliveries').expect(404);
    expect((await api.get('/api/notification-channels/abc').expect(400)).body.message).toBe(
      'id must be a positive integer',
    );
    const [first] = (await api.get('/api/notification-channels').expect(200)).body.channels;
    const bad = await api.get(`/api/notification-channels/${first.id}/deliveries?limit=0`).expect(400);
    expect(bad.body.message).toBe('limit must be an integer from 1 to 500');
  });
});

describe('without WEBHOOK_ALLOWED_HOSTS', () => {
  it('127.0.0.1 is refused at save, and again at send for a row that skipped the API', async () => {
    const strict = await startTestApp({ env: { ADMIN_API_KEY: ADMIN } });
    try {
      const res = await request(strict.server)
        .post('/api/notification-channels')
        .set('X-API-Key', ADMIN)
        .send({ name: 'local', kind: 'webhook', url: `${receiver.url}/strict` })
        .expect(400);
      const refusal =
        'url host 127.0.0.1 is a loopback address and is refused (list it in WEBHOOK_ALLOWED_HOSTS to allow it)';
      expect(res.body.message).toBe(refusal);

      // Written straight to the table (as an older version or a hand edit might have): the send-time check still holds.
      const now = new Date();
      const row = await strict.app.get(NotificationChannelsRepository).insert({
        name: 'smuggled',
        kind: 'webhook',
        url: `${receiver.url}/strict`,
        secret: null,
        alertTypes: null,
        minSeverity: 'info',
        enabled: true,
        origin: 'api',
        createdAt: now,
        updatedAt: now,
      });
      const test = await request(strict.server)
        .post(`/api/notification-channels/${row!.id}/test`)
        .set('X-API-Key', ADMIN)
        .expect(200);
      expect(test.body).toMatchObject({ status: 'failed', attempts: 1, error: refusal });
      expect(receiver.at('/strict')).toEqual([]);
    } finally {
      await strict.close();
    }
  });
});
