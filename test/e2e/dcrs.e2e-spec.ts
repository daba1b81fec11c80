import request from 'supertest';
import { insertDcrsRun, minutesBefore } from '../factories/fixtures.js';
import { FIXED_NOW, fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';

describe('DCRS read endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock() });
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /api/dcrs/status is a 404 with a plain message before any run', async () => {
    const res = await request(t.server).get('/api/dcrs/status').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No DCRS run has been recorded yet',
      request_id: expect.any(String),
    });
  });

  it('GET /api/dcrs/history is empty before any run', async () => {
    const res = await request(t.server).get('/api/dcrs/history').expect(200);
    expect(res.body).toEqual({ days: 7, history: [] });
  });

  describe('with runs', () => {
    beforeAll(async () => {
      for (const daysAgo of [0, 1, 2, 10]) {
        const executionTime = minutesBefore(FIXED_NOW, daysAgo * 24 * 60 + 1);
        await insertDcrsRun(t.dataSource, {
          date: executionTime.toISOString().slice(0, 10),
          executionTime,
          totalTests: 100,
          avgScore: 9.09 - daysAgo / 100,
          bestModel: daysAgo === 0 ? 'Gemini' : 'Groq',
          changesApplied: daysAgo === 0,
        });
      }
    });

    it('GET /api/dcrs/status is the latest run in the seed shape', async () => {
      const res = await request(t.server).get('/api/dcrs/status').expect(200);
      expect(res.body).toEqual({
        id: expect.any(Number),
        date: '2026-02-01',
        execution_time: minutesBefore(FIXED_NOW, 1).toISOString(),
        total_tests: 100,
        avg_score: 9.09,
        best_model: 'Gemini',
        changes_applied: true,
        status: 'completed',
      });
    });

    it('GET /api/dcrs/history?days=7 lists the runs of the window, newest first', async () => {
      const res = await request(t.server).get('/api/dcrs/history?days=7').expect(200);
      expect(res.body.days).toBe(7);
      expect(res.body.history.map((r: { date: string }) => r.date)).toEqual(['2026-02-01', '2026-01-31', '2026-01-30']);
    });

    it('GET /api/dcrs/history?days=30 reaches older runs', async () => {
      const res = await request(t.server).get('/api/dcrs/history?days=30').expect(200);
      expect(res.body.history).toHaveLength(4);
    });

    it.each(['days=0', 'days=abc', 'days=400', 'extra=1'])('?%s is a 400', async (query) => {
      const res = await request(t.server).get(`/api/dcrs/history?${query}`).expect(400);
      expect(res.body.message).toMatch(/days|extra/);
    });
  });
});
