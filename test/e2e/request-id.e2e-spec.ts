// X-Request-Id: the caller's when sane, else a new UUID; returned on every response, in every error
// body and in every log line written while serving the request.
import request from 'supertest';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ADMIN = 'request-id-admin-key-0123456789';

interface LogLine {
  msg?: string;
  request_id?: string;
  req?: { id?: string };
}

function linesWith(t: TestApp, requestId: string): LogLine[] {
  return t.logs.map((line) => JSON.parse(line) as LogLine).filter((line) => line.request_id === requestId);
}

describe('request ids', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { ADMIN_API_KEY: ADMIN } });
  });
  afterAll(async () => {
    await t.close();
  });

  it("returns the caller's id when it is sane, on a success as on an error", async () => {
    const ok = await request(t.server).get('/api/models').set('X-Request-Id', 'edge-proxy:4711').expect(200);
    expect(ok.headers['x-request-id']).toBe('edge-proxy:4711');
    const missing = await request(t.server).get('/api/models/999').set('X-Request-Id', 'trace-404').expect(404);
    expect(missing.headers['x-request-id']).toBe('trace-404');
    expect(missing.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Model 999 not found',
      request_id: 'trace-404',
    });
  });

  it('makes a UUID when the caller sent none, or one too long or not visible ASCII', async () => {
    const ids = new Set<string>();
    for (const sent of [undefined, 'x'.repeat(129), 'has spaces in it', 'naïve-id']) {
      const req = request(t.server).get('/api/routing');
      if (sent !== undefined) req.set('X-Request-Id', sent);
      const res = await req.expect(200);
      expect(res.headers['x-request-id']).toMatch(UUID);
      ids.add(res.headers['x-request-id']);
    }
    expect(ids.size).toBe(4);
    const longest = 'y'.repeat(128);
    expect((await request(t.server).get('/').set('X-Request-Id', longest).expect(200)).headers['x-request-id']).toBe(
      longest,
    );
  });

  it('puts the id in every error body: validation, unknown route, refused key, malformed JSON', async () => {
    const refusals = [
      request(t.server).get('/api/metrics?days=0').expect(400),
      request(t.server).get('/api/nothing-here').expect(404),
      request(t.server).post('/api/models').send({ name: 'x', api_type: 'openai' }).expect(401),
      request(t.server).post('/api/models').set('Content-Type', 'application/json').send('{"name":').expect(400),
      request(t.server)
        .post('/api/models')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ padding: 'p'.repeat(300_000) }))
        .expect(413),
    ];
    for (const res of await Promise.all(refusals)) {
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(res.body).toEqual({
        statusCode: res.status,
        error: expect.any(String),
        message: expect.any(String),
        request_id: res.headers['x-request-id'],
      });
    }
  });

  it('binds the id to the log lines of the request', async () => {
    await request(t.server).get('/api/models/998').set('X-Request-Id', 'trace-log-1').expect(404);
    const lines = linesWith(t, 'trace-log-1');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.req?.id === 'trace-log-1')).toBe(true);
    expect(lines.map((line) => line.msg)).toContain('request completed');
  });
});

describe('request ids when a request fails inside', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.dataSource.destroy();
  });
  afterAll(async () => {
    await t.close();
  });

  it('the bare 500 body and the error logged while serving it carry the same id', async () => {
    const res = await request(t.server).get('/api/models').set('X-Request-Id', 'trace-500-abc').expect(500);
    expect(res.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
      request_id: 'trace-500-abc',
    });
    const messages = linesWith(t, 'trace-500-abc').map((line) => line.msg);
    expect(messages).toContain('Unhandled error while serving a request');
    expect(messages).toContain('request errored');
  });
});
