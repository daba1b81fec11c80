// Which models are probed and how: live through each wire format with <TYPE>_* settings and per-model
// overrides, simulated without a key, off without a key and without the simulator; and GET /api/providers.
import request from 'supertest';
import { newAdminKey, newProviderKey } from '../factories/keys.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/fake-provider.server.js';
import { metricRows, modelId } from '../setup/rows.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { ProbeService } from '../../src/probing/probe.service.js';
import { KNOWN_API_TYPES } from '../../src/providers/provider-catalog.js';
import { createModel, probeNow } from './probing.helpers.js';

const PROVIDER_KEY = newProviderKey();
const ADMIN = newAdminKey();

let fake: FakeProvider;
let other: FakeProvider;

beforeAll(async () => {
  fake = await startFakeProvider({ apiKey: PROVIDER_KEY, defaultText: 'pong' });
  other = await startFakeProvider({ apiKey: PROVIDER_KEY, defaultText: 'pong' });
});
afterAll(async () => {
  await fake.close();
  await other.close();
});

const probeModes = async (t: TestApp): Promise<Record<string, string>> => {
  const res = await request(t.server).get('/api/models').expect(200);
  return Object.fromEntries(
    (res.body.models as { name: string; probe_mode: string }[]).map((m) => [m.name, m.probe_mode]),
  );
};

describe('keys for openai, anthropic and google, simulator on', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        ...fake.envFor(['openai', 'anthropic', 'google']),
        OPENAI_MODEL: 'gpt-env-model',
        SIMULATE_PROVIDERS: 'true',
        ADMIN_API_KEY: ADMIN,
        PROVIDER_ALLOWED_HOSTS: new URL(other.url).host,
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => {
    fake.reset();
    other.reset();
  });

  it('is live for configured api types, simulated for the others, off when disabled', async () => {
    const disabled = await createModel(t, ADMIN, { name: 'Disabled', api_type: 'openai', enabled: false });
    expect(disabled).toMatchObject({ probe_mode: 'off', enabled: false, status: 'unknown' });
    expect(await probeModes(t)).toEqual({
      Gemini: 'live',
      Groq: 'simulated',
      Anthropic: 'live',
      Mistral: 'simulated',
      DeepSeek: 'simulated',
      OpenRouter: 'simulated',
      OpenAI: 'live',
      SambaNova: 'simulated',
      Cerebras: 'simulated',
      Others: 'simulated',
      Disabled: 'off',
    });
  });

  it('a round calls each live model once in its wire format, with the <TYPE>_MODEL or default model id', async () => {
    const summary = await t.app.get(ProbeService).probeAll();
    expect(summary).toEqual({ probed: 10, skipped: 0 }); // disabled models are not even candidates

    const calls = fake.requests.map((r) => `${r.wireFormat} ${r.path} ${r.model}`).sort();
    expect(calls).toEqual([
      'anthropic /v1/messages claude-haiku-5-5',
      'google /v1beta/models/gemini-2.5-flash:streamGenerateContent gemini-2.5-flash',
      'openai /v1/chat/completions gpt-env-model',
    ]);
    expect(fake.requests.find((r) => r.wireFormat === 'openai')?.headers.authorization).toBe(`Bearer ${PROVIDER_KEY}`);

    for (const name of ['OpenAI', 'Anthropic', 'Gemini']) {
      const rows = await metricRows(t.dataSource, await modelId(t.dataSource, name));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        kind: 'probe',
        success: true,
        errorKind: null,
        score: 10,
        outputTokens: 1,
        caseId: null,
      });
      expect(rows[0].ttftMs).toEqual(expect.any(Number));
      expect(rows[0].ttftMs!).toBeLessThanOrEqual(rows[0].responseTime);
      expect(rows[0].tokensPerSecond).toBeGreaterThan(0);
    }
    const model = (
      await request(t.server)
        .get(`/api/models/${await modelId(t.dataSource, 'OpenAI')}`)
        .expect(200)
    ).body;
    expect(model).toMatchObject({ status: 'healthy', last_error_kind: null, uptime_percent: 100, probe_mode: 'live' });
    expect(model.last_probe_at).toEqual(expect.any(String));
  });

  it('simulated models get rows of kind simulated and no provider call; disabled ones get nothing', async () => {
    await t.app.get(ProbeService).probeAll();
    expect(fake.requests.map((r) => r.model)).not.toContain('openai/gpt-oss-120b');
    for (const name of ['Groq', 'Mistral', 'Others']) {
      const rows = await metricRows(t.dataSource, await modelId(t.dataSource, name));
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect(rows.every((row) => row.kind === 'simulated')).toBe(true);
    }
    expect(await metricRows(t.dataSource, await modelId(t.dataSource, 'Disabled'))).toEqual([]);
  });

  it("a model's provider_model and base_url override the api_type's, with the api_type's key", async () => {
    const custom = await createModel(t, ADMIN, {
      name: 'Custom endpoint',
      api_type: 'openai',
      provider_model: 'gpt-custom',
      base_url: other.baseUrlFor('openai'),
    });
    const onlyModel = await createModel(t, ADMIN, {
      name: 'Custom model id',
      api_type: 'openai',
      provider_model: 'gpt-only-id',
    });
    await probeNow(t, ADMIN, custom.id).expect(200);
    await probeNow(t, ADMIN, onlyModel.id).expect(200);

    expect(other.requests.map((r) => [r.path, r.model, r.headers.authorization])).toEqual([
      ['/v1/chat/completions', 'gpt-custom', `Bearer ${PROVIDER_KEY}`],
    ]);
    expect(fake.requests.map((r) => r.model)).toEqual(['gpt-only-id']);
    expect((await metricRows(t.dataSource, custom.id)).map((r) => [r.kind, r.success])).toEqual([['probe', true]]);
  });
});

