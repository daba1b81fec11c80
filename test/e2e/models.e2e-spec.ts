import request from 'supertest';
import { RELATIVE_ERROR } from '../../src/common/log-histogram.js';
import { insertCall, minutesBefore } from '../factories/fixtures.js';
import { modelId } from '../setup/rows.js';
import { FIXED_NOW, fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';

const SEED = [
  ['Gemini', 'google', 9.9, 2300, 100],
  ['Groq', 'groq', 9.7, 1200, 100],
  ['Anthropic', 'anthropic', 9.4, 2100, 100],
  ['Mistral', 'mistral', 9.1, 1900, 99.8],
  ['DeepSeek', 'deepseek', 8.7, 2000, 99.5],
  ['OpenRouter', 'openrouter', 9.0, 1800, 99.7],
  ['OpenAI', 'openai', 8.9, 2400, 99.3],
  ['SambaNova', 'sambanova', 8.8, 1500, 99.9],
  ['Cerebras', 'cerebras', 8.6, 800, 99.0],
  ['Others', 'others', 8.8, 1700, 99.4],
] as const;

describe('GET /api/models', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock() });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the ten seed models with their exact values, in id order, and the 9.09 average', async () => {
    const res = await request(t.server).get('/api/models').expect(200);
    expect(res.body.average_score).toBe(9.09);
    expect(res.body.timestamp).toBe(FIXED_NOW.toISOString());
    expect(res.body.models).toHaveLength(10);
    res.body.models.forEach((model: Record<string, unknown>, index: number) => {
      const [name, apiType, score, responseTime, uptime] = SEED[index];
      expect(model).toEqual({
        id: index + 1,
        name,
        api_type: apiType,
        last_score: score,
        response_time: responseTime,
        uptime_percent: uptime,
        status: 'healthy',
        updated_at: FIXED_NOW.toISOString(),
        probe_mode: 'simulated',
        provider_model: null,
        base_url: null,
        enabled: true,
        last_probe_at: null,
        last_error_kind: null,
        quota: null,
      });
    });
  });

  it('GET /api/models/:id adds a 24-hour summary of measured calls', async () => {
    const id = await modelId(t.dataSource, 'Groq');
    const latencies = [
      1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 2100, 2200, 2300, 2400, 2500, 2600, 2700, 2800,
      5000,
    ];
    for (const [i, responseTime] of latencies.entries()) {
      await insertCall(t.dataSource, {
        modelId: id,
        score: i % 2 === 0 ? 9 : 10,
        responseTime,
        timestamp: minutesBefore(FIXED_NOW, 10 + i),
      });
    }
    // Older than 24 hours: not counted.
    await insertCall(t.dataSource, {
      modelId: id,
      score: 1,
      responseTime: 99_999,
      timestamp: minutesBefore(FIXED_NOW, 25 * 60),
    });

    const res = await request(t.server).get(`/api/models/${id}`).expect(200);
    expect(res.body).toMatchObject({ id, name: 'Groq', api_type: 'groq', last_score: 9.7 });
    expect(res.body.summary_24h).toEqual({
      count: 20,
      mean_score: 9.5,
      mean_response_time: 2055,
      p95_response_time: expect.any(Number),
    });
    // From the rollup histogram: within its stated error of the exact 2800 ms.
    expect(Math.abs(res.body.summary_24h.p95_response_time - 2800) / 2800).toBeLessThanOrEqual(RELATIVE_ERROR);
  });

  it('a model without calls has an empty summary', async () => {
    const id = await modelId(t.dataSource, 'Cerebras');
    const res = await request(t.server).get(`/api/models/${id}`).expect(200);
    expect(res.body.summary_24h).toEqual({
      count: 0,
      mean_score: null,
      mean_response_time: null,
      p95_response_time: null,
    });
  });

  it.each([
    ['abc', 'id must be a positive integer'],
    ['1.5', 'id must be a positive integer'],
    ['0', 'id must be a positive integer'],
    ['-3', 'id must be a positive integer'],
    ['99999999999', 'id must be a positive integer'],
  ])('GET /api/models/%s is a 400 naming id', async (id, message) => {
    const res = await request(t.server).get(`/api/models/${id}`).expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message, request_id: expect.any(String) });
  });

  it('an unknown model id is a 404', async () => {
    const res = await request(t.server).get('/api/models/999').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Model 999 not found',
      request_id: expect.any(String),
    });
  });
});
