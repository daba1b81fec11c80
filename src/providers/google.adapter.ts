// The Gemini API: POST {base}/v1beta/models/{model}:streamGenerateContent?alt=sse, with the key in
// the x-goog-api-key header (the SDK sends it there and never in the URL; the tests check it).
import { ApiError, GoogleGenAI, type GenerateContentConfig } from '@google/genai';
import { ProviderHttpError } from './error-classification.js';
import { runMeasuredCall } from './measured-call.js';
import type {
  CallOptions,
  CallResult,
  ChatRequest,
  ConfiguredProviderSettings,
  ProviderAdapter,
} from './provider.types.js';

export class GoogleAdapter implements ProviderAdapter {
  call(settings: ConfiguredProviderSettings, request: ChatRequest, options: CallOptions): Promise<CallResult> {
    // The SDK's ApiError keeps the status but drops the response headers, and with them a 429's
    // Retry-After; this fetch remembers the last response the SDK received so we can read them.
    let lastResponse: Response | undefined;
    const recordingFetch: typeof fetch = async (input, init) => {
      lastResponse = await fetch(input, init);
      return lastResponse;
    };
    const ai = new GoogleGenAI({
      // Explicit, so that GOOGLE_GENAI_USE_VERTEXAI, GOOGLE_API_KEY or GOOGLE_GEMINI_BASE_URL in
      // process.env cannot redirect the call; a key is always present (ProviderClient requires it).
      vertexai: false,
      apiKey: settings.apiKey ?? '',
      apiVersion: 'v1beta',
      httpOptions: {
        baseUrl: settings.baseUrl,
        // No retryOptions: the SDK then makes exactly one attempt (the measured call is never
        // retried silently). With them, even { attempts: 1 } goes through p-retry, which rewraps
        // some network errors and loses their cause.
        fetch: recordingFetch,
      },
    });

    return runMeasuredCall(settings, options, async (signal, recorder) => {
      const config: GenerateContentConfig = {
        maxOutputTokens: request.maxTokens,
        abortSignal: signal,
        // Otherwise the SDK sends follow-up requests when a stream stops at a continuation point.
        automaticContinuation: false,
        ...(request.system ? { systemInstruction: request.system } : {}),
      };
      try {
        const stream = await ai.models.generateContentStream({
          model: settings.model,
          contents: request.prompt,
          config,
        });
        recorder.headers(lastResponse?.headers);
        for await (const chunk of stream) {
          for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
            if (!part.thought) recorder.text(part.text);
          }
          recorder.fingerprint(chunk.modelVersion);
          const usage = chunk.usageMetadata;
          // Thinking tokens are output tokens too (billed and generated), as OpenAI counts reasoning.
          if (usage?.candidatesTokenCount !== undefined || usage?.thoughtsTokenCount !== undefined) {
            recorder.outputTokens((usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0));
          }
          // promptTokenCount includes the cached content (cachedContentTokenCount is a part of it).
          if (usage?.promptTokenCount !== undefined) recorder.inputTokens(usage.promptTokenCount);
        }
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const headers = withRetryInfo(
          lastResponse?.status === error.status ? lastResponse.headers : undefined,
          error.message,
        );
        // Gemini answers a wrong key with 400 INVALID_ARGUMENT, reason API_KEY_INVALID (read, never shown).
        throw new ProviderHttpError(
          error.status,
          headers,
          error.message.includes('API_KEY_INVALID') ? 'API_KEY_INVALID' : undefined,
        );
      }
    });
  }
}

/**
 * Gemini sends no Retry-After or rate-limit headers: a 429 says when to come back in its body, as a
 * google.rpc.RetryInfo detail ({"retryDelay": "30s"}). The SDK's ApiError message is that body as JSON;
 * its delay becomes a retry-after-ms header, which the error classification reads like any other.
 */
export function withRetryInfo(headers: Headers | undefined, message: string): Headers | undefined {
  const delayMs = retryInfoDelayMs(message);
  if (delayMs === undefined || headers?.has('retry-after') || headers?.has('retry-after-ms')) return headers;
  const merged = new Headers(headers);
  merged.set('retry-after-ms', String(delayMs));
  return merged;
}

function retryInfoDelayMs(message: string): number | undefined {
  let body: unknown;
  try {
    body = JSON.parse(message);
  } catch {
    return undefined;
  }
  const details = (body as { error?: { details?: unknown } } | null)?.error?.details;
  if (!Array.isArray(details)) return undefined;
  for (const detail of details as Record<string, unknown>[]) {
    const delay = detail['retryDelay'];
    if (String(detail['@type']).endsWith('google.rpc.RetryInfo') && typeof delay === 'string') {
      const seconds = /^(\d+(?:\.\d+)?)s$/.exec(delay.trim())?.[1];
      if (seconds !== undefined) return Math.round(Number(seconds) * 1000);
    }
  }
  return undefined;
}
