// Ingest keys, webhook secrets and the secret parts of Slack and Discord URLs never come back out:
// after worker reports (accepted, replayed, refused), channels from the API and from NOTIFY_* variables,
// deliveries that succeed, fail, retry and are refused, test messages and bad channel requests, no log
// line (at debug level) and no response body holds them, and no row either except the channel's own
// url or secret column.
import { randomUUID } from 'node:crypto';
import { PinoLogger } from 'nestjs-pino';
import request from 'supertest';
import { CAPTURED_LOGS, fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';
import { createCartridge, postResult } from './cartridges.helpers.js';
import { hasValidSignature, settle, startReceiver, type Receiver } from './notification.helpers.js';
import { allRows, logLevels, placesOf } from './secrets.helpers.js';

const token = (kind: string) => `${kind}-${randomUUID()}`;
const ADMIN = token('admin');
const INGEST = token('ingest');
const OTHER_INGEST = token('ingest');
const WEBHOOK_SECRET = token('whsec');
const ENV_WEBHOOK_SECRET = token('whsec-env');
/** Parts of channel URLs that make them credentials: a Slack or Discord path, a generic webhook's query. */
const PATHS = {
  SLACK: token('slack'),
  DISCORD: token('discord'),
  HOOK: token('hook'),
  FAILING: token('failing'),
  REFUSED: token('refused'),
  ENV_SLACK: token('slack-env'),
  ENV_DISCORD: token('discord-env'),
  ENV_HOOK: token('hook-env'),
};
/** Where each secret may be, and nothing else. */
const SECRETS: Record<string, [string, string[]]> = {
  INGEST: [INGEST, []],
  OTHER_INGEST: [OTHER_INGEST, []],
  WEBHOOK_SECRET: [WEBHOOK_SECRET, ['notification_channels.secret']],
  ENV_WEBHOOK_SECRET: [ENV_WEBHOOK_SECRET, ['notification_channels.secret']],
  ...Object.fromEntries(
    Object.entries(PATHS).map(([name, value]) => [`${name} URL`, [value, ['notification_channels.url']]]),
  ),
};

let receiver: Receiver;
let t: TestApp;
let logsFrom: number;
const bodies: string[] = [];

beforeAll(async () => {
  receiver = await startReceiver();
  // Every try fails: the deliveries end failed, with their errors stored and logged.
  receiver.script(
    `/hooks/failing?token=${PATHS.FAILING}`,
    Array.from({ length: 50 }, () => ({ status: 500 })),
  );
  logsFrom = CAPTURED_LOGS.length;
  t = await startTestApp({
    clock: fixedClock(),
    env: {
      ADMIN_API_KEY: ADMIN,
      INGEST_API_KEYS: `${INGEST},${OTHER_INGEST}`,
      LOG_LEVEL: 'debug',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      NOTIFY_BACKOFF_MS: '10',
      NOTIFY_TIMEOUT_MS: '2000',
      ALERT_CHECK_INTERVAL_MS: '0',
      NOTIFY_WEBHOOK_URL: `${receiver.url}/hooks/env-hook?token=${PATHS.ENV_HOOK}`,
      NOTIFY_WEBHOOK_SECRET: ENV_WEBHOOK_SECRET,
      NOTIFY_SLACK_WEBHOOK_URL: `${receiver.url}/services/T0/B0/${PATHS.ENV_SLACK}`,
      NOTIFY_DISCORD_WEBHOOK_URL: `${receiver.url}/api/webhooks/1/${PATHS.ENV_DISCORD}`,
    },
  });
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

/** Sends a request, keeps its response body for the final check, and checks its status. */
async function send(req: request.Test, status: number): Promise<request.Response> {
  const res = await req;
  bodies.push(res.text);
  expect([req.url, res.status]).toEqual([req.url, status]);
  return res;
}
const admin = (req: request.Test) => req.set('X-API-Key', ADMIN);
const report = (status: string, minute: number) => ({
  status,
  started_at: new Date(Date.UTC(2026, 1, 1, 7, minute)).toISOString(),
  finished_at: new Date(Date.UTC(2026, 1, 1, 7, minute + 1)).toISOString(),
  summary: `run ${minute}`,
});

it('an afternoon of worker reports, channels, deliveries and refused requests', async () => {
  const channels: { id: number }[] = [];
  const channel = async (body: Record<string, unknown>) => {
    const res = await send(admin(request(t.server).post('/api/notification-channels')).send(body), 201);
    channels.push(res.body as { id: number });
  };
  await channel({
    name: 'Signed hook',
    kind: 'webhook',
    url: `${receiver.url}/hooks/hook?token=${PATHS.HOOK}`,
    secret: WEBHOOK_SECRET,
  });
  await channel({ name: 'Slack', kind: 'slack', url: `${receiver.url}/services/T1/B1/${PATHS.SLACK}` });
  await channel({ name: 'Discord', kind: 'discord', url: `${receiver.url}/api/webhooks/2/${PATHS.DISCORD}` });
  await channel({ name: 'Failing', kind: 'webhook', url: `${receiver.url}/hooks/failing?token=${PATHS.FAILING}` });
  // Saved, but refused at every send: localhost is not an allowed host and resolves to loopback.
  await channel({
    name: 'Refused',
    kind: 'webhook',
    url: `http://localhost:${receiver.port}/hooks/refused?token=${PATHS.REFUSED}`,
  });

  // Channel requests that fail, carrying secrets where they do not belong.
  const channelsUrl = '/api/notification-channels';
  await send(
    admin(request(t.server).post(channelsUrl)).send({ name: 'Bad', kind: 'slack', url: `not a url ${PATHS.SLACK}` }),
    400,
  );
  await send(
    admin(request(t.server).post(channelsUrl)).send({
      name: 'Private',
      kind: 'discord',
      url: `http://10.0.0.8/api/webhooks/3/${PATHS.DISCORD}`,
    }),
    400,
  );
  await send(
    admin(request(t.server).post(channelsUrl)).send({
      name: 'Slack secret',
      kind: 'slack',
      url: `${receiver.url}/services/T1/B1/${PATHS.SLACK}`,
      secret: WEBHOOK_SECRET,
    }),
    400,
  );
  await send(
    admin(request(t.server).post(channelsUrl)).send({
      name: 'Short',
      kind: 'webhook',
      url: `${receiver.url}/hooks/x`,
      secret: 'short',
    }),
    400,
  );
  await send(
    admin(request(t.server).post(channelsUrl)).send({
      name: 'Slack',
      kind: 'slack',
      url: `${receiver.url}/services/T1/B1/${PATHS.SLACK}`,
    }),
    409,
  );
  await send(
    request(t.server)
      .post(channelsUrl)
      .set('X-API-Key', INGEST)
      .send({
        name: 'By worker',
        kind: 'webhook',
        url: `${receiver.url}/hooks/hook?token=${PATHS.HOOK}`,
        secret: WEBHOOK_SECRET,
      }),
    403, // a valid ingest key that lacks the admin right
  );
  await send(
    admin(request(t.server).patch(`${channelsUrl}/${channels[0].id}`)).send({
      secret: WEBHOOK_SECRET,
      url: `${receiver.url}/hooks/hook?token=${PATHS.HOOK}`,
    }),
    200,
  );

  // Worker reports: accepted, replayed, a reused key with another body, refused keys (an unknown key:
  // 401; an ingest key anywhere but a result is valid but lacks the right: 403).
  await createCartridge(t, ADMIN, { name: 'Worker-Cartridge' });
  bodies.push((await postResult(t, 'Worker-Cartridge', INGEST, 'r1', report('failure', 1))).text);
  await send(postResult(t, 'Worker-Cartridge', INGEST, 'r1', report('failure', 1)), 201);
  await send(postResult(t, 'Worker-Cartridge', OTHER_INGEST, 'r1', report('success', 1)), 409);
  await send(
    request(t.server)
      .post('/api/cartridges/Worker-Cartridge/results')
      .set('Authorization', `Bearer ${OTHER_INGEST}`)
      .set('Idempotency-Key', 'r2')
      .send(report('success', 5)),
    201,
  );
  await send(postResult(t, 'Worker-Cartridge', `${INGEST}x`, 'r3', report('success', 9)), 401);
  await send(postResult(t, 'Worker-Cartridge', INGEST, 'r4', { ...report('success', 9), status: 'maybe' }), 400);
  await send(request(t.server).delete('/api/cartridges/Worker-Cartridge?history=keep').set('X-API-Key', INGEST), 403);
  await send(
    request(t.server)
      .post('/api/models')
      .set('Authorization', `Bearer ${INGEST}`)
      .send({ name: 'x', api_type: 'openai' }),
    403,
  );
  await settle(t);

  // Test messages to every channel, and every read.
  const all = (await send(admin(request(t.server).get(channelsUrl)), 200)).body.channels as { id: number }[];
  expect(all).toHaveLength(8);
  for (const { id } of all) {
    await send(admin(request(t.server).post(`${channelsUrl}/${id}/test`)), 200);
    await send(admin(request(t.server).get(`${channelsUrl}/${id}`)), 200);
    await send(admin(request(t.server).get(`${channelsUrl}/${id}/deliveries`)), 200);
  }
  await send(request(t.server).get('/api/alerts'), 200);
  await send(request(t.server).get('/api/cartridges'), 200);
  await send(request(t.server).get('/api/cartridges/Worker-Cartridge/results'), 200);
});

it('the secrets were really used, and the failures really happened', async () => {
  const signed = receiver.at(`/hooks/hook?token=${PATHS.HOOK}`);
  expect(signed.length).toBeGreaterThanOrEqual(3); // opened, resolved, test
  expect(signed.every((r) => hasValidSignature(r, WEBHOOK_SECRET))).toBe(true);
  expect(
    receiver.at(`/hooks/env-hook?token=${PATHS.ENV_HOOK}`).every((r) => hasValidSignature(r, ENV_WEBHOOK_SECRET)),
  ).toBe(true);
  for (const path of [
    `/services/T1/B1/${PATHS.SLACK}`,
    `/api/webhooks/2/${PATHS.DISCORD}`,
    `/services/T0/B0/${PATHS.ENV_SLACK}`,
    `/api/webhooks/1/${PATHS.ENV_DISCORD}`,
  ]) {
    // Alerts about the failed report and its recovery, and the test message.
    expect([path, receiver.at(path).length >= 3]).toEqual([path, true]);
  }
  expect(receiver.at(`/hooks/failing?token=${PATHS.FAILING}`).length).toBeGreaterThanOrEqual(3);
  expect(receiver.at(`/hooks/refused?token=${PATHS.REFUSED}`)).toEqual([]);
  const errors = (await allRows(t.dataSource))['notification_deliveries'].map((row) => row['error']);
  expect(errors).toEqual(expect.arrayContaining(['HTTP 500', expect.stringMatching(/^refused: localhost resolves/)]));
  const lines = t.logs.slice(logsFrom);
  expect(PinoLogger.root.isLevelEnabled('debug')).toBe(true);
  expect([...logLevels(lines)]).toEqual(expect.arrayContaining([30, 40]));
  expect(lines.some((line) => line.includes('Notification not delivered'))).toBe(true);
  expect(lines.some((line) => line.includes('"x-api-key":"[redacted]"'))).toBe(true);
  expect(lines.some((line) => line.includes('"authorization":"[redacted]"'))).toBe(true);
  expect(bodies.length).toBeGreaterThan(30);
});

it.each(Object.keys(SECRETS))('%s is in no response body and no log line, and only where it is kept', async (name) => {
  const [secret, keptIn] = SECRETS[name];
  const scene = { bodies, logs: t.logs.slice(logsFrom), dataSource: t.dataSource };
  expect(await placesOf(secret, scene)).toEqual({ responses: 0, logLines: 0, columns: keptIn });
});
