// Reads what a provider says of its rate limit in the response headers of any call. Pure.
//
// - OpenAI-compatible (OpenAI, Groq, Mistral via proxies, OpenRouter...): x-ratelimit-limit-requests,
//   x-ratelimit-remaining-requests, x-ratelimit-reset-requests, and the same for -tokens; resets are
//   durations such as "6m0s", "1.2s", "120ms" or plain seconds.
// - Anthropic: anthropic-ratelimit-requests-limit/-remaining/-reset and -tokens-* (also -input-tokens-*
//   and -output-tokens-*, read when the combined ones are absent); resets are RFC 3339 instants.
// - Gemini sends no rate-limit headers (a 429 carries google.rpc.RetryInfo in its body, which the
//   Retry-After handling covers); any x-ratelimit-* headers a proxy in front of it adds are read.

export interface QuotaReading {
  requestsRemaining: number | null;
  requestsLimit: number | null;
  tokensRemaining: number | null;
  tokensLimit: number | null;
  requestsResetAt: Date | null;
  tokensResetAt: Date | null;
}

export type HeaderLookup = { get(name: string): string | null } | Record<string, unknown>;

/** The quota the headers describe, or null when they say nothing of it. */
export function readRateLimitHeaders(headers: HeaderLookup | undefined, now: Date): QuotaReading | null {
  if (headers === undefined) return null;
  const read = headerReader(headers);
  const anthropic = (resource: string, field: string): string | undefined =>
    read(`anthropic-ratelimit-${resource}-${field}`);
  const anthropicTokens = (field: string): string | undefined =>
    anthropic('tokens', field) ?? anthropic('input-tokens', field) ?? anthropic('output-tokens', field);
  const reading: QuotaReading = {
    requestsRemaining: count(read('x-ratelimit-remaining-requests') ?? anthropic('requests', 'remaining')),
    requestsLimit: count(read('x-ratelimit-limit-requests') ?? anthropic('requests', 'limit')),
    tokensRemaining: count(read('x-ratelimit-remaining-tokens') ?? anthropicTokens('remaining')),
    tokensLimit: count(read('x-ratelimit-limit-tokens') ?? anthropicTokens('limit')),
    requestsResetAt: resetAt(read('x-ratelimit-reset-requests') ?? anthropic('requests', 'reset'), now),
    tokensResetAt: resetAt(read('x-ratelimit-reset-tokens') ?? anthropicTokens('reset'), now),
  };
  return Object.values(reading).every((value) => value === null) ? null : reading;
}

/** "6m0s", "1.2s", "120ms", "1h2m3s", "30" (seconds) in milliseconds; null when unreadable. */
export function parseResetDuration(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) return null;
  return Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * (units[p[2] ?? ''] ?? 0), 0));
}

/** A reset as an instant: an RFC 3339 date, or a duration from `now`. */
function resetAt(text: string | undefined, now: Date): Date | null {
  if (text === undefined) return null;
  const duration = parseResetDuration(text);
  if (duration !== null) return new Date(now.getTime() + duration);
  if (!/^\d{4}-\d\d-\d\dT/.test(text.trim())) return null;
  const instant = Date.parse(text.trim());
  return Number.isNaN(instant) ? null : new Date(instant);
}

function count(text: string | undefined): number | null {
  if (text === undefined || !/^\d+$/.test(text.trim())) return null;
  return Number(text.trim());
}

function headerReader(headers: HeaderLookup): (name: string) => string | undefined {
  return (name) => {
    const value =
      typeof headers.get === 'function'
        ? (headers as { get(name: string): string | null }).get(name)
        : (headers as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  };
}
