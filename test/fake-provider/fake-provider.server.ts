// A fake LLM provider on 127.0.0.1 that speaks the three wire formats (OpenAI chat completions,
// Anthropic messages, Gemini generateContent), answers as scripted per model id, and records every
// request it receives. Usage:
//   const fake = await startFakeProvider();
//   fake.script('gpt-fake', { kind: 'rate_limited', retryAfter: '2' });   // every call
//   fake.script('gpt-fake', [{ kind: 'server_error' }, { kind: 'answer', text: 'ok' }]);  // one per call
//   const env = fake.envFor(['openai', 'anthropic']);  // OPENAI_BASE_URL, OPENAI_API_KEY, ...
//   fake.rateLimits('gpt-fake', { requestsRemaining: 3, requestsLimit: 100, ... });  // headers on every answer
//   fake.requests; fake.callsTo('gpt-fake'); fake.reset(); await fake.close();
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { catalogEntry, envPrefix, type WireFormat } from '../../src/providers/provider-catalog.js';
import { DIALECTS, MALFORMED_JSON, type FakeRateLimits, type WireDialect } from './fake-provider.wire.js';

export type { FakeRateLimits } from './fake-provider.wire.js';

export const FAKE_PROVIDER_KEY = 'fake-provider-key';

/** `delayMs` waits before the first byte of any behaviour. */
export type FakeBehaviour = { delayMs?: number } &
  // fingerprint: sent as OpenAI's system_fingerprint (to test "the provider changed the model").
  (
    | {
        kind: 'answer';
        text: string;
        outputTokens?: number;
        inputTokens?: number;
        chunkDelayMs?: number;
        fingerprint?: string;
      }
    | { kind: 'rate_limited'; retryAfter?: string }
    | { kind: 'server_error'; status?: number }
    | { kind: 'http_error'; status: number; body?: unknown; headers?: Record<string, string> }
    | { kind: 'malformed' }
    | { kind: 'empty' }
    /** Never answers; the connection stays open until the client aborts or the fake closes. */
    | { kind: 'hang' }
    /** Starts streaming `text`'s first word, then never sends another byte. */
    | { kind: 'stall'; text: string }
  );

export interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or the raw text when it is not JSON. */
  body: unknown;
  wireFormat: WireFormat | null;
  model: string | null;
  /** The client closed the connection before the answer was complete (it gave up: a timeout). */
  abandoned: boolean;
}

export interface FakeProvider {
  /** http://127.0.0.1:<port>, no trailing slash. */
  readonly url: string;
  /** The key it accepts (null: it accepts any key or none). */
  readonly apiKey: string | null;
  readonly requests: readonly RecordedRequest[];
  /** How many requests named this provider model so far. */
  callsTo(model: string): number;
  /** The base URL to configure for a wire format (OpenAI-compatible ones include /v1). */
  baseUrlFor(format: WireFormat): string;
  /** <TYPE>_BASE_URL and <TYPE>_API_KEY for each api type, pointing at this fake. */
  envFor(apiTypes: readonly string[]): Record<string, string>;
  /** Replaces the model's script: one behaviour for every call, or a list used one per call (then the default answer). */
  script(model: string, behaviour: FakeBehaviour | readonly FakeBehaviour[]): void;
  /**
   * The rate-limit headers sent with every answer and 429 for this model, in its wire format (Gemini
   * sends none); null stops them.
   */
  rateLimits(model: string, limits: FakeRateLimits | null): void;
  /** Forgets scripts and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeProviderOptions {
  /** Defaults to FAKE_PROVIDER_KEY; null accepts any key or none. */
  apiKey?: string | null;
  /** The answer of an unscripted model. */
  defaultText?: string;
}

const GEMINI_PATH = /\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

