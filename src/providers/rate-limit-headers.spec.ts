import { parseResetDuration, readRateLimitHeaders } from './rate-limit-headers.js';

const NOW = new Date('2026-11-29T12:00:00.000Z');

describe('readRateLimitHeaders', () => {
  it('reads OpenAI-compatible headers, resets as durations from now', () => {
    const headers = new Headers({
      'x-ratelimit-limit-requests': '500',
      'x-ratelimit-remaining-requests': '499',
      'x-ratelimit-reset-requests': '120ms',
      'x-ratelimit-limit-tokens': '30000',
      'x-ratelimit-remaining-tokens': '29500',
      'x-ratelimit-reset-tokens': '6m0s',
    });
    expect(readRateLimitHeaders(headers, NOW)).toEqual({
      requestsRemaining: 499,
      requestsLimit: 500,
      tokensRemaining: 29500,
      tokensLimit: 30000,
      requestsResetAt: new Date('2026-11-29T12:00:00.120Z'),
      tokensResetAt: new Date('2026-11-29T12:06:00.000Z'),
    });
  });

  it('reads Anthropic headers, resets as RFC 3339 instants', () => {
    const headers = {
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-requests-reset': '2026-11-29T12:00:30Z',
      'anthropic-ratelimit-tokens-limit': '40000',
      'anthropic-ratelimit-tokens-remaining': '38000',
      'anthropic-ratelimit-tokens-reset': '2026-11-29T12:01:00Z',
    };
    expect(readRateLimitHeaders(headers, NOW)).toEqual({
      requestsRemaining: 0,
      requestsLimit: 50,
      tokensRemaining: 38000,
      tokensLimit: 40000,
      requestsResetAt: new Date('2026-11-29T12:00:30Z'),
      tokensResetAt: new Date('2026-11-29T12:01:00Z'),
    });
  });

  it('falls back to Anthropic input-token limits when the combined ones are absent', () => {
    const reading = readRateLimitHeaders(
      new Headers({
        'anthropic-ratelimit-input-tokens-limit': '10000',
        'anthropic-ratelimit-input-tokens-remaining': '900',
      }),
      NOW,
    );
    expect(reading).toMatchObject({ tokensLimit: 10000, tokensRemaining: 900, requestsLimit: null });
  });

  it('says null when a response has no rate-limit headers (Gemini)', () => {
    expect(readRateLimitHeaders(new Headers({ 'content-type': 'text/event-stream' }), NOW)).toBeNull();
    expect(readRateLimitHeaders(undefined, NOW)).toBeNull();
  });

  it('ignores values that are not counts or times', () => {
    const reading = readRateLimitHeaders(
      new Headers({
        'x-ratelimit-remaining-requests': 'lots',
        'x-ratelimit-limit-requests': '10',
        'x-ratelimit-reset-requests': 'soon',
      }),
      NOW,
    );
    expect(reading).toEqual({
      requestsRemaining: null,
      requestsLimit: 10,
      tokensRemaining: null,
      tokensLimit: null,
      requestsResetAt: null,
      tokensResetAt: null,
    });
  });
});

describe('parseResetDuration', () => {
  it.each([
    ['6m0s', 360_000],
    ['1.2s', 1200],
    ['120ms', 120],
    ['1h2m3s', 3_723_000],
    ['30', 30_000],
    ['2m30.5s', 150_500],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseResetDuration(text)).toBe(ms);
  });

  it.each(['', 'soon', '5x', '1m soon'])('refuses %j', (text) => {
    expect(parseResetDuration(text)).toBeNull();
  });
});
