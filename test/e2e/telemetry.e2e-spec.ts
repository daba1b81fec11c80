// GET /metrics, scraped and parsed as Prometheus would: HTTP requests by route template, probes,
// models, DCRS runs, cartridge executions, notification deliveries, realtime connections and the
// process metrics; and METRICS_TOKEN.
import request from 'supertest';
import { DcrsRunnerService } from '../../src/dcrs/dcrs-runner.service.js';
import { NotificationDispatcher } from '../../src/notifications/notification-dispatcher.service.js';
import { SEED_MODELS } from '../../src/models/seed-models.js';
import { FAKE_MODELS, startEvaluationEnv, type EvaluationEnv } from '../setup/evaluation-env.js';
import { Scrape } from '../setup/prometheus.js';
import { ioClient, wsClient, type IoClient, type WsClient } from '../setup/realtime-clients.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { modelId } from '../setup/rows.js';
import { createChannel, startReceiver, type Receiver } from './notification.helpers.js';

const ADMIN = 'telemetry-admin-key-0123456789';
const INGEST = 'telemetry-ingest-key-0123456789';
const TOKEN = 'scrape-token-0123456789abcdef';

async function scrape(t: TestApp): Promise<Scrape> {
  const res = await request(t.server).get('/metrics').expect(200);
  expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return new Scrape(res.text);
}