export async function startFakeProvider(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  const apiKey = options.apiKey === undefined ? FAKE_PROVIDER_KEY : options.apiKey;
  const defaultBehaviour: FakeBehaviour = {
    kind: 'answer',
    text: options.defaultText ?? 'Hello from the fake provider.',
  };
  const scripts = new Map<string, { every?: FakeBehaviour; queue: FakeBehaviour[] }>();
  const requests: RecordedRequest[] = [];
  const limits = new Map<string, FakeRateLimits>();
  const closing = new AbortController();

  const nextBehaviour = (model: string | null): FakeBehaviour => {
    const script = model === null ? undefined : scripts.get(model);
    return script?.queue.shift() ?? script?.every ?? defaultBehaviour;
  };

  const server = createServer((req, res) => {
    res.on('error', () => undefined);
    handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const body = parseJson(raw);
    const route = routeOf(url.pathname, body);
    const record: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      path: url.pathname,
      headers: req.headers,
      body,
      wireFormat: route?.format ?? null,
      model: route?.model ?? null,
      abandoned: false,
    };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished && !closing.signal.aborted) record.abandoned = true;
    });

    if (req.method !== 'POST' || route === null)
      return sendJson(res, 404, { error: { message: 'no such route on the fake provider' } });
    const dialect = DIALECTS[route.format];
    if (apiKey !== null && !dialect.hasKey(req.headers, apiKey)) return sendJson(res, 401, dialect.errorBody(401));

    const behaviour = nextBehaviour(route.model);
    if (behaviour.delayMs) await sleep(behaviour.delayMs, undefined, { signal: closing.signal });
    const stream = isStreaming(route.format, url, body);
    const sse = stream && (route.format !== 'google' || url.searchParams.get('alt') === 'sse');
    const modelLimits = limits.get(route.model);
    const headers = modelLimits ? dialect.rateLimitHeaders(modelLimits, new Date()) : {};
    await respond(res, dialect, route.model, behaviour, { stream, sse, includeUsage: wantsUsage(body), headers });
  }

  async function respond(
    res: ServerResponse,
    dialect: WireDialect,
    model: string,
    behaviour: FakeBehaviour,
    mode: ResponseMode,
  ): Promise<void> {
    switch (behaviour.kind) {
      case 'answer':
        return sendAnswer(
          res,
          dialect,
          model,
          behaviour.text,
          behaviour.outputTokens,
          behaviour.chunkDelayMs ?? 0,
          mode,
          behaviour.inputTokens,
          behaviour.fingerprint,
        );
      case 'empty':
        return sendAnswer(res, dialect, model, '', 0, 0, mode);
      case 'rate_limited':
        return sendJson(res, 429, dialect.errorBody(429), {
          ...mode.headers,
          'retry-after': behaviour.retryAfter ?? '1',
        });
      case 'server_error':
        return sendJson(res, behaviour.status ?? 500, dialect.errorBody(behaviour.status ?? 500));
      case 'http_error':
        return sendJson(
          res,
          behaviour.status,
          behaviour.body ?? dialect.errorBody(behaviour.status),
          behaviour.headers,
        );
      case 'malformed':
        if (!mode.sse) return sendRaw(res, 200, 'application/json', MALFORMED_JSON);
        startSse(res);
        res.end([...dialect.streamStart(model), dialect.malformedFrame].join(''));
        return;
      case 'hang':
        return;
      case 'stall':
        startSse(res);
        res.write([...dialect.streamStart(model), dialect.streamDelta(model, words(behaviour.text)[0] ?? '')].join(''));
        return;
    }
  }

  async function sendAnswer(
    res: ServerResponse,
    dialect: WireDialect,
    model: string,
    text: string,
    outputTokens: number | undefined,
    chunkDelayMs: number,
    mode: ResponseMode,
    inputTokens?: number,
    fingerprint?: string,
  ): Promise<void> {
    const parts = words(text);
    const tokens = outputTokens ?? parts.length;
    if (!mode.stream) return sendJson(res, 200, dialect.answerBody(model, text, tokens, inputTokens), mode.headers);
    // Gemini without alt=sse: a JSON array
    if (!mode.sse) return sendJson(res, 200, [dialect.answerBody(model, text, tokens, inputTokens)], mode.headers);
    startSse(res, mode.headers);
    res.write(dialect.streamStart(model, inputTokens, fingerprint).join(''));
    for (const [index, part] of parts.entries()) {
      if (index > 0 && chunkDelayMs > 0) await sleep(chunkDelayMs, undefined, { signal: closing.signal });
      if (res.destroyed) return;
      res.write(dialect.streamDelta(model, part, fingerprint));
    }
    res.end(dialect.streamEnd(model, tokens, mode.includeUsage, inputTokens).join(''));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const baseUrlFor = (format: WireFormat): string => (format === 'openai' ? `${url}/v1` : url);

  return {
    url,
    apiKey,
    requests,
    callsTo: (model) => requests.filter((r) => r.model === model).length,
    baseUrlFor,
    envFor(apiTypes) {
      const env: Record<string, string> = {};
      for (const apiType of apiTypes) {
        env[`${envPrefix(apiType)}_BASE_URL`] = baseUrlFor(catalogEntry(apiType).wireFormat);
        if (apiKey !== null) env[`${envPrefix(apiType)}_API_KEY`] = apiKey;
      }
      return env;
    },
    script(model, behaviour) {
      scripts.set(model, isBehaviourList(behaviour) ? { queue: [...behaviour] } : { every: behaviour, queue: [] });
    },
    rateLimits(model, figures) {
      if (figures === null) limits.delete(model);
      else limits.set(model, figures);
    },
    reset() {
      scripts.clear();
      limits.clear();
      requests.length = 0;
    },
    async close() {
      closing.abort();
      server.closeAllConnections(); // hanging and stalled calls included
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** A URL on a loopback port with nothing listening: connections to it are refused. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

interface ResponseMode {
  stream: boolean;
  sse: boolean;
  includeUsage: boolean;
  /** Rate-limit headers to send with the answer. */
  headers: Record<string, string>;
}

function routeOf(path: string, body: unknown): { format: WireFormat; model: string } | null {
  const bodyModel =
    typeof body === 'object' && body !== null && typeof (body as { model?: unknown }).model === 'string'
      ? (body as { model: string }).model
      : '';
  if (path.endsWith('/chat/completions')) return { format: 'openai', model: bodyModel };
  if (path.endsWith('/v1/messages')) return { format: 'anthropic', model: bodyModel };
  const gemini = GEMINI_PATH.exec(path);
  return gemini ? { format: 'google', model: decodeURIComponent(gemini[1] ?? '') } : null;
}

function isStreaming(format: WireFormat, url: URL, body: unknown): boolean {
  if (format === 'google') return url.pathname.endsWith(':streamGenerateContent');
  return typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true;
}

function wantsUsage(body: unknown): boolean {
  const options =
    typeof body === 'object' && body !== null
      ? (body as { stream_options?: { include_usage?: unknown } }).stream_options
      : undefined;
  return options?.include_usage === true;
}

function isBehaviourList(value: FakeBehaviour | readonly FakeBehaviour[]): value is readonly FakeBehaviour[] {
  return Array.isArray(value);
}

function words(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? [];
}

function startSse(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  });
  res.flushHeaders();
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendRaw(res, status, 'application/json', JSON.stringify(body), headers);
}

function sendRaw(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': contentType, ...headers });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
