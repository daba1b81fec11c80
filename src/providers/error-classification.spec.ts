import {
  classifyError,
  classifyHttpStatus,
  parseRetryAfterMs,
  ProviderHttpError,
  type FailureContext,
} from './error-classification.js';

const NOW = Date.parse('2026-02-01T08:00:00.000Z');
const context: FailureContext = { host: 'api.example.com', timedOut: false, timeoutMs: 5000, nowMs: NOW };

/** An SDK-shaped HTTP error: status and response headers, as openai and @anthropic-ai/sdk throw. */
function sdkHttpError(
  status: number,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Error {
  return Object.assign(new Error(`${status} {"error":{"message":"Incorrect API key provided: sk-secret"}}`), {
    name: 'APIError',
    status,
    headers: new Headers(headers),
    ...extra,
  });
}

/** What undici's fetch throws when nothing listens: TypeError('fetch failed') with the code in its cause. */
function fetchFailed(code: string): Error {
  return Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code }),
  });
}

describe('classifyHttpStatus', () => {
  it.each([
    [429, 'rate_limited'],
    [401, 'auth'],
    [403, 'auth'],
    [500, 'server_error'],
    [502, 'server_error'],
    [529, 'server_error'],
    [400, 'bad_response'],
    [404, 'bad_response'],
    [422, 'bad_response'],
  ])('HTTP %i is %s', (status, kind) => {
    expect(classifyHttpStatus(status)).toBe(kind);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfterMs('2', NOW)).toBe(2000);
    expect(parseRetryAfterMs(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfterMs('1.5', NOW)).toBe(1500);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfterMs('Sun, 01 Feb 2026 08:00:30 GMT', NOW)).toBe(30_000);
  });

  it('gives 0 for an HTTP date already past', () => {
    expect(parseRetryAfterMs('Sun, 01 Feb 2026 07:59:00 GMT', NOW)).toBe(0);
  });

  it('gives undefined for a missing or unusable value', () => {
    expect(parseRetryAfterMs(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfterMs(null, NOW)).toBeUndefined();
    expect(parseRetryAfterMs('', NOW)).toBeUndefined();
    expect(parseRetryAfterMs('-5', NOW)).toBeUndefined();
    expect(parseRetryAfterMs('soon', NOW)).toBeUndefined();
  });
});

