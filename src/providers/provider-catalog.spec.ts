import {
  catalogEntry,
  envPrefix,
  KNOWN_API_TYPES,
  PROVIDER_CATALOG,
  resolveProviderSettings,
} from './provider-catalog.js';

describe('provider catalog', () => {
  it('speaks anthropic and google in their own formats and OpenAI chat completions for every other type', () => {
    const formats = Object.fromEntries(KNOWN_API_TYPES.map((type) => [type, PROVIDER_CATALOG[type].wireFormat]));
    expect(formats).toEqual({
      openai: 'openai',
      anthropic: 'anthropic',
      google: 'google',
      groq: 'openai',
      mistral: 'openai',
      deepseek: 'openai',
      openrouter: 'openai',
      sambanova: 'openai',
      cerebras: 'openai',
      others: 'openai',
    });
  });

  it('has a default base URL and model for every type but others', () => {
    for (const type of KNOWN_API_TYPES.filter((t) => t !== 'others')) {
      expect(PROVIDER_CATALOG[type].defaultBaseUrl).toMatch(/^https:\/\/[^/]+/);
      expect(PROVIDER_CATALOG[type].defaultModel).toEqual(expect.any(String));
    }
    expect(PROVIDER_CATALOG.others.defaultBaseUrl).toBeNull();
    expect(PROVIDER_CATALOG.others.defaultModel).toBeNull();
  });

  it('treats an unknown api type like others, and names its variables after it', () => {
    expect(catalogEntry('together')).toBe(PROVIDER_CATALOG.others);
    expect(catalogEntry(' Groq ')).toBe(PROVIDER_CATALOG.groq);
    expect(envPrefix('fireworks-ai')).toBe('FIREWORKS_AI');
  });

  it('asks OpenAI for max_completion_tokens and keeps stream_options away from Mistral', () => {
    expect(catalogEntry('openai').chatCompletions).toEqual({
      maxTokensParam: 'max_completion_tokens',
      sendsStreamOptions: true,
    });
    expect(catalogEntry('mistral').chatCompletions).toEqual({
      maxTokensParam: 'max_tokens',
      sendsStreamOptions: false,
    });
    expect(catalogEntry('groq').chatCompletions).toEqual({ maxTokensParam: 'max_tokens', sendsStreamOptions: true });
  });
});

describe('resolveProviderSettings', () => {
  it('uses the documented defaults and is configured once the key is set', () => {
    expect(resolveProviderSettings('openai', { OPENAI_API_KEY: 'sk-test' })).toEqual({
      apiType: 'openai',
      wireFormat: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      apiKey: 'sk-test',
      configured: true,
      problems: [],
    });
    expect(resolveProviderSettings('deepseek', { DEEPSEEK_API_KEY: 'k' })).toMatchObject({
      baseUrl: 'https://api.deepseek.com/v1',
      model: 'deepseek-chat',
      configured: true,
    });
  });

  it('is not configured without a key, and says which variable to set without any value', () => {
    const settings = resolveProviderSettings('groq', {});
    expect(settings.configured).toBe(false);
    expect(settings.apiKey).toBeUndefined();
    expect(settings).not.toHaveProperty('apiKey');
    expect(settings.problems).toEqual(['GROQ_API_KEY is not set']);
    expect(settings.baseUrl).toBe('https://api.groq.com/openai/v1');
  });

  it('lets <TYPE>_BASE_URL and <TYPE>_MODEL replace the defaults, without a trailing slash', () => {
    const settings = resolveProviderSettings('anthropic', {
      ANTHROPIC_API_KEY: 'k',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:4010/',
      ANTHROPIC_MODEL: 'claude-test',
    });
    expect(settings).toMatchObject({
      wireFormat: 'anthropic',
      baseUrl: 'http://127.0.0.1:4010',
      model: 'claude-test',
      configured: true,
    });
  });

  it('prefers the per-model override to the environment', () => {
    const env = { MISTRAL_API_KEY: 'k', MISTRAL_MODEL: 'from-env', MISTRAL_BASE_URL: 'https://env.example/v1' };
    const settings = resolveProviderSettings('mistral', env, {
      baseUrl: 'https://override.example/v1',
      providerModel: 'from-model-row',
    });
    expect(settings).toMatchObject({ baseUrl: 'https://override.example/v1', model: 'from-model-row' });
  });

  it('ignores blank overrides and blank variables', () => {
    const settings = resolveProviderSettings(
      'cerebras',
      { CEREBRAS_API_KEY: '  ', CEREBRAS_MODEL: '' },
      { providerModel: ' ' },
    );
    expect(settings.model).toBe(PROVIDER_CATALOG.cerebras.defaultModel);
    expect(settings.configured).toBe(false);
    expect(settings.problems).toEqual(['CEREBRAS_API_KEY is not set']);
  });

  it('reads GOOGLE_API_KEY first and GEMINI_API_KEY as a fallback for google', () => {
    expect(resolveProviderSettings('google', { GEMINI_API_KEY: 'gem' })).toMatchObject({
      apiKey: 'gem',
      configured: true,
      model: 'gemini-2.5-flash',
    });
    expect(resolveProviderSettings('google', { GEMINI_API_KEY: 'gem', GOOGLE_API_KEY: 'goo' }).apiKey).toBe('goo');
    expect(resolveProviderSettings('google', {}).problems).toEqual(['GOOGLE_API_KEY or GEMINI_API_KEY is not set']);
    expect(resolveProviderSettings('google', {}).baseUrl).toBe('https://generativelanguage.googleapis.com');
  });

  it('needs a base URL and a model for others, but no key', () => {
    expect(resolveProviderSettings('others', {})).toMatchObject({
      configured: false,
      baseUrl: null,
      model: null,
      problems: ['OTHERS_BASE_URL is not set', 'OTHERS_MODEL is not set'],
    });
    const local = resolveProviderSettings('others', {
      OTHERS_BASE_URL: 'http://localhost:11434/v1',
      OTHERS_MODEL: 'llama3',
    });
    expect(local).toMatchObject({
      wireFormat: 'openai',
      configured: true,
      baseUrl: 'http://localhost:11434/v1',
      model: 'llama3',
    });
    expect(local).not.toHaveProperty('apiKey');
  });

  it('normalizes the api type and reads variables named after an unknown one', () => {
    const settings = resolveProviderSettings(' Together ', {
      TOGETHER_BASE_URL: 'https://api.together.xyz/v1',
      TOGETHER_MODEL: 'm',
      TOGETHER_API_KEY: 'k',
    });
    expect(settings).toMatchObject({ apiType: 'together', wireFormat: 'openai', configured: true, apiKey: 'k' });
  });

  it('rejects a base URL that is not http(s), without echoing it', () => {
    const settings = resolveProviderSettings('openai', {
      OPENAI_API_KEY: 'k',
      OPENAI_BASE_URL: 'ftp://secret-token@files.example',
    });
    expect(settings.configured).toBe(false);
    expect(settings.baseUrl).toBeNull();
    expect(settings.problems).toEqual(['OPENAI_BASE_URL is not an http(s) URL']);
    expect(resolveProviderSettings('openai', { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'not a url' }).configured).toBe(
      false,
    );
  });
});
