import { jest } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { hostOf, runMeasuredCall, tokensPerSecond, type StreamRunner } from './measured-call.js';
import type { ConfiguredProviderSettings } from './provider.types.js';

const KEY = 'sk-unit-test-key-0001';
const settings: ConfiguredProviderSettings = {
  apiType: 'openai',
  wireFormat: 'openai',
  baseUrl: 'https://api.example.com/v1',
  model: 'm',
  apiKey: KEY,
  configured: true,
  problems: [],
};

const call = (run: StreamRunner, timeoutMs = 1000) => runMeasuredCall(settings, { timeoutMs }, run);

/** A wait on the fake clock, as a provider taking its time. */
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts a call, moves the fake clock on by `ms` (running whatever falls due), and returns its result, which must be there by then. */
async function callAfter(ms: number, run: StreamRunner, timeoutMs?: number) {
  const pending = call(run, timeoutMs);
  await jest.advanceTimersByTimeAsync(ms);
  const stillRunning = new Promise<'running'>((resolve) => setImmediate(() => resolve('running')));
  const result = await Promise.race([pending, stillRunning]);
  if (result === 'running') throw new Error(`the call had not ended ${ms} ms after it started`);
  return result;
}

describe('tokensPerSecond', () => {
  it('is output tokens over the whole call, rounded to 2 decimals', () => {
    expect(tokensPerSecond(50, 2000)).toBe(25);
    expect(tokensPerSecond(10, 3000)).toBe(3.33);
  });

  it('is null without a token count and never divides by zero', () => {
    expect(tokensPerSecond(null, 1000)).toBeNull();
    expect(tokensPerSecond(5, 0)).toBe(5000);
  });
});

describe('hostOf', () => {
  it('keeps host and port only, never credentials, path or query', () => {
    expect(hostOf('https://user:secret@api.example.com:8443/v1?key=abc')).toBe('api.example.com:8443');
    expect(hostOf('not a url')).toBe('the provider');
  });
});