describe('a key for openai only, simulator off', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { ...fake.envFor(['openai']), SIMULATE_PROVIDERS: 'false', ADMIN_API_KEY: ADMIN } });
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => fake.reset());

  it('models without a key are off: not probed and no metric rows, and probing them by hand is a 422', async () => {
    const modes = await probeModes(t);
    expect(Object.entries(modes).filter(([, mode]) => mode !== 'off')).toEqual([['OpenAI', 'live']]);

    expect(await t.app.get(ProbeService).probeAll()).toEqual({ probed: 1, skipped: 9 });
    expect(await t.app.get(ProbeService).probeAll()).toEqual({ probed: 1, skipped: 9 });
    expect(fake.requests.map((r) => r.model)).toEqual(['gpt-4o-mini', 'gpt-4o-mini']);

    const groq = await modelId(t.dataSource, 'Groq');
    const probe = await probeNow(t, ADMIN, groq).expect(422);
    expect(probe.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'Model "Groq" cannot be probed: GROQ_API_KEY is not set',
      request_id: expect.any(String),
    });
    await request(t.server).post(`/api/models/${groq}/evaluate`).set('X-API-Key', ADMIN).expect(422);

    for (const [name, mode] of Object.entries(modes)) {
      const rows = await metricRows(t.dataSource, await modelId(t.dataSource, name));
      expect([name, rows.length]).toEqual([name, mode === 'off' ? 0 : 2]);
    }
    const groqRow = (await request(t.server).get(`/api/models/${groq}`).expect(200)).body;
    expect(groqRow).toMatchObject({
      probe_mode: 'off',
      last_probe_at: null,
      uptime: { last_24h: null, last_7d: null, last_30d: null },
    });
  });

  it('GET /api/providers tells per api_type what is configured, never the key', async () => {
    fake.script('gpt-4o-mini', { kind: 'server_error' });
    await t.app.get(ProbeService).probeAll();

    const res = await request(t.server).get('/api/providers').expect(200);
    expect(JSON.stringify(res.body)).not.toContain(PROVIDER_KEY);
    const byType = Object.fromEntries((res.body.providers as { api_type: string }[]).map((p) => [p.api_type, p]));
    expect(Object.keys(byType)).toEqual(KNOWN_API_TYPES);
    expect(byType['openai']).toEqual({
      api_type: 'openai',
      wire_format: 'openai',
      configured: true,
      base_url_host: new URL(fake.url).host,
      model: 'gpt-4o-mini',
      problems: [],
      last_error_kind: 'server_error',
      last_error_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(byType['groq']).toEqual({
      api_type: 'groq',
      wire_format: 'openai',
      configured: false,
      base_url_host: 'api.groq.com',
      model: 'openai/gpt-oss-120b',
      problems: ['GROQ_API_KEY is not set'],
      last_error_kind: null,
      last_error_at: null,
    });
    expect(byType['google']).toMatchObject({
      wire_format: 'google',
      configured: false,
      problems: ['GOOGLE_API_KEY or GEMINI_API_KEY is not set'],
    });
    expect(byType['others']).toMatchObject({
      configured: false,
      base_url_host: null,
      model: null,
      problems: ['OTHERS_BASE_URL is not set', 'OTHERS_MODEL is not set'],
    });
  });
});