describe('GET /metrics', () => {
  let evaluation: EvaluationEnv;
  let receiver: Receiver;
  let t: TestApp;
  const clients: (IoClient | WsClient)[] = [];

  beforeAll(async () => {
    evaluation = await startEvaluationEnv();
    receiver = await startReceiver();
    t = await startTestApp({
      listen: true,
      env: { ...evaluation.env, ADMIN_API_KEY: ADMIN, INGEST_API_KEYS: INGEST, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' },
    });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await t.close();
    await receiver.close();
    await evaluation.close();
  });

  it('parses as the Prometheus text format, with the process metrics and event-loop lag', async () => {
    const metrics = await scrape(t);
    expect(metrics.family('nodejs_eventloop_lag_seconds').type).toBe('GAUGE');
    expect(metrics.family('nodejs_eventloop_lag_p99_seconds').type).toBe('GAUGE');
    expect(metrics.family('process_cpu_user_seconds_total').type).toBe('COUNTER');
    expect(metrics.family('process_resident_memory_bytes').type).toBe('GAUGE');
    expect(metrics.family('http_request_duration_seconds').type).toBe('HISTOGRAM');
  });

  it('counts HTTP requests by route template and status, never by raw URL', async () => {
    const id = await modelId(t.dataSource, 'OpenAI');
    await request(t.server).get(`/api/models/${id}`).expect(200);
    await request(t.server).get(`/api/models/${id}`).expect(200);
    await request(t.server).get('/api/models/987654').expect(404);
    await request(t.server).get('/api/no-such-route/123456').expect(404);

    const metrics = await scrape(t);
    const byModel = { method: 'GET', route: '/api/models/:id' };
    expect(metrics.value('http_requests_total', { ...byModel, status_code: '200' })).toBe(2);
    expect(metrics.value('http_requests_total', { ...byModel, status_code: '404' })).toBe(1);
    expect(metrics.value('http_requests_total', { route: '(unmatched)', status_code: '404' })).toBe(1);
    expect(metrics.labelValues('http_requests_total', 'route')).toContain('/api/models/:id');
    // Nowhere in the scrape (the duration histogram has the same labels) is a raw URL.
    expect(metrics.text).not.toMatch(/987654|123456|no-such-route/);
  });

  it('has one status and an uptime ratio per model, read from the rows at each scrape', async () => {
    const metrics = await scrape(t);
    for (const { name } of SEED_MODELS) {
      const statuses = ['healthy', 'degraded', 'down', 'unknown'].map((status) =>
        metrics.value('shawn_model_status', { model: name, status }),
      );
      expect(statuses.sort()).toEqual([0, 0, 0, 1]);
      const uptime = metrics.value('shawn_model_uptime_ratio', { model: name })!;
      expect(uptime).toBeGreaterThanOrEqual(0);
      expect(uptime).toBeLessThanOrEqual(1);
    }
    const id = await modelId(t.dataSource, 'Mistral');
    await request(t.server).patch(`/api/models/${id}`).set('X-API-Key', ADMIN).send({ name: 'Mistral-Renamed' });
    const after = await scrape(t);
    expect(after.labelValues('shawn_model_uptime_ratio', 'model')).toContain('Mistral-Renamed');
    expect(after.labelValues('shawn_model_uptime_ratio', 'model')).not.toContain('Mistral');
    expect(after.value('shawn_model_enabled', { model: 'Mistral-Renamed' })).toBe(1);
  });

  it('observes probe latency per model and outcome, and the time to the first token of a success', async () => {
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'pong' });
    evaluation.fake.script(FAKE_MODELS.Gemini, { kind: 'server_error' });
    const probe = async (name: string) =>
      request(t.server)
        .post(`/api/models/${await modelId(t.dataSource, name)}/probe`)
        .set('X-API-Key', ADMIN)
        .expect(200);
    await probe('OpenAI');
    await probe('Gemini');

    const metrics = await scrape(t);
    expect(metrics.value('shawn_probes_total', { model: 'OpenAI', mode: 'live', outcome: 'success' })).toBe(1);
    expect(metrics.value('shawn_probes_total', { model: 'Gemini', mode: 'live', outcome: 'failure' })).toBe(1);
    // The parser keeps a labelled histogram's buckets but not its labels: each of the two series
    // (OpenAI success, Gemini failure) holds one probe.
    const latency = metrics.family('shawn_probe_latency_seconds');
    expect(latency.type).toBe('HISTOGRAM');
    expect(latency.metrics[0].buckets?.['+Inf']).toBe('1');
    // One series only (the failed probe has no first token): its +Inf bucket counts the one probe.
    const ttft = metrics.family('shawn_probe_ttft_seconds');
    expect(ttft.type).toBe('HISTOGRAM');
    expect(ttft.metrics[0].buckets?.['+Inf']).toBe('1');
  });

  it('counts a DCRS run by outcome and observes its duration', async () => {
    for (const model of Object.values(FAKE_MODELS)) evaluation.fake.script(model, { kind: 'answer', text: 'alpha' });
    await request(t.server).post('/api/dcrs/run').set('X-API-Key', ADMIN).expect(202);
    await t.app.get(DcrsRunnerService).idle();

    const metrics = await scrape(t);
    expect(metrics.value('shawn_dcrs_runs_total', { outcome: 'completed' })).toBe(1);
    expect(metrics.family('shawn_dcrs_run_duration_seconds').metrics[0].buckets?.['+Inf']).toBe('1');
  });

  it('counts cartridge executions by cartridge and status', async () => {
    let reports = 0;
    const post = (status: string) =>
      request(t.server)
        .post('/api/cartridges/Bio-Cartridge/results')
        .set('X-API-Key', INGEST)
        .set('Idempotency-Key', `metrics-${++reports}`)
        .send({
          status,
          started_at: new Date(Date.now() - 60_000).toISOString(),
          finished_at: new Date().toISOString(),
        })
        .expect(201);
    await post('success');
    await post('success');
    await post('failure');

    const metrics = await scrape(t);
    expect(metrics.value('shawn_cartridge_executions_total', { cartridge: 'Bio-Cartridge', status: 'success' })).toBe(
      2,
    );
    expect(metrics.value('shawn_cartridge_executions_total', { cartridge: 'Bio-Cartridge', status: 'failure' })).toBe(
      1,
    );
  });

  it('counts notification deliveries by channel kind and outcome', async () => {
    receiver.script('/fails', [{ status: 404 }]);
    const good = await createChannel(t, ADMIN, { name: 'metrics-ok', kind: 'webhook', url: `${receiver.url}/ok` });
    const bad = await createChannel(t, ADMIN, { name: 'metrics-bad', kind: 'webhook', url: `${receiver.url}/fails` });
    await request(t.server).post(`/api/notification-channels/${good.id}/test`).set('X-API-Key', ADMIN).expect(200);
    await request(t.server).post(`/api/notification-channels/${bad.id}/test`).set('X-API-Key', ADMIN).expect(200);
    await t.app.get(NotificationDispatcher).idle();

    const metrics = await scrape(t);
    const delivered = { channel_kind: 'webhook', outcome: 'delivered' };
    expect(metrics.value('shawn_notification_deliveries_total', delivered)).toBe(1);
    expect(metrics.value('shawn_notification_deliveries_total', { ...delivered, outcome: 'failed' })).toBe(1);
  });

  it('gauges the realtime clients connected now, per transport', async () => {
    const before = await scrape(t);
    expect(before.value('shawn_realtime_connections', { transport: 'socket.io' })).toBe(0);
    expect(before.value('shawn_realtime_connections', { transport: 'ws' })).toBe(0);

    clients.push(await ioClient(t.url), await ioClient(t.url), await wsClient(t.url));
    const metrics = await scrape(t);
    expect(metrics.value('shawn_realtime_connections', { transport: 'socket.io' })).toBe(2);
    expect(metrics.value('shawn_realtime_connections', { transport: 'ws' })).toBe(1);
  });

  it('is not in the OpenAPI document, and its requests are not logged', async () => {
    const docs = await request(t.server).get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths as object)).not.toContain('/metrics');
    const before = t.logs.length;
    await request(t.server).get('/metrics').expect(200);
    await request(t.server).get('/api/routing').expect(200);
    const written = t.logs.slice(before).join('\n');
    expect(written).toContain('"url":"/api/routing"');
    expect(written).not.toContain('"url":"/metrics"');
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { METRICS_TOKEN: TOKEN, ADMIN_API_KEY: ADMIN } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 401 without the token, with a wrong one, or with it anywhere but a Bearer header', async () => {
    for (const req of [
      request(t.server).get('/metrics'),
      request(t.server).get('/metrics').set('Authorization', `Bearer ${TOKEN}x`),
      request(t.server)
        .get('/metrics')
        .set('Authorization', `Bearer ${TOKEN.slice(0, -1)}`),
      request(t.server).get('/metrics').set('Authorization', `Basic ${TOKEN}`),
      request(t.server).get('/metrics').set('X-API-Key', TOKEN),
      request(t.server).get('/metrics').set('Authorization', `Bearer ${ADMIN}`),
    ]) {
      const res = await req.expect(401);
      expect(res.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'A valid metrics token is required (Authorization: Bearer <METRICS_TOKEN>)',
        request_id: res.headers['x-request-id'],
      });
      expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(res.text).not.toContain(TOKEN);
    }
  });

  it('answers the scrape with the token as a Bearer header', async () => {
    const res = await request(t.server).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(new Scrape(res.text).family('http_requests_total').type).toBe('COUNTER');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('leaves the health probes and the API open', async () => {
    await request(t.server).get('/api/health/live').expect(200);
    await request(t.server).get('/api/health/ready').expect(200);
    await request(t.server).get('/api/models').expect(200);
  });
});
