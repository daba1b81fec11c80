// Cost and quota of real probes against the fake provider: tokens and cost stored with each call at the
// price in force then, prices from PRICES_PATH and PUT /api/models/:id/price, the totals, the quota
// figures in every wire format and the quota_low alert opening and resolving.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { MetricEntity } from '../../src/metrics/metric.entity.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/fake-provider.server.js';
import { newAdminKey } from '../factories/keys.js';
import { Scrape } from '../setup/prometheus.js';
import { modelId } from '../setup/rows.js';
import { fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';
import { listAlerts, settle } from './notification.helpers.js';
import type { FixedClock } from '../../src/common/clock.js';

const ADMIN = newAdminKey();
const MINUTE = 60_000;

let fake: FakeProvider;
let t: TestApp;
let clock: FixedClock;

beforeAll(async () => {
  fake = await startFakeProvider({ defaultText: 'pong' });
  const dir = mkdtempSync(join(tmpdir(), 'prices-e2e-'));
  const prices = join(dir, 'prices.yaml');
  // OpenAI by model name; Anthropic by its provider model id.
  writeFileSync(
    prices,
    [
      'prices:',
      '  - model: OpenAI',
      '    input_per_million: 1',
      '    output_per_million: 2',
      '  - model: claude-cost',
      '    input_per_million: 3',
      '    output_per_million: 15',
      '    currency: USD',
    ].join('\n'),
  );
  clock = fixedClock();
  t = await startTestApp({
    clock,
    env: {
      ...fake.envFor(['openai', 'anthropic', 'google']),
      OPENAI_MODEL: 'gpt-cost',
      ANTHROPIC_MODEL: 'claude-cost',
      GOOGLE_MODEL: 'gemini-cost',
      SIMULATE_PROVIDERS: 'false',
      ADMIN_API_KEY: ADMIN,
      PRICES_PATH: prices,
      QUOTA_LOW_FRACTION: '0.1',
    },
  });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});
afterEach(() => fake.reset());

async function probe(id: number): Promise<void> {
  await request(t.server).post(`/api/models/${id}/probe`).set('X-API-Key', ADMIN).expect(200);
  await settle(t);
}

const rowsOf = (id: number): Promise<MetricEntity[]> =>
  t.dataSource.getRepository(MetricEntity).find({ where: { modelId: id }, order: { id: 'ASC' } });

describe('cost of a call', () => {
  it('stores input and output tokens and the cost at the price in force, which a new price changes for later calls only', async () => {
    const id = await modelId(t.dataSource, 'OpenAI');
    fake.script('gpt-cost', { kind: 'answer', text: 'pong', inputTokens: 1000, outputTokens: 500 });
    await probe(id);
    // File price 1 / 2 per million: 1000 x 1 + 500 x 2 = 2000 per million = 0.002.
    expect((await rowsOf(id)).map((r) => [r.inputTokens, r.outputTokens, r.cost])).toEqual([[1000, 500, 0.002]]);

    clock.advance(MINUTE);
    const put = await request(t.server)
      .put(`/api/models/${id}/price`)
      .set('X-API-Key', ADMIN)
      .send({ input_per_million: 10, output_per_million: 20, currency: 'USD' })
      .expect(200);
    expect(put.body).toEqual({
      model_id: id,
      input_per_million: 10,
      output_per_million: 20,
      currency: 'USD',
      source: 'admin',
      effective_from: clock.now().toISOString(),
    });

    clock.advance(MINUTE);
    fake.script('gpt-cost', { kind: 'answer', text: 'pong', inputTokens: 1000, outputTokens: 500 });
    await probe(id);
    expect((await rowsOf(id)).map((r) => r.cost)).toEqual([0.002, 0.02]);

    const metrics = await request(t.server).get('/api/metrics').query({ model_id: id }).expect(200);
    expect(metrics.body.metrics.map((m: Record<string, unknown>) => [m.input_tokens, m.output_tokens, m.cost])).toEqual(
      [
        [1000, 500, 0.02],
        [1000, 500, 0.002],
      ],
    );
  });

  it('totals by model and kind, with cost per successful call and the price in force', async () => {
    const id = await modelId(t.dataSource, 'OpenAI');
    const totals = await request(t.server).get('/api/costs').query({ days: 30 }).expect(200);
    const openAi = totals.body.by_model.find((m: { model_id: number }) => m.model_id === id);
    expect(openAi).toMatchObject({
      model: 'OpenAI',
      currency: 'USD',
      calls: 2,
      successes: 2,
      cost: 0.022,
      probe_cost: 0.022,
      evaluation_cost: 0,
      cost_per_successful_call: 0.011,
      mean_score: null,
      cost_per_quality_point: null,
      by_kind: [{ kind: 'probe', calls: 2, cost: 0.022, input_tokens: 2000, output_tokens: 1000 }],
    });
    expect(totals.body.by_kind).toContainEqual(expect.objectContaining({ kind: 'probe' }));
    expect(totals.body.days).toBe(30);

    const detail = await request(t.server).get(`/api/models/${id}/costs`).expect(200);
    expect(detail.body.price).toMatchObject({ input_per_million: 10, output_per_million: 20, source: 'admin' });
    expect(detail.body.windows.last_24h).toMatchObject({ calls: 2, cost: 0.022, cost_per_successful_call: 0.011 });
  });

  it('matches a file price by provider model id and counts Anthropic and Gemini tokens', async () => {
    const anthropic = await modelId(t.dataSource, 'Anthropic');
    const gemini = await modelId(t.dataSource, 'Gemini');
    fake.script('claude-cost', { kind: 'answer', text: 'pong', inputTokens: 2000, outputTokens: 100 });
    fake.script('gemini-cost', { kind: 'answer', text: 'pong', inputTokens: 30, outputTokens: 7 });
    await probe(anthropic);
    await probe(gemini);
    // 2000 x 3 + 100 x 15 = 7500 per million.
    expect((await rowsOf(anthropic)).map((r) => [r.inputTokens, r.outputTokens, r.cost])).toEqual([
      [2000, 100, 0.0075],
    ]);
    // No price for Gemini: tokens without a cost.
    expect((await rowsOf(gemini)).map((r) => [r.inputTokens, r.outputTokens, r.cost])).toEqual([[30, 7, null]]);
    const detail = await request(t.server).get(`/api/models/${anthropic}/costs`).expect(200);
    expect(detail.body.price).toEqual({
      model_id: anthropic,
      input_per_million: 3,
      output_per_million: 15,
      currency: 'USD',
      source: 'file',
      effective_from: null,
    });
  });

  it('refuses a bad price naming the field, and an unknown model', async () => {
    const id = await modelId(t.dataSource, 'OpenAI');
    const bad = await request(t.server)
      .put(`/api/models/${id}/price`)
      .set('X-API-Key', ADMIN)
      .send({ input_per_million: -1, output_per_million: 1, currency: 'dollars' })
      .expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('input_per_million must be a number from 0 to 1000000');
    expect(JSON.stringify(bad.body.message)).toContain('currency must be a 3-letter code');
    await request(t.server)
      .put('/api/models/999999/price')
      .set('X-API-Key', ADMIN)
      .send({ input_per_million: 1, output_per_million: 1 })
      .expect(404);
    await request(t.server)
      .put(`/api/models/${id}/price`)
      .send({ input_per_million: 1, output_per_million: 1 })
      .expect(401);
    await request(t.server).get('/api/costs').query({ days: 0 }).expect(400);
  });
});

describe('quota', () => {
  it('keeps the figures each wire format sends, and null for Gemini which sends none', async () => {
    const openAi = await modelId(t.dataSource, 'OpenAI');
    const anthropic = await modelId(t.dataSource, 'Anthropic');
    const gemini = await modelId(t.dataSource, 'Gemini');
    const limits = {
      requestsRemaining: 40,
      requestsLimit: 50,
      tokensRemaining: 9000,
      tokensLimit: 10000,
      resetSeconds: 90,
    };
    fake.rateLimits('gpt-cost', limits);
    fake.rateLimits('claude-cost', limits);
    fake.rateLimits('gemini-cost', limits);
    await probe(openAi);
    await probe(anthropic);
    await probe(gemini);

    const models = (await request(t.server).get('/api/models').expect(200)).body.models as {
      id: number;
      quota: Record<string, unknown> | null;
    }[];
    const quotaOf = (id: number) => models.find((m) => m.id === id)?.quota;
    for (const id of [openAi, anthropic]) {
      expect(quotaOf(id)).toMatchObject({
        requests_remaining: 40,
        requests_limit: 50,
        tokens_remaining: 9000,
        tokens_limit: 10000,
      });
      // The scarcer is requests (80% left): it resets in about 90 s (real time: the fake's clock).
      const resets = Date.parse(String(quotaOf(id)?.resets_at));
      expect(Math.abs(resets - (Date.now() + 90_000))).toBeLessThan(10_000);
    }
    expect(quotaOf(gemini)).toBeNull();
    const detail = await request(t.server).get(`/api/models/${openAi}`).expect(200);
    expect(detail.body.quota).toMatchObject({ requests_remaining: 40 });

    const scrape = new Scrape((await request(t.server).get('/metrics').expect(200)).text);
    for (const model of ['OpenAI', 'Anthropic']) {
      expect(scrape.value('shawn_model_quota_remaining', { model, resource: 'requests' })).toBe(40);
      expect(scrape.value('shawn_model_quota_limit', { model, resource: 'tokens' })).toBe(10000);
      const reset = scrape.value('shawn_model_quota_reset_timestamp_seconds', { model, resource: 'requests' }) ?? 0;
      expect(Math.abs(reset * 1000 - (Date.now() + 90_000))).toBeLessThan(10_000);
    }
    expect(scrape.labelValues('shawn_model_quota_remaining', 'model')).not.toContain('Gemini');
  });

  it("forgets a model's figures when its provider settings change", async () => {
    const id = await modelId(t.dataSource, 'Anthropic');
    expect((await request(t.server).get(`/api/models/${id}`).expect(200)).body.quota).not.toBeNull();
    await request(t.server)
      .patch(`/api/models/${id}`)
      .set('X-API-Key', ADMIN)
      .send({ provider_model: 'claude-other' })
      .expect(200);
    expect((await request(t.server).get(`/api/models/${id}`).expect(200)).body.quota).toBeNull();
    await request(t.server)
      .patch(`/api/models/${id}`)
      .set('X-API-Key', ADMIN)
      .send({ provider_model: null })
      .expect(200);
  });

  it('opens quota_low below the fraction (a 429 counts too) and resolves it when the quota is restored', async () => {
    const id = await modelId(t.dataSource, 'OpenAI');
    fake.rateLimits('gpt-cost', {
      requestsRemaining: 0,
      requestsLimit: 50,
      tokensRemaining: 9000,
      tokensLimit: 10000,
      resetSeconds: 60,
    });
    fake.script('gpt-cost', { kind: 'rate_limited', retryAfter: '1' });
    await probe(id);
    let open = await listAlerts(t, { type: 'quota_low' });
    expect(open.map((a) => [a.subject, a.resolved_at])).toEqual([['OpenAI', null]]);
    expect(open[0]?.message).toContain('0/50 requests');

    clock.advance(5 * MINUTE); // past the Retry-After
    fake.rateLimits('gpt-cost', {
      requestsRemaining: 50,
      requestsLimit: 50,
      tokensRemaining: 10000,
      tokensLimit: 10000,
      resetSeconds: 60,
    });
    fake.script('gpt-cost', { kind: 'answer', text: 'pong' });
    await probe(id);
    open = await listAlerts(t, { type: 'quota_low' });
    expect(open).toHaveLength(1);
    expect(open[0]?.resolved_at).not.toBeNull();
  });
});
