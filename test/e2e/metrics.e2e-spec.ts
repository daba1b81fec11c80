import request from 'supertest';
import { insertCall, minutesBefore } from '../factories/fixtures.js';
import { modelId } from '../setup/rows.js';
import { FIXED_NOW, fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';

describe('GET /api/metrics', () => {
  let t: TestApp;
  let gemini: number;
  let groq: number;

  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock() });
    gemini = await modelId(t.dataSource, 'Gemini');
    groq = await modelId(t.dataSource, 'Groq');
    await insertCall(t.dataSource, {
      modelId: gemini,
      score: 9.9,
      responseTime: 2300,
      timestamp: minutesBefore(FIXED_NOW, 5),
    });
    await insertCall(t.dataSource, {
      modelId: groq,
      score: 9.7,
      responseTime: 1200,
      timestamp: minutesBefore(FIXED_NOW, 10),
    });
    await insertCall(t.dataSource, {
      modelId: gemini,
      score: 9.5,
      responseTime: 2500,
      timestamp: minutesBefore(FIXED_NOW, 3 * 24 * 60),
    });
    await insertCall(t.dataSource, {
      modelId: groq,
      score: 9.1,
      responseTime: 1300,
      timestamp: minutesBefore(FIXED_NOW, 8 * 24 * 60),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('returns the last 24 hours, newest first, in the seed shape', async () => {
    const res = await request(t.server).get('/api/metrics').expect(200);
    expect(res.body).toEqual({
      resolution: 'raw',
      metrics: [
        {
          model: 'Gemini',
          model_id: gemini,
          score: 9.9,
          response_time: 2300,
          timestamp: minutesBefore(FIXED_NOW, 5).toISOString(),
          kind: 'probe',
          ttft_ms: null,
          tokens_per_second: null,
          input_tokens: null,
          output_tokens: null,
          cost: null,
        },
        {
          model: 'Groq',
          model_id: groq,
          score: 9.7,
          response_time: 1200,
          timestamp: minutesBefore(FIXED_NOW, 10).toISOString(),
          kind: 'probe',
          ttft_ms: null,
          tokens_per_second: null,
          input_tokens: null,
          output_tokens: null,
          cost: null,
        },
      ],
    });
  });

  it('?model_id=&days=7 filters by model and widens the window', async () => {
    const res = await request(t.server).get(`/api/metrics?model_id=${gemini}&days=7&resolution=raw`).expect(200);
    expect(res.body.metrics.map((m: { score: number }) => m.score)).toEqual([9.9, 9.5]);
  });

  it('?days=30 reaches older rows and limit caps the count', async () => {
    const all = await request(t.server).get('/api/metrics?days=30&resolution=raw').expect(200);
    expect(all.body.metrics).toHaveLength(4);
    const capped = await request(t.server).get('/api/metrics?days=30&limit=3&resolution=raw').expect(200);
    expect(capped.body.metrics.map((m: { score: number }) => m.score)).toEqual([9.9, 9.7, 9.5]);
  });

  it.each([
    ['days=0', 'days must be an integer from 1 to 365'],
    ['days=abc', 'days must be an integer from 1 to 365'],
    ['days=366', 'days must be an integer from 1 to 365'],
    ['days=1.5', 'days must be an integer from 1 to 365'],
    ['limit=-1', 'limit must be an integer from 1 to 10000'],
    ['limit=10001', 'limit must be an integer from 1 to 10000'],
    ['model_id=x', 'model_id must be a positive integer'],
    ['model=1', 'property model should not exist'],
    ['resolution=minute', 'resolution must be one of raw, hour, day'],
  ])('?%s is a 400 naming the parameter', async (query, message) => {
    const res = await request(t.server).get(`/api/metrics?${query}`).expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message, request_id: expect.any(String) });
  });

  it('an unknown model_id is a 404', async () => {
    const res = await request(t.server).get('/api/metrics?model_id=4242').expect(404);
    expect(res.body.message).toBe('Model 4242 not found');
  });
});