describe('runMeasuredCall', () => {
  // The call's deadline and its stopwatch (setTimeout, performance.now) run on a clock the tests move.
  beforeEach(() => {
    jest.useFakeTimers({
      doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval'],
    });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('joins the deltas and measures ttft, latency, tokens and throughput', async () => {
    const result = await callAfter(60, async (_signal, recorder) => {
      recorder.text('');
      await wait(30);
      recorder.text('Hello ');
      await wait(30);
      recorder.text('world');
      recorder.outputTokens(2);
      recorder.fingerprint('gpt-4o-2024-08-06');
      recorder.fingerprint('gpt-4o-2024-08-06/fp_44709d6fcb');
      recorder.fingerprint('');
      recorder.inputTokens(12);
    });
    expect(result).toEqual({
      ok: true,
      text: 'Hello world',
      ttftMs: 30,
      latencyMs: 60,
      outputTokens: 2,
      inputTokens: 12,
      tokensPerSecond: tokensPerSecond(2, 60),
      // The last non-empty report wins.
      fingerprint: 'gpt-4o-2024-08-06/fp_44709d6fcb',
    });
  });

  it('reads the quota from the response headers, and from a refused call', async () => {
    const ok = await call((_signal, recorder) => {
      recorder.headers(new Headers({ 'x-ratelimit-limit-requests': '100', 'x-ratelimit-remaining-requests': '99' }));
      recorder.text('x');
      return Promise.resolve();
    });
    expect(ok.quota).toMatchObject({ requestsLimit: 100, requestsRemaining: 99, tokensLimit: null });
    const refused = await call(() =>
      Promise.reject(
        Object.assign(new Error('429'), {
          status: 429,
          headers: new Headers({
            'anthropic-ratelimit-requests-limit': '50',
            'anthropic-ratelimit-requests-remaining': '0',
          }),
        }),
      ),
    );
    expect(refused).toMatchObject({
      ok: false,
      errorKind: 'rate_limited',
      quota: { requestsRemaining: 0, requestsLimit: 50 },
    });
  });

  it('keeps the last token count reported and ignores nonsense', async () => {
    const result = await call((_signal, recorder) => {
      recorder.text('x');
      recorder.outputTokens(1);
      recorder.outputTokens(7);
      recorder.outputTokens(Number.NaN);
      recorder.outputTokens(undefined);
      return Promise.resolve();
    });
    expect(result).toMatchObject({ ok: true, outputTokens: 7 });
  });

  it('reports null tokens and throughput when the provider reports no usage', async () => {
    const result = await call((_signal, recorder) => Promise.resolve(recorder.text('x')));
    expect(result).toMatchObject({ ok: true, outputTokens: null, tokensPerSecond: null });
  });

  it('is bad_response for an empty or blank answer', async () => {
    expect(await call((_signal, recorder) => Promise.resolve(recorder.text('  \n')))).toMatchObject({
      ok: false,
      errorKind: 'bad_response',
      message: 'empty answer from api.example.com',
    });
  });

  it('times out a runner that ignores the abort signal, at the deadline', async () => {
    const result = await callAfter(50, () => new Promise<void>(() => undefined), 50);
    expect(result).toEqual({
      ok: false,
      errorKind: 'timeout',
      message: 'no answer from api.example.com within 50 ms',
      latencyMs: 50,
    });
  });

  it('is a timeout, not a partial answer, when an SDK ends the stream quietly on abort', async () => {
    const result = await callAfter(
      50,
      async (signal, recorder) => {
        recorder.text('partial');
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      },
      50,
    );
    expect(result).toMatchObject({ ok: false, errorKind: 'timeout', latencyMs: 50 });
  });

  it('a runner rejecting after the timeout changes nothing and is no unhandled rejection', async () => {
    let rejectLate: (error: Error) => void = () => undefined;
    const late = await callAfter(
      20,
      () =>
        new Promise<void>((_, reject) => {
          rejectLate = reject;
        }),
      20,
    );
    expect(late).toMatchObject({ ok: false, errorKind: 'timeout', latencyMs: 20 });
    rejectLate(new Error('too late'));
    // Node reports an unhandled rejection (and the test run dies of it) once the microtasks have run, before
    // the next macrotask: this callback running means none was found.
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('classifies what the runner throws', async () => {
    const failing = await call(() => Promise.reject(Object.assign(new Error(`401 bad key ${KEY}`), { status: 401 })));
    expect(failing).toEqual({
      ok: false,
      errorKind: 'auth',
      message: 'HTTP 401 from api.example.com',
      latencyMs: expect.any(Number),
    });
    expect(JSON.stringify(failing)).not.toContain(KEY);
  });

  it('redacts the key from a message, should a base URL host contain it', async () => {
    const odd: ConfiguredProviderSettings = { ...settings, baseUrl: `https://${KEY}.example.com` };
    const result = await runMeasuredCall(odd, { timeoutMs: 1000 }, () =>
      Promise.reject(Object.assign(new Error('x'), { status: 500 })),
    );
    expect(result).toMatchObject({ ok: false, message: 'HTTP 500 from [redacted].example.com' });
  });

  it('is cut short, whatever the runner does, when the caller aborts (the server stops)', async () => {
    jest.useRealTimers(); // the abort comes from a real timer; the runner waits on a real one
    const stop = new AbortController();
    let runnerSawAbort = false;
    // The runner would wait a minute and the deadline is further still: only the abort ends it before
    // the test's own timeout.
    const pending = runMeasuredCall(settings, { timeoutMs: 120_000, signal: stop.signal }, async (signal) => {
      signal.addEventListener('abort', () => (runnerSawAbort = true));
      await sleep(60_000, undefined, { signal });
    });
    setTimeout(() => stop.abort(), 20);
    const result = await pending;
    expect(result.ok).toBe(false);
    expect(runnerSawAbort).toBe(true);

    const already = await runMeasuredCall(settings, { timeoutMs: 120_000, signal: stop.signal }, (signal) =>
      sleep(60_000, undefined, { signal }),
    );
    expect(already.ok).toBe(false);
  });
});
