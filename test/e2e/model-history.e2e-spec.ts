import request from 'supertest';
import { insertCall, minutesBefore } from '../factories/fixtures.js';
import { modelId } from '../setup/rows.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

describe('history of removed and simulated models', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { SIMULATE_PROVIDERS: 'true' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a model removed with history=keep still names its rows in /api/metrics, also by model_id', async () => {
    const id = await modelId(t.dataSource, 'Cerebras');
    await insertCall(t.dataSource, {
      modelId: id,
      score: 9,
      responseTime: 800,
      timestamp: minutesBefore(new Date(), 5),
    });
    await request(t.server).delete(`/api/models/${id}?history=keep`).expect(204);
    const all = await request(t.server).get('/api/metrics').expect(200);
    expect(all.body.metrics.map((m: { model_id: number }) => m.model_id)).toContain(id);
    const one = await request(t.server).get(`/api/metrics?model_id=${id}`).expect(200);
    expect(one.body.metrics).toHaveLength(1);
    expect(one.body.metrics[0].model).toBe(`Cerebras (removed #${id})`);
    await request(t.server).get(`/api/models/${id}`).expect(404);
  });

  it('evaluating a simulated model that was never probed leaves its uptime unknown', async () => {
    const id = await modelId(t.dataSource, 'Mistral');
    await request(t.server).post(`/api/models/${id}/evaluate`).expect(200);
    const detail = await request(t.server).get(`/api/models/${id}`).expect(200);
    expect(detail.body.uptime).toEqual({ last_24h: null, last_7d: null, last_30d: null });
    await request(t.server).post(`/api/models/${id}/probe`).expect(200);
    const probed = await request(t.server).get(`/api/models/${id}`).expect(200);
    expect(probed.body.uptime.last_24h).not.toBeNull();
  });
});
