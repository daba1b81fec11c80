// The one interface between the rest of the app and the LLM providers. A provider failure is a
// value (ok: false), never a thrown error, so probing and manual tests can record it as a result.
import type { ProviderSettings } from './provider-catalog.js';
import type { QuotaReading } from './rate-limit-headers.js';

export const DEFAULT_PROVIDER_TIMEOUT_MS = 30_000;

export interface ChatRequest {
  system?: string;
  prompt: string;
  maxTokens: number;
}

/**
 * - `timeout`: no complete answer within timeoutMs (our own AbortSignal fired).
 * - `rate_limited`: HTTP 429 (or the provider's rate-limit error type inside a stream).
 * - `auth`: HTTP 401/403, or a key the provider rejects in its own way (Gemini's API_KEY_INVALID).
 * - `server_error`: HTTP 5xx, or an overloaded/api error inside a stream.
 * - `bad_response`: empty answer, unparseable body, or any other 4xx (400 bad model id, 404, 422...).
 * - `network`: connection refused, DNS failure, reset, TLS failure.
 * - `not_configured`: no request was sent, the settings lack a key, base URL or model.
 */
export type ProviderErrorKind =
  'timeout' | 'rate_limited' | 'auth' | 'server_error' | 'bad_response' | 'network' | 'not_configured';

export interface CallSuccess {
  ok: true;
  text: string;
  latencyMs: number;
  /** Time to the first non-empty text delta of the stream. */
  ttftMs: number | null;
  /** As reported by the provider (reasoning/thinking tokens included); null when it reports none. */
  outputTokens: number | null;
  /** Input (prompt) tokens as reported by the provider, cached ones included; null when it reports none. */
  inputTokens: number | null;
  /** outputTokens over the whole call (see measured-call.ts for why); null without outputTokens. */
  tokensPerSecond: number | null;
  /**
   * What the provider says answered: the model it echoes, with OpenAI's system_fingerprint when sent
   * (e.g. "gpt-4o-2024-08-06/fp_abc"), Anthropic's model, Gemini's modelVersion. null when it says nothing.
   */
  fingerprint?: string | null;
  /** The rate-limit figures of the response headers; null (or absent) when there were none. */
  quota?: QuotaReading | null;
}

export interface CallFailure {
  ok: false;
  errorKind: ProviderErrorKind;
  /** Short and built by us (e.g. "HTTP 500 from api.openai.com"): never a provider's or SDK's text. */
  message: string;
  latencyMs: number;
  retryAfterMs?: number;
  quota?: QuotaReading | null;
}

export type CallResult = CallSuccess | CallFailure;

export interface CallOptions {
  timeoutMs: number;
  /** Cuts the call short when aborted (the server stops); the result is then a failure to discard. */
  signal?: AbortSignal;
}

/** Settings that can be sent: ProviderClient checks `configured` before handing them to an adapter. */
export type ConfiguredProviderSettings = ProviderSettings & {
  readonly configured: true;
  readonly baseUrl: string;
  readonly model: string;
};

export interface ProviderAdapter {
  /** Resolves for every provider failure (ok: false); rejects only on a programming error. */
  call(settings: ConfiguredProviderSettings, request: ChatRequest, options: CallOptions): Promise<CallResult>;
}
