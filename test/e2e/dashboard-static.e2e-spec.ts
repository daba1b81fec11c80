// The built dashboard served under /dashboard: long-cached hashed assets, a never-cached index.html,
// the SPA fallback for deep links, the strict CSP unchanged, and a server that starts without a build.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CAPTURED_LOGS, startTestApp, type TestApp } from '../setup/test-app.js';

const INDEX =
  '<!doctype html><title>dash</title><script type="module" src="/dashboard/assets/index-abc123.js"></script>';

function fakeBuild(): string {
  const dist = mkdtempSync(join(tmpdir(), 'dashboard-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("dashboard");');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dist;
}

describe('serving the dashboard build', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DASHBOARD_PATH: fakeBuild() } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves index.html at /dashboard/ uncached, under the same strict CSP', async () => {
    const res = await request(t.server).get('/dashboard/').expect(200);
    expect(res.text).toBe(INDEX);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self';");
    await request(t.server).get('/dashboard').expect(301).expect('Location', '/dashboard/');
  });

  it('lets browsers keep hashed assets for a year, and answers 404 for a missing one', async () => {
    const res = await request(t.server).get('/dashboard/assets/index-abc123.js').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    await request(t.server).get('/dashboard/assets/index-gone.js').expect(404);
    const other = await request(t.server).get('/dashboard/favicon.svg').expect(200);
    expect(other.headers['cache-control']).toBe('no-cache');
  });

  it('answers any other page below /dashboard with index.html (the client-side router shows it)', async () => {
    for (const path of ['/dashboard/dcrs', '/dashboard/models/3', '/dashboard/no/such/page']) {
      const res = await request(t.server).get(path).expect(200);
      expect(res.text).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    await request(t.server).post('/dashboard/dcrs').expect(404);
  });

  it('leaves the API as it was', async () => {
    await request(t.server).get('/api/health').expect(200);
    const missing = await request(t.server).get('/api/dashboard').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404 });
  });
});

describe('without a dashboard build', () => {
  it('starts anyway, says so once in the log, and answers 404 under /dashboard', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'dashboard-none-'));
    const t = await startTestApp({ env: { DASHBOARD_PATH: empty } });
    try {
      await request(t.server).get('/api/health').expect(200);
      const res = await request(t.server).get('/dashboard/').expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, request_id: expect.any(String) });
      expect(
        t.logs.filter((line) => line.includes(`Dashboard not built (no ${join(empty, 'index.html')})`)),
      ).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('serves nothing with DASHBOARD_PATH=off', async () => {
    const notBuilt = () => CAPTURED_LOGS.filter((line) => line.includes('Dashboard not built')).length;
    const before = notBuilt();
    const t = await startTestApp({ env: { DASHBOARD_PATH: 'off' } });
    try {
      await request(t.server).get('/dashboard/').expect(404);
      expect(notBuilt()).toBe(before);
    } finally {
      await t.close();
    }
  });
});
