// The three wire-format adapters against a real HTTP server on loopback (no database needed).
import { envPrefix, resolveProviderSettings, type ProviderSettings } from '../../src/providers/provider-catalog.js';
import { ProviderClient } from '../../src/providers/provider-client.js';
import type { CallResult, ChatRequest } from '../../src/providers/provider.types.js';
import {
  refusedUrl,
  startFakeProvider,
  type FakeProvider,
  type RecordedRequest,
} from '../fake-provider/fake-provider.server.js';
import { GEMINI_INVALID_KEY_BODY } from '../fake-provider/fake-provider.wire.js';
import { unique } from '../factories/keys.js';

// A key no response, message or URL could contain by accident.
const KEY = unique('sk-e2e');
const REQUEST: ChatRequest = { system: 'Answer briefly.', prompt: 'Say hello.', maxTokens: 64 };

const FORMATS = [
  { apiType: 'openai', model: 'gpt-fake', keyHeader: 'authorization', keyValue: `Bearer ${KEY}` },
  // @anthropic-ai/sdk 1.x sends the key as a bearer token (the API also takes x-api-key).
  { apiType: 'anthropic', model: 'claude-fake', keyHeader: 'authorization', keyValue: `Bearer ${KEY}` },
  { apiType: 'google', model: 'gemini-fake', keyHeader: 'x-goog-api-key', keyValue: KEY },
] as const;

let fake: FakeProvider;
const client = new ProviderClient();

beforeAll(async () => {
  fake = await startFakeProvider({ apiKey: KEY });
});
afterEach(() => fake.reset());
afterAll(async () => {
  await fake.close();
});

function settingsFor(apiType: string, model: string, env: Record<string, string> = {}): ProviderSettings {
  return resolveProviderSettings(apiType, {
    ...fake.envFor([apiType]),
    [`${envPrefix(apiType)}_MODEL`]: model,
    ...env,
  });
}

/** Every call goes through here, so every test also checks that the key never comes back. */
async function call(settings: ProviderSettings, timeoutMs = 5000, request: ChatRequest = REQUEST): Promise<CallResult> {
  const result = await client.call(settings, request, { timeoutMs });
  expect(JSON.stringify(result)).not.toContain(KEY);
  return result;
}

/**
 * Makes another call (to another model) and then says which calls to `model` the fake saw given up. A
 * connection closed at the deadline has been seen closed by then; one left to the SDK's own, later
 * timeout has not.
 */
async function abandonedBeforeNextCall(model: string): Promise<boolean[]> {
  const next = await call(settingsFor('openai', 'marker-model'));
  expect(next.ok).toBe(true);
  return fake.requests.filter((r) => r.model === model).map((r) => r.abandoned);
}

function failureOf(result: CallResult) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result;
}

