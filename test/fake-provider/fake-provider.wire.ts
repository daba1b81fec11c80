// What each wire format looks like on the wire, as the fake provider writes it: where the key goes,
// error bodies, whole answers and server-sent event frames. Shapes follow the providers' API docs.
import type { IncomingHttpHeaders } from 'node:http';
import type { WireFormat } from '../../src/providers/provider-catalog.js';

export interface WireDialect {
  readonly format: WireFormat;
  /** Whether the request carries `key` where this format carries it (and only there for Gemini). */
  hasKey(headers: IncomingHttpHeaders, key: string): boolean;
  errorBody(status: number): unknown;
  answerBody(model: string, text: string, outputTokens: number, inputTokens?: number): unknown;
  /** `fingerprint`: OpenAI's system_fingerprint on every chunk (the other formats echo the model only). */
  streamStart(model: string, inputTokens?: number, fingerprint?: string): string[];
  streamDelta(model: string, text: string, fingerprint?: string): string;
  streamEnd(model: string, outputTokens: number, includeUsage: boolean, inputTokens?: number): string[];
  /** The rate-limit headers this provider sends (none for Gemini, which sends none). */
  rateLimitHeaders(limits: FakeRateLimits, now: Date): Record<string, string>;
  /** An event whose data is cut off mid-JSON. */
  malformedFrame: string;
}

