import { parse } from 'yaml';
import { exportRouting, type RoutingSnapshot } from './routing-export.js';

const SNAPSHOT: RoutingSnapshot = {
  primary: 'Gemini',
  fallbacks: ['Groq', 'Anthropic'],
  mode: 'auto',
  policy: 'quality',
  rule: 'quality',
  reason: 'Gemini (9.9) beats Groq (9.6) by at least 0.2',
  updatedAt: '2026-11-29T12:00:00.000Z',
  dcrsRunId: 7,
  models: [
    {
      name: 'Gemini',
      apiType: 'google',
      providerModel: 'gemini-2.5-flash',
      baseUrl: null,
      keyVariable: 'GOOGLE_API_KEY',
    },
    {
      name: 'Groq',
      apiType: 'groq',
      providerModel: 'llama-3.3-70b-versatile',
      baseUrl: null,
      keyVariable: 'GROQ_API_KEY',
    },
    {
      name: 'Anthropic',
      apiType: 'anthropic',
      providerModel: 'claude-haiku-4-5',
      baseUrl: 'https://proxy.example.com',
      keyVariable: 'ANTHROPIC_API_KEY',
    },
  ],
};

describe('exportRouting', () => {
  it('writes a LiteLLM config whose YAML has model_list and the fallbacks, with the reason as a comment', () => {
    const out = exportRouting(SNAPSHOT, 'litellm');
    expect(out.contentType).toBe('application/yaml; charset=utf-8');
    expect(out.body).toContain('# reason: Gemini (9.9) beats Groq (9.6) by at least 0.2');
    expect(parse(out.body)).toEqual({
      model_list: [
        {
          model_name: 'Gemini',
          litellm_params: { model: 'gemini/gemini-2.5-flash', api_key: 'os.environ/GOOGLE_API_KEY' },
        },
        {
          model_name: 'Groq',
          litellm_params: { model: 'groq/llama-3.3-70b-versatile', api_key: 'os.environ/GROQ_API_KEY' },
        },
        {
          model_name: 'Anthropic',
          litellm_params: {
            model: 'anthropic/claude-haiku-4-5',
            api_key: 'os.environ/ANTHROPIC_API_KEY',
            api_base: 'https://proxy.example.com',
          },
        },
      ],
      router_settings: { fallbacks: [{ Gemini: ['Groq', 'Anthropic'] }] },
    });
  });

  it('keeps a reason with line breaks inside its comment', () => {
    const body = exportRouting({ ...SNAPSHOT, reason: 'one\ntwo: three' }, 'litellm').body;
    expect(body).toContain('# reason: one two: three');
    expect(parse(body)).toHaveProperty('model_list');
  });

  it('writes OpenRouter model fallbacks and provider.order, naming models it cannot map', () => {
    const out = JSON.parse(exportRouting(SNAPSHOT, 'openrouter').body);
    expect(out.config).toEqual({
      models: ['google/gemini-2.5-flash', 'anthropic/claude-haiku-4-5'],
      provider: { order: ['google-ai-studio', 'groq', 'anthropic'], allow_fallbacks: true },
    });
    expect(out.metadata).toMatchObject({ primary: 'Gemini', reason: SNAPSHOT.reason, not_in_models: ['Groq'] });
  });

  it('writes a Portkey fallback config in routing order', () => {
    const out = JSON.parse(exportRouting(SNAPSHOT, 'portkey').body);
    expect(out.config).toEqual({
      strategy: { mode: 'fallback' },
      targets: [
        { override_params: { model: '@google/gemini-2.5-flash' } },
        { override_params: { model: '@groq/llama-3.3-70b-versatile' } },
        { override_params: { model: '@anthropic/claude-haiku-4-5' } },
      ],
    });
    expect(out.metadata).toMatchObject({ rule: 'quality', dcrs_run_id: 7 });
  });

  it('writes the plain decision as JSON', () => {
    const out = JSON.parse(exportRouting(SNAPSHOT, 'json').body);
    expect(out).toMatchObject({ primary: 'Gemini', fallbacks: ['Groq', 'Anthropic'], policy: 'quality' });
    expect(out.models[2]).toEqual({
      name: 'Anthropic',
      api_type: 'anthropic',
      provider_model: 'claude-haiku-4-5',
      base_url: 'https://proxy.example.com',
    });
  });

  it('exports an empty routing before any decision', () => {
    const empty = {
      ...SNAPSHOT,
      primary: null,
      fallbacks: [],
      models: [],
      rule: null,
      dcrsRunId: null,
      updatedAt: null,
    };
    expect(parse(exportRouting(empty, 'litellm').body)).toEqual({ model_list: [], router_settings: { fallbacks: [] } });
  });
});