describe.each(FORMATS)('$apiType wire format', ({ apiType, model, keyHeader, keyValue }) => {
  const settings = () => settingsFor(apiType, model);

  it('streams an answer and measures ttft, latency, output tokens and tokens per second', async () => {
    fake.script(model, {
      kind: 'answer',
      text: 'The quick brown fox jumps.',
      outputTokens: 42,
      delayMs: 60,
      chunkDelayMs: 25,
    });
    const result = await call(settings());
    if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
    expect(result.text).toBe('The quick brown fox jumps.');
    expect(result.outputTokens).toBe(42);
    expect(result.ttftMs).toBeGreaterThanOrEqual(50);
    // four more words, 25 ms apart, after the first one
    expect(result.latencyMs).toBeGreaterThanOrEqual((result.ttftMs ?? 0) + 80);
    expect(result.tokensPerSecond).toBeCloseTo(42 / (result.latencyMs / 1000), 1);
    expect(fake.requests).toHaveLength(1);
  });

  it('reads the input tokens and the rate-limit headers of a streamed answer and of a 429', async () => {
    const limits = {
      requestsRemaining: 7,
      requestsLimit: 60,
      tokensRemaining: 900,
      tokensLimit: 1000,
      resetSeconds: 30,
    };
    fake.rateLimits(model, limits);
    fake.script(model, [
      { kind: 'answer', text: 'Hello there.', inputTokens: 321, outputTokens: 5 },
      { kind: 'rate_limited', retryAfter: '2' },
    ]);
    const answered = await call(settings());
    if (!answered.ok) throw new Error(`expected success, got ${JSON.stringify(answered)}`);
    expect([answered.inputTokens, answered.outputTokens]).toEqual([321, 5]);
    const refused = failureOf(await call(settings()));
    if (apiType === 'google') {
      // The Gemini API sends no rate-limit headers, and the fake does as it does.
      expect(answered.quota).toBeUndefined();
      expect(refused.quota).toBeUndefined();
      return;
    }
    const expected = { requestsRemaining: 7, requestsLimit: 60, tokensRemaining: 900, tokensLimit: 1000 };
    expect(answered.quota).toMatchObject(expected);
    expect(refused.quota).toMatchObject(expected);
    const reset = answered.quota?.requestsResetAt?.getTime() ?? 0;
    expect(Math.abs(reset - (Date.now() + 30_000))).toBeLessThan(5_000);
  });

  it(`sends the key in ${keyHeader} and nowhere else`, async () => {
    await call(settings());
    const [request] = fake.requests as RecordedRequest[];
    expect(request?.method).toBe('POST');
    expect(request?.headers[keyHeader]).toBe(keyValue);
    expect(request?.url).not.toContain(KEY);
    expect(request?.url).not.toContain('key=');
    expect(JSON.stringify(request?.body)).not.toContain(KEY);
  });

  it('is rate_limited on a 429 with Retry-After in ms, and does not retry', async () => {
    fake.script(model, { kind: 'rate_limited', retryAfter: '3' });
    const failure = failureOf(await call(settings()));
    expect(failure).toMatchObject({
      errorKind: 'rate_limited',
      retryAfterMs: 3000,
      message: `HTTP 429 from ${new URL(fake.url).host}`,
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('is server_error on a 500, and does not retry', async () => {
    fake.script(model, { kind: 'server_error' });
    expect(failureOf(await call(settings()))).toMatchObject({
      errorKind: 'server_error',
      message: `HTTP 500 from ${new URL(fake.url).host}`,
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('is bad_response on a malformed stream', async () => {
    fake.script(model, { kind: 'malformed' });
    expect(failureOf(await call(settings()))).toMatchObject({
      errorKind: 'bad_response',
      message: `malformed response from ${new URL(fake.url).host}`,
    });
  });

  it('is bad_response on an empty answer', async () => {
    fake.script(model, { kind: 'empty' });
    expect(failureOf(await call(settings()))).toMatchObject({
      errorKind: 'bad_response',
      message: `empty answer from ${new URL(fake.url).host}`,
    });
  });

  it('times out a call that never answers, and gives its request up at the deadline', async () => {
    fake.script(model, { kind: 'hang' });
    const failure = failureOf(await call(settings(), 300));
    expect(failure).toMatchObject({
      errorKind: 'timeout',
      message: `no answer from ${new URL(fake.url).host} within 300 ms`,
    });
    expect(failure.latencyMs).toBeGreaterThanOrEqual(290);
    expect(await abandonedBeforeNextCall(model)).toEqual([true]);
  });

  it('times out a stream that stalls after its first word, instead of returning a partial answer', async () => {
    fake.script(model, { kind: 'stall', text: 'Partial answer' });
    expect(failureOf(await call(settings(), 300)).errorKind).toBe('timeout');
    expect(await abandonedBeforeNextCall(model)).toEqual([true]);
  });

  it('is auth when the provider rejects the key, without echoing the key', async () => {
    const wrongKey = unique('wrong');
    const result = await call(settingsFor(apiType, model, { [`${envPrefix(apiType)}_API_KEY`]: wrongKey }));
    expect(failureOf(result)).toMatchObject({ errorKind: 'auth', message: `HTTP 401 from ${new URL(fake.url).host}` });
    expect(JSON.stringify(result)).not.toContain(wrongKey);
  });

  it('is network when nothing listens at the base URL', async () => {
    const base = apiType === 'openai' ? `${await refusedUrl()}/v1` : await refusedUrl();
    const failure = failureOf(await call(settingsFor(apiType, model, { [`${envPrefix(apiType)}_BASE_URL`]: base })));
    expect(failure.errorKind).toBe('network');
    expect(failure.message).toMatch(/^cannot reach 127\.0\.0\.1:\d+/);
  });

  it('answers each call as scripted, in order', async () => {
    fake.script(model, [
      { kind: 'server_error', status: 503 },
      { kind: 'answer', text: 'Recovered.' },
    ]);
    expect(failureOf(await call(settings())).errorKind).toBe('server_error');
    expect(await call(settings())).toMatchObject({ ok: true, text: 'Recovered.' });
  });
});

describe('OpenAI-compatible request shape', () => {
  it('sends system and user messages, max_completion_tokens and include_usage to openai', async () => {
    await call(settingsFor('openai', 'gpt-fake'));
    expect(fake.requests[0]).toMatchObject({ path: '/v1/chat/completions' });
    expect(fake.requests[0]?.body).toEqual({
      model: 'gpt-fake',
      messages: [
        { role: 'system', content: 'Answer briefly.' },
        { role: 'user', content: 'Say hello.' },
      ],
      stream: true,
      max_completion_tokens: 64,
      stream_options: { include_usage: true },
    });
  });

  it('sends max_tokens and no stream_options to mistral, and has no token count when no usage comes', async () => {
    fake.script('mistral-fake', { kind: 'answer', text: 'Bonjour.' });
    const result = await call(settingsFor('mistral', 'mistral-fake'), 5000, { prompt: 'Hi', maxTokens: 16 });
    expect(fake.requests[0]?.body).toEqual({
      model: 'mistral-fake',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      max_tokens: 16,
    });
    expect(result).toMatchObject({ ok: true, text: 'Bonjour.', outputTokens: null, tokensPerSecond: null });
  });

  it('sends no Authorization header to a keyless `others` server', async () => {
    const open = await startFakeProvider({ apiKey: null });
    try {
      const settings = resolveProviderSettings('others', {
        OTHERS_BASE_URL: open.baseUrlFor('openai'),
        OTHERS_MODEL: 'local-model',
      });
      expect(await client.call(settings, REQUEST, { timeoutMs: 5000 })).toMatchObject({ ok: true });
      expect(open.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      await open.close();
    }
  });
});

describe('Anthropic request shape', () => {
  it('posts to /v1/messages with the system prompt, max_tokens and an API version', async () => {
    await call(settingsFor('anthropic', 'claude-fake'));
    const [request] = fake.requests;
    expect(request?.path).toBe('/v1/messages');
    expect(request?.headers['anthropic-version']).toEqual(expect.any(String));
    expect(request?.body).toEqual({
      model: 'claude-fake',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'Say hello.' }],
      system: 'Answer briefly.',
      stream: true,
    });
  });
});

describe('Gemini request shape', () => {
  it('streams from :streamGenerateContent?alt=sse with the system instruction and maxOutputTokens', async () => {
    await call(settingsFor('google', 'gemini-fake'));
    const [request] = fake.requests;
    expect(request?.path).toBe('/v1beta/models/gemini-fake:streamGenerateContent');
    expect(request?.url).toBe('/v1beta/models/gemini-fake:streamGenerateContent?alt=sse');
    expect(request?.body).toMatchObject({
      contents: [{ role: 'user', parts: [{ text: 'Say hello.' }] }],
      systemInstruction: { parts: [{ text: 'Answer briefly.' }] },
      generationConfig: { maxOutputTokens: 64 },
    });
    expect(JSON.stringify(request?.body)).not.toContain('automaticContinuation');
  });

  it("is auth on Gemini's own answer to a bad key (400 API_KEY_INVALID)", async () => {
    fake.script('gemini-fake', { kind: 'http_error', status: 400, body: GEMINI_INVALID_KEY_BODY });
    expect(failureOf(await call(settingsFor('google', 'gemini-fake')))).toMatchObject({
      errorKind: 'auth',
      message: `HTTP 400 from ${new URL(fake.url).host}`,
    });
  });

  it('is bad_response on another 400', async () => {
    fake.script('gemini-fake', { kind: 'server_error', status: 400 });
    expect(failureOf(await call(settingsFor('google', 'gemini-fake'))).errorKind).toBe('bad_response');
  });
});

describe('ProviderClient', () => {
  it('sends nothing for settings that are not configured', async () => {
    const result = await call(resolveProviderSettings('groq', { GROQ_BASE_URL: fake.baseUrlFor('openai') }));
    expect(result).toEqual({
      ok: false,
      errorKind: 'not_configured',
      message: 'groq is not configured: GROQ_API_KEY is not set',
      latencyMs: 0,
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const at = new Date(Date.now() + 60_000).toUTCString();
    fake.script('gpt-fake', { kind: 'rate_limited', retryAfter: at });
    const failure = failureOf(await call(settingsFor('openai', 'gpt-fake')));
    expect(failure.retryAfterMs).toBeGreaterThan(55_000);
    expect(failure.retryAfterMs).toBeLessThanOrEqual(60_000);
  });
});

describe('Gemini RetryInfo', () => {
  it("reads a 429's retryDelay from its body as the time to wait (Gemini sends no Retry-After)", async () => {
    fake.script('gemini-retry', {
      kind: 'http_error',
      status: 429,
      body: {
        error: {
          code: 429,
          message: 'Resource has been exhausted (e.g. check quota).',
          status: 'RESOURCE_EXHAUSTED',
          details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' }],
        },
      },
    });
    const refused = failureOf(await call(settingsFor('google', 'gemini-retry')));
    expect(refused).toMatchObject({ errorKind: 'rate_limited', retryAfterMs: 7000 });
  });
});

describe('the fake provider without streaming', () => {
  const limits = { requestsRemaining: 3, requestsLimit: 10, tokensRemaining: 500, tokensLimit: 1000, resetSeconds: 75 };
  const post = (path: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${fake.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('sends usage and its rate-limit headers in each wire format', async () => {
    for (const model of ['gpt-plain', 'claude-plain', 'gemini-plain']) {
      fake.rateLimits(model, limits);
      fake.script(model, { kind: 'answer', text: 'two words', inputTokens: 40, outputTokens: 2 });
    }
    const openAi = await post(
      '/v1/chat/completions',
      { model: 'gpt-plain', messages: [], stream: false },
      { authorization: `Bearer ${KEY}` },
    );
    expect(openAi.headers.get('x-ratelimit-remaining-requests')).toBe('3');
    expect(openAi.headers.get('x-ratelimit-reset-tokens')).toBe('1m15s');
    expect(((await openAi.json()) as { usage: unknown }).usage).toEqual({
      prompt_tokens: 40,
      completion_tokens: 2,
      total_tokens: 42,
    });

    const anthropic = await post('/v1/messages', { model: 'claude-plain', messages: [] }, { 'x-api-key': KEY });
    expect(anthropic.headers.get('anthropic-ratelimit-tokens-remaining')).toBe('500');
    expect(Date.parse(anthropic.headers.get('anthropic-ratelimit-requests-reset') ?? '')).toBeGreaterThan(Date.now());
    expect(((await anthropic.json()) as { usage: unknown }).usage).toEqual({ input_tokens: 40, output_tokens: 2 });

    const gemini = await post('/v1beta/models/gemini-plain:generateContent', {}, { 'x-goog-api-key': KEY });
    expect([...gemini.headers.keys()].filter((name) => name.includes('ratelimit'))).toEqual([]);
    expect(((await gemini.json()) as { usageMetadata: unknown }).usageMetadata).toEqual({
      promptTokenCount: 40,
      candidatesTokenCount: 2,
      totalTokenCount: 42,
    });
  });
});
