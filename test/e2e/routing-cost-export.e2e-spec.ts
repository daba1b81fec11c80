// ROUTING_POLICY=cost_within on a constructed case (real DCRS runs against the fake provider, costs
// from PRICES_PATH), a model with an exhausted quota left out, and GET /api/routing/export in every
// format parsed back, with its ETag and 304.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { DcrsRunnerService } from '../../src/dcrs/dcrs-runner.service.js';
import { FAKE_MODELS, startEvaluationEnv, type EvaluationEnv } from '../setup/evaluation-env.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let evaluation: EvaluationEnv;
let t: TestApp;

function pricesFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'prices-routing-')), 'prices.json');
  // Per million tokens: OpenAI is dear, Anthropic middling, Groq cheap; Gemini has no price.
  const price = (model: string, perMillion: number) => ({
    model,
    input_per_million: perMillion,
    output_per_million: perMillion,
  });
  writeFileSync(path, JSON.stringify({ prices: [price('OpenAI', 100), price('Anthropic', 10), price('Groq', 1)] }));
  return path;
}

beforeAll(async () => {
  evaluation = await startEvaluationEnv();
  t = await startTestApp({
    env: {
      ...evaluation.env,
      PRICES_PATH: pricesFile(),
      ROUTING_POLICY: 'cost_within',
      // The suite scores 10 ("alpha beta"), 5 ("alpha") or 0: Groq's 5 is within 5 points of the best 10.
      ROUTING_COST_MARGIN: '5',
      ROUTING_MIN_UPTIME: '0',
    },
  });
});
afterAll(async () => {
  await t?.close();
  await evaluation?.close();
});

async function runDcrs(): Promise<void> {
  await request(t.server).post('/api/dcrs/run').expect(202);
  await t.app.get(DcrsRunnerService).idle();
}

const exported = (format: string) => request(t.server).get('/api/routing/export').query({ format });

describe('cost_within', () => {
  it('routes to the cheapest model within the margin of the best, naming the rule and the figures', async () => {
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'alpha beta' });
    evaluation.fake.script(FAKE_MODELS.Anthropic, { kind: 'answer', text: 'alpha beta' });
    evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'answer', text: 'alpha' });
    evaluation.fake.script(FAKE_MODELS.Gemini, { kind: 'answer', text: 'gamma' });
    await runDcrs();

    const routing = (await request(t.server).get('/api/routing').expect(200)).body;
    expect(routing).toMatchObject({ primary: 'Groq', policy: 'cost_within', rule: 'cost_within' });
    expect(routing.reason).toMatch(
      /^cost_within: Groq \(score 5, [\d.e-]+ per call\) is the cheapest of 3 model\(s\) within 5 points/,
    );
    expect([...routing.fallbacks].sort()).toEqual(['Anthropic', 'Gemini', 'OpenAI']);
    const compared = Object.fromEntries(
      (routing.compared as { model: string; cost_per_call: number | null; within_margin: boolean }[]).map((c) => [
        c.model,
        c,
      ]),
    );
    expect(compared['Gemini']).toMatchObject({ cost_per_call: null, within_margin: false });
    expect(compared['Groq']?.within_margin).toBe(true);
    // Same tokens per call, prices 1 : 10 : 100.
    const groq = compared['Groq']?.cost_per_call ?? 0;
    expect(groq).toBeGreaterThan(0);
    expect(compared['Anthropic']?.cost_per_call).toBeGreaterThan(groq);
    expect(compared['OpenAI']?.cost_per_call).toBeGreaterThan(compared['Anthropic']?.cost_per_call ?? 0);
  });

  it('leaves out a model whose quota is exhausted until its reset', async () => {
    evaluation.fake.rateLimits(FAKE_MODELS.Groq, {
      requestsRemaining: 0,
      requestsLimit: 100,
      tokensRemaining: 5000,
      tokensLimit: 10000,
      resetSeconds: 600,
    });
    await runDcrs();
    const routing = (await request(t.server).get('/api/routing').expect(200)).body;
    expect(routing).toMatchObject({ primary: 'Anthropic', rule: 'cost_within' });
    expect(routing.fallbacks).not.toContain('Groq');
    evaluation.fake.rateLimits(FAKE_MODELS.Groq, null);
  });
});

describe('GET /api/routing/export', () => {
  it('writes a LiteLLM config that parses back to model_list and router_settings.fallbacks', async () => {
    const routing = (await request(t.server).get('/api/routing').expect(200)).body;
    const res = await exported('litellm').expect(200);
    expect(res.headers['content-type']).toBe('application/yaml; charset=utf-8');
    expect(res.text).toContain(`# reason: ${routing.reason}`);
    const config = parse(res.text);
    expect(config.model_list.map((m: { model_name: string }) => m.model_name)).toEqual([
      routing.primary,
      ...routing.fallbacks,
    ]);
    expect(config.model_list[0]).toEqual({
      model_name: 'Anthropic',
      litellm_params: { model: `anthropic/${FAKE_MODELS.Anthropic}`, api_key: 'os.environ/ANTHROPIC_API_KEY' },
    });
    expect(config.router_settings).toEqual({ fallbacks: [{ Anthropic: routing.fallbacks }] });
  });

  it('writes OpenRouter, Portkey and plain JSON that parse back', async () => {
    const routing = (await request(t.server).get('/api/routing').expect(200)).body;
    const openRouter = JSON.parse((await exported('openrouter').expect(200)).text);
    expect(openRouter.config.provider).toEqual({
      order: expect.arrayContaining(['anthropic', 'openai', 'google-ai-studio']),
      allow_fallbacks: true,
    });
    expect(openRouter.config.provider.order[0]).toBe('anthropic');
    expect(openRouter.config.models[0]).toBe(`anthropic/${FAKE_MODELS.Anthropic}`);
    expect(openRouter.metadata).toMatchObject({ primary: 'Anthropic', reason: routing.reason, rule: 'cost_within' });

    const portkey = JSON.parse((await exported('portkey').expect(200)).text);
    expect(portkey.config.strategy).toEqual({ mode: 'fallback' });
    expect(portkey.config.targets[0]).toEqual({ override_params: { model: `@anthropic/${FAKE_MODELS.Anthropic}` } });
    expect(portkey.config.targets).toHaveLength(1 + routing.fallbacks.length);

    const plain = await exported('json').expect(200);
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(plain.text)).toMatchObject({
      primary: 'Anthropic',
      fallbacks: routing.fallbacks,
      policy: 'cost_within',
      reason: routing.reason,
    });
  });

  it('sends a strong ETag and a 304 to If-None-Match while nothing changed', async () => {
    const first = await exported('litellm').expect(200);
    const etag = first.headers['etag'];
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await exported('litellm').expect(200)).headers['etag']).toBe(etag);
    const notModified = await exported('litellm').set('If-None-Match', etag).expect(304);
    expect(notModified.text ?? '').toBe('');
    await exported('litellm').set('If-None-Match', `"other", W/${etag}`).expect(304);
    await exported('litellm').set('If-None-Match', '"stale"').expect(200);
    expect((await exported('json').expect(200)).headers['etag']).not.toBe(etag);
  });

  it('refuses an unknown or missing format, naming the ones that exist', async () => {
    const res = await exported('nginx').expect(400);
    expect(JSON.stringify(res.body.message)).toContain('format must be one of litellm, openrouter, portkey, json');
    await request(t.server).get('/api/routing/export').expect(400);
  });
});
