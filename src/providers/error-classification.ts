// Turns whatever an SDK or fetch threw into one of our error kinds with a short message of our own.
// Pure and duck-typed (status, headers, type, code, cause), so it works the same for every SDK and
// never copies an SDK's message, which may echo a request, a URL or a header.
import type { ProviderErrorKind } from './provider.types.js';

export interface ClassifiedFailure {
  errorKind: ProviderErrorKind;
  message: string;
  retryAfterMs?: number;
}

export interface FailureContext {
  /** host[:port] of the base URL: the only part of the URL a message may show. */
  host: string;
  /** Our own AbortSignal fired: the call ran out of time, whatever the SDK threw. */
  timedOut: boolean;
  timeoutMs: number;
  /** Wall-clock now, to turn a Retry-After HTTP date into a delay. */
  nowMs: number;
}

/** Thrown by an adapter that knows the HTTP status but not through an SDK error (see google adapter). */
export class ProviderHttpError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Headers | undefined,
    /** A provider reason code such as Gemini's API_KEY_INVALID. */
    readonly type?: string,
  ) {
    super(`HTTP ${status}`);
    this.name = 'ProviderHttpError';
  }
}

/** 429 → rate_limited, 401/403 → auth, 5xx → server_error; any other status → bad_response. */
export function classifyHttpStatus(status: number): ProviderErrorKind {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status >= 500 && status <= 599) return 'server_error';
  return 'bad_response';
}

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when unusable. */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/^[A-Za-z]/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

// Error types that providers send inside a 200 stream, where there is no status to go by.
const PROVIDER_ERROR_TYPES: Readonly<Record<string, ProviderErrorKind>> = {
  rate_limit_error: 'rate_limited',
  overloaded_error: 'server_error',
  api_error: 'server_error',
  server_error: 'server_error',
  authentication_error: 'auth',
  permission_error: 'auth',
  API_KEY_INVALID: 'auth',
};

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function classifyError(error: unknown, context: FailureContext): ClassifiedFailure {
  const { host } = context;
  if (context.timedOut)
    return { errorKind: 'timeout', message: `no answer from ${host} within ${context.timeoutMs} ms` };

  const facts = collectFacts(error);
  const typed = facts.types.map((type) => PROVIDER_ERROR_TYPES[type]).find((kind) => kind !== undefined);

  if (facts.status !== undefined) {
    let errorKind = classifyHttpStatus(facts.status);
    if (errorKind === 'bad_response' && typed === 'auth') errorKind = 'auth'; // Gemini: 400 API_KEY_INVALID
    return withRetryAfter({ errorKind, message: `HTTP ${facts.status} from ${host}` }, facts, context.nowMs);
  }
  if (typed !== undefined) {
    return withRetryAfter({ errorKind: typed, message: streamErrorMessage(typed, host) }, facts, context.nowMs);
  }
  const networkCode = facts.codes.find((code) => NETWORK_CODES.has(code));
  if (networkCode !== undefined) return { errorKind: 'network', message: `cannot reach ${host} (${networkCode})` };
  if (facts.names.includes('APIConnectionTimeoutError') || facts.names.includes('TimeoutError')) {
    return { errorKind: 'timeout', message: `no answer from ${host} within ${context.timeoutMs} ms` };
  }
  if (facts.names.includes('APIConnectionError') || facts.fetchFailed) {
    return { errorKind: 'network', message: `cannot reach ${host}` };
  }
  if (facts.names.includes('SyntaxError'))
    return { errorKind: 'bad_response', message: `malformed response from ${host}` };
  return { errorKind: 'bad_response', message: `unexpected response from ${host}` };
}

export function emptyAnswerFailure(host: string): ClassifiedFailure {
  return { errorKind: 'bad_response', message: `empty answer from ${host}` };
}

function streamErrorMessage(kind: ProviderErrorKind, host: string): string {
  switch (kind) {
    case 'rate_limited':
      return `rate limited by ${host}`;
    case 'auth':
      return `${host} rejected the API key`;
    default:
      return `${host} reported a server error`;
  }
}

interface ErrorFacts {
  status?: number;
  headers?: HeaderSource;
  types: string[];
  codes: string[];
  names: string[];
  fetchFailed: boolean;
}

type HeaderSource = { get(name: string): string | null } | Record<string, unknown>;

function withRetryAfter(failure: ClassifiedFailure, facts: ErrorFacts, nowMs: number): ClassifiedFailure {
  if (failure.errorKind !== 'rate_limited' && failure.errorKind !== 'server_error') return failure;
  const retryAfterMs = readRetryAfterMs(facts.headers, nowMs);
  return retryAfterMs === undefined ? failure : { ...failure, retryAfterMs };
}

function readRetryAfterMs(headers: HeaderSource | undefined, nowMs: number): number | undefined {
  if (headers === undefined) return undefined;
  const read = (name: string): string | undefined => {
    const value =
      typeof headers.get === 'function' ? (headers as Headers).get(name) : (headers as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  };
  // OpenAI-style retry-after-ms is more precise than Retry-After when a server sends both.
  const ms = read('retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.round(Number(ms));
  return parseRetryAfterMs(read('retry-after'), nowMs);
}

/** Walks the error, its causes and AggregateError members (bounded) and keeps what classifies it. */
function collectFacts(error: unknown): ErrorFacts {
  const facts: ErrorFacts = { types: [], codes: [], names: [], fetchFailed: false };
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0 && seen.size < 20) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const e = current as Record<string, unknown>;
    if (facts.status === undefined && typeof e['status'] === 'number' && e['status'] >= 100 && e['status'] <= 599) {
      facts.status = e['status'];
      if (isHeaderSource(e['headers'])) facts.headers = e['headers'];
    }
    if (typeof e['type'] === 'string') facts.types.push(e['type']);
    if (typeof e['code'] === 'string') facts.codes.push(e['code']);
    if (typeof e['name'] === 'string') facts.names.push(e['name']);
    if (e['name'] === 'TypeError' && (e['message'] === 'fetch failed' || e['message'] === 'terminated'))
      facts.fetchFailed = true;
    const body = e['error'];
    if (typeof body === 'object' && body !== null) queue.push(body);
    if ('cause' in e) queue.push(e['cause']);
    if (Array.isArray(e['errors'])) queue.push(...(e['errors'] as unknown[]));
  }
  return facts;
}

function isHeaderSource(value: unknown): value is HeaderSource {
  return typeof value === 'object' && value !== null;
}
