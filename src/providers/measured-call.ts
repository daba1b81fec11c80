// The part every adapter shares: the timeout, the clock, the text and token bookkeeping, and turning
// a failure into a CallFailure. An adapter only sends the request and feeds the stream in.
import { classifyError, emptyAnswerFailure, type ClassifiedFailure } from './error-classification.js';
import type { CallOptions, CallResult, ConfiguredProviderSettings } from './provider.types.js';
import { readRateLimitHeaders, type HeaderLookup, type QuotaReading } from './rate-limit-headers.js';

export interface StreamRecorder {
  /** Each text delta as it arrives; the first non-empty one marks the time to first token. */
  text(delta: string | null | undefined): void;
  /** The provider's output token count, whenever it reports one (the last report wins). */
  outputTokens(count: number | null | undefined): void;
  /** What the provider says answered (the last report wins). */
  fingerprint(value: string | null | undefined): void;
  /** The provider's input (prompt) token count, cache reads and writes included (the last report wins). */
  inputTokens(count: number | null | undefined): void;
  /** The response headers, for the rate-limit figures they carry. */
  headers(headers: HeaderLookup | undefined): void;
}

/** An SDK's own timeout is set this much later than ours, so ours (covering the whole stream) fires first. */
export const SDK_TIMEOUT_SLACK_MS = 1_000;

/** Sends the request with `signal` and feeds the stream to `recorder`; may throw anything. */
export type StreamRunner = (signal: AbortSignal, recorder: StreamRecorder) => Promise<void>;

class CallTimedOut extends Error {
  override readonly name = 'CallTimedOut';
}

export async function runMeasuredCall(
  settings: ConfiguredProviderSettings,
  options: CallOptions,
  run: StreamRunner,
): Promise<CallResult> {
  const host = hostOf(settings.baseUrl);
  const controller = new AbortController();
  let timedOut = false;
  let firstTextAt: number | null = null;
  let outputTokens: number | null = null;
  let fingerprint: string | null = null;
  let inputTokens: number | null = null;
  let quota: QuotaReading | null = null;
  const parts: string[] = [];
  const recorder: StreamRecorder = {
    text(delta) {
      if (!delta) return;
      firstTextAt ??= performance.now();
      parts.push(delta);
    },
    outputTokens(count) {
      if (isCount(count)) outputTokens = count;
    },
    inputTokens(count) {
      if (isCount(count)) inputTokens = count;
    },
    headers(headers) {
      quota = readRateLimitHeaders(headers, new Date()) ?? quota;
    },
    fingerprint(value) {
      if (typeof value === 'string' && value.trim() !== '') fingerprint = value.trim().slice(0, 200);
    },
  };

  // Racing the abort as well as passing the signal keeps the timeout even if an SDK ignored it.
  const deadline = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new CallTimedOut()), { once: true });
  });
  const started = performance.now();
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const cutShort = (): void => controller.abort();
  options.signal?.addEventListener('abort', cutShort, { once: true });
  if (options.signal?.aborted) cutShort();
  let failure: unknown;
  let failed = false;
  try {
    const running = run(controller.signal, recorder);
    running.catch(() => undefined); // after a timeout, its late rejection has already been reported
    await Promise.race([running, deadline]);
  } catch (error) {
    failed = true;
    failure = error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cutShort);
  }
  const latencyMs = Math.round(performance.now() - started);

  // Some SDKs end a stream quietly when it is aborted, so a timeout is checked even without an error.
  if (failed || timedOut) {
    // A refused call (a 429 above all) says how much quota is left too.
    quota = readRateLimitHeaders(errorHeaders(failure), new Date()) ?? quota;
    return withQuota(
      toFailure(
        classifyError(failure, { host, timedOut, timeoutMs: options.timeoutMs, nowMs: Date.now() }),
        latencyMs,
        settings.apiKey,
      ),
      quota,
    );
  }
  const text = parts.join('');
  if (text.trim() === '') return withQuota(toFailure(emptyAnswerFailure(host), latencyMs, settings.apiKey), quota);
  const ttftMs = firstTextAt === null ? null : Math.round(firstTextAt - started);
  return withQuota(
    {
      ok: true,
      text,
      latencyMs,
      ttftMs,
      outputTokens,
      inputTokens,
      tokensPerSecond: tokensPerSecond(outputTokens, latencyMs),
      fingerprint,
    },
    quota,
  );
}

/** The result with its quota reading, when the headers had one. */
function withQuota<T extends CallResult>(result: T, quota: QuotaReading | null): T {
  return quota === null ? result : { ...result, quota };
}

function isCount(count: number | null | undefined): count is number {
  return typeof count === 'number' && Number.isFinite(count) && count >= 0;
}

/** The response headers an SDK error carries (openai and anthropic errors have `headers`; ours too). */
function errorHeaders(error: unknown): HeaderLookup | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const headers = (error as { headers?: unknown }).headers;
  return typeof headers === 'object' && headers !== null ? (headers as HeaderLookup) : undefined;
}

/**
 * End-to-end output throughput: output tokens over the whole call, time to first token included.
 * (The streaming phase alone is often a millisecond or two when a short answer arrives in one
 * packet, which would give absurd rates; decode speed is outputTokens / (latencyMs - ttftMs).)
 */
export function tokensPerSecond(outputTokens: number | null, latencyMs: number): number | null {
  if (outputTokens === null) return null;
  return Math.round((outputTokens / (Math.max(latencyMs, 1) / 1000)) * 100) / 100;
}

export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host; // never userinfo, path or query: those may hold secrets
  } catch {
    return 'the provider';
  }
}

function toFailure(classified: ClassifiedFailure, latencyMs: number, apiKey: string | undefined): CallResult {
  // Messages are built from host, status and error code only; this guards against a key pasted
  // into a base URL's host.
  const message =
    apiKey && apiKey.length >= 4 ? classified.message.split(apiKey).join('[redacted]') : classified.message;
  return { ok: false, ...classified, message, latencyMs };
}
