import request from 'supertest';
import { insertExecution, minutesBefore } from '../factories/fixtures.js';
import { FIXED_NOW, fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';

describe('cartridge read endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock() });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the two seed cartridges as idle before any execution', async () => {
    const res = await request(t.server).get('/api/cartridges').expect(200);
    expect(res.body).toEqual({
      cartridges: [
        {
          name: 'Bio-Cartridge',
          status: 'idle',
          last_execution: null,
          success_rate: null,
          description: 'Biology and medical literature pipeline',
          schedule: null,
          depends_on: null,
          has_check_set: false,
        },
        {
          name: 'Investment-Cartridge',
          status: 'idle',
          last_execution: null,
          success_rate: null,
          description: 'Market and investment analysis pipeline',
          schedule: null,
          depends_on: null,
          has_check_set: false,
        },
      ],
    });
  });

  describe('with executions', () => {
    beforeAll(async () => {
      // Bio: 199 successes and 1 failure in 30 days -> 99.5%; the newest succeeded -> healthy.
      for (let i = 0; i < 200; i++) {
        await insertExecution(t.dataSource, 'Bio-Cartridge', {
          status: i === 150 ? 'failure' : 'success',
          startedAt: minutesBefore(FIXED_NOW, 30 + i * 180),
          durationMs: 2000 + i,
          summary: `run ${i}`,
        });
      }
      // Older than 30 days: left out of the rate.
      await insertExecution(t.dataSource, 'Bio-Cartridge', {
        status: 'failure',
        startedAt: minutesBefore(FIXED_NOW, 31 * 24 * 60),
      });
      // Investment: the last three failed -> failing; 1 of 4 succeeded -> 25%.
      await insertExecution(t.dataSource, 'Investment-Cartridge', {
        status: 'success',
        startedAt: minutesBefore(FIXED_NOW, 400),
      });
      for (const minutes of [300, 200, 100]) {
        await insertExecution(t.dataSource, 'Investment-Cartridge', {
          status: 'failure',
          startedAt: minutesBefore(FIXED_NOW, minutes),
        });
      }
      // A run still going counts neither way.
      await insertExecution(t.dataSource, 'Investment-Cartridge', {
        status: 'running',
        startedAt: minutesBefore(FIXED_NOW, 1),
      });
    });

    it('computes status, last execution and the 30-day success rate', async () => {
      const res = await request(t.server).get('/api/cartridges').expect(200);
      expect(res.body.cartridges).toEqual([
        expect.objectContaining({
          name: 'Bio-Cartridge',
          status: 'healthy',
          last_execution: minutesBefore(FIXED_NOW, 30).toISOString(),
          success_rate: 99.5,
        }),
        expect.objectContaining({
          name: 'Investment-Cartridge',
          status: 'failing',
          last_execution: minutesBefore(FIXED_NOW, 1).toISOString(),
          success_rate: 25,
        }),
      ]);
    });

    it('GET /api/cartridges/:name/results lists executions newest first', async () => {
      const res = await request(t.server).get('/api/cartridges/Bio-Cartridge/results?limit=2').expect(200);
      expect(res.body).toEqual({
        cartridge: 'Bio-Cartridge',
        results: [
          {
            id: expect.any(Number),
            status: 'success',
            started_at: minutesBefore(FIXED_NOW, 30).toISOString(),
            finished_at: new Date(minutesBefore(FIXED_NOW, 30).getTime() + 2000).toISOString(),
            duration_ms: 2000,
            summary: 'run 0',
            source: 'runner',
            model_used: null,
          },
          expect.objectContaining({ status: 'success', summary: 'run 1' }),
        ],
      });
    });

    it('a running execution has no finish yet', async () => {
      const res = await request(t.server).get('/api/cartridges/Investment-Cartridge/results').expect(200);
      expect(res.body.results[0]).toMatchObject({ status: 'running', finished_at: null, duration_ms: null });
      expect(res.body.results).toHaveLength(5);
    });
  });

  it('an unknown cartridge is a 404', async () => {
    const res = await request(t.server).get('/api/cartridges/Nope-Cartridge/results').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cartridge "Nope-Cartridge" not found',
      request_id: expect.any(String),
    });
  });

  it.each(['limit=0', 'limit=x', 'other=1'])('?%s is a 400', async (query) => {
    const res = await request(t.server).get(`/api/cartridges/Bio-Cartridge/results?${query}`).expect(400);
    expect(res.body.message).toMatch(/limit|other/);
  });
});