describe('classifyError', () => {
  it('is a timeout when our own signal fired, whatever the SDK threw', () => {
    const aborted = Object.assign(new Error('Request was aborted.'), { name: 'APIUserAbortError' });
    expect(classifyError(aborted, { ...context, timedOut: true })).toEqual({
      errorKind: 'timeout',
      message: 'no answer from api.example.com within 5000 ms',
    });
    expect(classifyError(undefined, { ...context, timedOut: true }).errorKind).toBe('timeout');
  });

  it('is rate_limited on a 429 and carries Retry-After in ms', () => {
    expect(classifyError(sdkHttpError(429, { 'retry-after': '7' }), context)).toEqual({
      errorKind: 'rate_limited',
      message: 'HTTP 429 from api.example.com',
      retryAfterMs: 7000,
    });
  });

  it('reads Retry-After as an HTTP date, and retry-after-ms first when both are sent', () => {
    expect(
      classifyError(sdkHttpError(429, { 'retry-after': 'Sun, 01 Feb 2026 08:01:00 GMT' }), context).retryAfterMs,
    ).toBe(60_000);
    expect(
      classifyError(sdkHttpError(429, { 'retry-after': '2', 'retry-after-ms': '350' }), context).retryAfterMs,
    ).toBe(350);
  });

  it('leaves retryAfterMs out of a 429 without the header', () => {
    expect(classifyError(sdkHttpError(429), context)).not.toHaveProperty('retryAfterMs');
  });

  it('reads headers given as a plain record too', () => {
    const error = { status: 429, headers: { 'retry-after': '3' } };
    expect(classifyError(error, context)).toMatchObject({ errorKind: 'rate_limited', retryAfterMs: 3000 });
  });

  it('is auth on 401 and 403, server_error on 5xx, bad_response on other 4xx', () => {
    expect(classifyError(sdkHttpError(401), context)).toEqual({
      errorKind: 'auth',
      message: 'HTTP 401 from api.example.com',
    });
    expect(classifyError(sdkHttpError(403), context).errorKind).toBe('auth');
    expect(classifyError(sdkHttpError(503, { 'retry-after': '10' }), context)).toEqual({
      errorKind: 'server_error',
      message: 'HTTP 503 from api.example.com',
      retryAfterMs: 10_000,
    });
    expect(classifyError(sdkHttpError(404), context)).toEqual({
      errorKind: 'bad_response',
      message: 'HTTP 404 from api.example.com',
    });
  });

  it("treats Gemini's 400 API_KEY_INVALID as auth", () => {
    expect(classifyError(new ProviderHttpError(400, undefined, 'API_KEY_INVALID'), context).errorKind).toBe('auth');
    expect(classifyError(new ProviderHttpError(400, undefined), context).errorKind).toBe('bad_response');
  });

  it('classifies an error event inside a 200 stream by its type', () => {
    const overloaded = {
      name: 'APIError',
      status: undefined,
      error: { type: 'error', error: { type: 'overloaded_error' } },
    };
    expect(classifyError(overloaded, context)).toEqual({
      errorKind: 'server_error',
      message: 'api.example.com reported a server error',
    });
    expect(classifyError({ type: 'rate_limit_error' }, context)).toEqual({
      errorKind: 'rate_limited',
      message: 'rate limited by api.example.com',
    });
    expect(classifyError({ error: { type: 'authentication_error' } }, context).errorKind).toBe('auth');
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'UND_ERR_SOCKET'])(
    'is network on %s, naming the code',
    (code) => {
      expect(classifyError(fetchFailed(code), context)).toEqual({
        errorKind: 'network',
        message: `cannot reach api.example.com (${code})`,
      });
    },
  );

  it('finds the code inside an SDK connection error and an AggregateError', () => {
    const sdk = Object.assign(new Error('Connection error.'), {
      name: 'APIConnectionError',
      cause: fetchFailed('ECONNREFUSED'),
    });
    expect(classifyError(sdk, context).message).toBe('cannot reach api.example.com (ECONNREFUSED)');
    const both = Object.assign(new TypeError('fetch failed'), {
      cause: new AggregateError([
        Object.assign(new Error('a'), { code: 'ECONNREFUSED' }),
        Object.assign(new Error('b'), { code: 'ECONNREFUSED' }),
      ]),
    });
    expect(classifyError(both, context).errorKind).toBe('network');
  });

  it('is network for a connection error without a code', () => {
    expect(
      classifyError(Object.assign(new Error('Connection error.'), { name: 'APIConnectionError' }), context),
    ).toEqual({
      errorKind: 'network',
      message: 'cannot reach api.example.com',
    });
    expect(classifyError(new TypeError('terminated'), context).errorKind).toBe('network');
  });

  it('is a timeout when the SDK timed out on its own', () => {
    expect(
      classifyError(Object.assign(new Error('Request timed out.'), { name: 'APIConnectionTimeoutError' }), context)
        .errorKind,
    ).toBe('timeout');
  });

  it('is bad_response for unparseable JSON and for anything unrecognised', () => {
    let syntaxError: unknown;
    try {
      JSON.parse('{"broken');
    } catch (error) {
      syntaxError = error;
    }
    expect(classifyError(syntaxError, context)).toEqual({
      errorKind: 'bad_response',
      message: 'malformed response from api.example.com',
    });
    expect(classifyError(new Error('something odd'), context)).toEqual({
      errorKind: 'bad_response',
      message: 'unexpected response from api.example.com',
    });
    expect(classifyError('a string', context).errorKind).toBe('bad_response');
  });

  it("never copies the SDK's message, which may echo the key", () => {
    const result = classifyError(sdkHttpError(401), context);
    expect(JSON.stringify(result)).not.toContain('sk-secret');
  });

  it('does not loop on a cyclic cause chain', () => {
    const a: Record<string, unknown> = { name: 'Error' };
    const b: Record<string, unknown> = { name: 'Error', cause: a };
    a['cause'] = b;
    expect(classifyError(a, context).errorKind).toBe('bad_response');
  });
});
