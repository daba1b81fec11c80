import request from 'supertest';
import { fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';

describe('system endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock() });
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET / answers the seed banner with the version and the server time', async () => {
    const res = await request(t.server).get('/').expect(200);
    expect(res.body).toEqual({
      status: '🟢 Online',
      system: 'SHawn-Brain Neural Dashboard API',
      version: '1.0.0',
      timestamp: '2026-02-01T08:00:00.000Z',
    });
  });

  it('GET /api/health is healthy while the database answers', async () => {
    const res = await request(t.server).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'healthy' });
  });

  it('an unknown route is a 404 in the common error shape', async () => {
    const res = await request(t.server).get('/api/nothing-here').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /api/nothing-here',
      request_id: expect.any(String),
    });
  });

  it('sets security headers and no x-powered-by', async () => {
    const res = await request(t.server).get('/').expect(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('when the database stops answering', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.dataSource.destroy();
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /api/health is 503 unhealthy', async () => {
    const res = await request(t.server).get('/api/health').expect(503);
    expect(res.body.status).toBe('unhealthy');
  });

  it('a failing query gives a bare 500 without SQL, stack or path, and the detail goes to the log', async () => {
    const res = await request(t.server).get('/api/models').expect(500);
    expect(res.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
      request_id: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|\/work|\.ts|at /);
    expect(t.logs.join('\n')).toContain('Unhandled error while serving a request');
  });
});