export function sseFrame(data: unknown, event?: string): string {
  return `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

/** A body that is not JSON, for the malformed-response behaviour of a non-streaming call. */
export const MALFORMED_JSON = '{"id": "broken", "choices": [';

/** Input tokens reported unless a behaviour says otherwise. */
export const PROMPT_TOKENS = 12;

/** What the fake says is left of a model's rate limit. */
export interface FakeRateLimits {
  requestsRemaining: number;
  requestsLimit: number;
  tokensRemaining: number;
  tokensLimit: number;
  /** When both come back, from now. */
  resetSeconds: number;
}
const CREATED = 1_767_225_600;

const openAi: WireDialect = {
  format: 'openai',
  hasKey: (headers, key) => headers.authorization === `Bearer ${key}`,
  errorBody: (status) => ({
    error: {
      message: `fake provider answered ${status}`,
      type: status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error',
      code: null,
    },
  }),
  answerBody: (model, text, outputTokens, inputTokens = PROMPT_TOKENS) => ({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: CREATED,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: {
      prompt_tokens: inputTokens,
      completion_tokens: outputTokens,
      total_tokens: inputTokens + outputTokens,
    },
  }),
  // OpenAI's own format: counts, and resets as Go-style durations.
  rateLimitHeaders: (limits) => ({
    'x-ratelimit-limit-requests': String(limits.requestsLimit),
    'x-ratelimit-remaining-requests': String(limits.requestsRemaining),
    'x-ratelimit-reset-requests': `${limits.resetSeconds}s`,
    'x-ratelimit-limit-tokens': String(limits.tokensLimit),
    'x-ratelimit-remaining-tokens': String(limits.tokensRemaining),
    'x-ratelimit-reset-tokens': `${Math.floor(limits.resetSeconds / 60)}m${limits.resetSeconds % 60}s`,
  }),
  streamStart: (model, _inputTokens, fingerprint) => [
    sseFrame(openAiChunk(model, { role: 'assistant', content: '' }, null, fingerprint)),
  ],
  streamDelta: (model, text, fingerprint) => sseFrame(openAiChunk(model, { content: text }, null, fingerprint)),
  malformedFrame: 'data: {"choices": [{"delta": {"content": "cut off\n\n',
  streamEnd: (model, outputTokens, includeUsage, inputTokens = PROMPT_TOKENS) => [
    sseFrame(openAiChunk(model, {}, 'stop')),
    ...(includeUsage
      ? [
          sseFrame({
            ...openAiChunk(model, {}, null),
            choices: [],
            usage: {
              prompt_tokens: inputTokens,
              completion_tokens: outputTokens,
              total_tokens: inputTokens + outputTokens,
            },
          }),
        ]
      : []),
    sseFrame('[DONE]'),
  ],
};

function openAiChunk(
  model: string,
  delta: object,
  finishReason: string | null,
  fingerprint?: string,
): Record<string, unknown> {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: CREATED,
    model,
    ...(fingerprint ? { system_fingerprint: fingerprint } : {}),
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

const ANTHROPIC_ERROR_TYPES: Record<number, string> = {
  401: 'authentication_error',
  403: 'permission_error',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};

const anthropic: WireDialect = {
  format: 'anthropic',
  // The API takes the key in x-api-key; @anthropic-ai/sdk 1.x sends it as a bearer token.
  hasKey: (headers, key) => headers['x-api-key'] === key || headers.authorization === `Bearer ${key}`,
  errorBody: (status) => ({
    type: 'error',
    error: {
      type: ANTHROPIC_ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error'),
      message: `fake provider answered ${status}`,
    },
  }),
  answerBody: (model, text, outputTokens, inputTokens = PROMPT_TOKENS) => ({
    id: 'msg_fake',
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: inputTokens, output_tokens: outputTokens },
  }),
  // Anthropic's: counts, and resets as RFC 3339 instants.
  rateLimitHeaders: (limits, now) => {
    const reset = new Date(now.getTime() + limits.resetSeconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    return {
      'anthropic-ratelimit-requests-limit': String(limits.requestsLimit),
      'anthropic-ratelimit-requests-remaining': String(limits.requestsRemaining),
      'anthropic-ratelimit-requests-reset': reset,
      'anthropic-ratelimit-tokens-limit': String(limits.tokensLimit),
      'anthropic-ratelimit-tokens-remaining': String(limits.tokensRemaining),
      'anthropic-ratelimit-tokens-reset': reset,
    };
  },
  streamStart: (model, inputTokens = PROMPT_TOKENS) => [
    sseFrame(
      {
        type: 'message_start',
        message: {
          id: 'msg_fake',
          type: 'message',
          role: 'assistant',
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: inputTokens, output_tokens: 1 },
        },
      },
      'message_start',
    ),
    sseFrame(
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      'content_block_start',
    ),
    sseFrame({ type: 'ping' }, 'ping'),
  ],
  streamDelta: (_model, text) =>
    sseFrame({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }, 'content_block_delta'),
  // The SDK skips data without an event name, so the broken frame names one.
  malformedFrame: 'event: content_block_delta\ndata: {"type": "content_block_delta", "delta": {"text": "cut off\n\n',
  streamEnd: (_model, outputTokens) => [
    sseFrame({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
    sseFrame(
      {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: outputTokens },
      },
      'message_delta',
    ),
    sseFrame({ type: 'message_stop' }, 'message_stop'),
  ],
};

const GOOGLE_STATUSES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  503: 'UNAVAILABLE',
};

const google: WireDialect = {
  format: 'google',
  hasKey: (headers, key) => headers['x-goog-api-key'] === key,
  errorBody: (status) => ({
    error: { code: status, message: `fake provider answered ${status}`, status: GOOGLE_STATUSES[status] ?? 'INTERNAL' },
  }),
  answerBody: (model, text, outputTokens, inputTokens = PROMPT_TOKENS) =>
    googleChunk(model, text, 'STOP', outputTokens, inputTokens),
  streamStart: () => [],
  streamDelta: (model, text) => sseFrame(googleChunk(model, text, undefined, undefined, PROMPT_TOKENS)),
  streamEnd: (model, outputTokens, _includeUsage, inputTokens = PROMPT_TOKENS) => [
    sseFrame(googleChunk(model, '', 'STOP', outputTokens, inputTokens)),
  ],
  // The Gemini API sends no rate-limit headers (a 429's body carries RetryInfo instead).
  rateLimitHeaders: () => ({}),
  malformedFrame: 'data: {"candidates": [{"content": {"parts": [{"text": "cut off\n\n',
};

function googleChunk(
  model: string,
  text: string,
  finishReason: string | undefined,
  outputTokens: number | undefined,
  inputTokens: number,
): Record<string, unknown> {
  return {
    candidates: [
      { content: { parts: [{ text }], role: 'model' }, index: 0, ...(finishReason ? { finishReason } : {}) },
    ],
    usageMetadata: {
      promptTokenCount: inputTokens,
      ...(outputTokens === undefined ? {} : { candidatesTokenCount: outputTokens }),
      totalTokenCount: inputTokens + (outputTokens ?? 0),
    },
    modelVersion: model,
  };
}

/** A Gemini 400 for a key it does not know, as the real API sends it (the fake itself answers 401). */
export const GEMINI_INVALID_KEY_BODY = {
  error: {
    code: 400,
    message: 'API key not valid. Please pass a valid API key.',
    status: 'INVALID_ARGUMENT',
    details: [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
    ],
  },
};

export const DIALECTS: Readonly<Record<WireFormat, WireDialect>> = { openai: openAi, anthropic, google };
