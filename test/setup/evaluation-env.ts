// A fake provider for four seeded models (OpenAI, Groq, Anthropic, Gemini) and a two-case suite
// whose score follows what the fake answers: "alpha beta" scores 10, "alpha" 5, anything else 0.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeProvider, type FakeProvider } from '../fake-provider/fake-provider.server.js';

export const FAKE_MODELS = {
  OpenAI: 'm-openai',
  Groq: 'm-groq',
  Anthropic: 'm-anthropic',
  Gemini: 'm-google',
} as const;

export interface EvaluationEnv {
  fake: FakeProvider;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startEvaluationEnv(): Promise<EvaluationEnv> {
  const fake = await startFakeProvider();
  const dir = mkdtempSync(join(tmpdir(), 'shawn-suite-'));
  const suitePath = join(dir, 'suite.json');
  writeFileSync(
    suitePath,
    JSON.stringify({
      name: 'alpha-beta',
      cases: [
        { id: 'alpha', prompt: 'Say alpha', assert: [{ type: 'icontains', value: 'alpha' }] },
        { id: 'beta', prompt: 'Say beta', assert: [{ type: 'icontains', value: 'beta' }] },
      ],
    }),
  );
  return {
    fake,
    env: {
      ...fake.envFor(['openai', 'groq', 'anthropic', 'google']),
      OPENAI_MODEL: FAKE_MODELS.OpenAI,
      GROQ_MODEL: FAKE_MODELS.Groq,
      ANTHROPIC_MODEL: FAKE_MODELS.Anthropic,
      GOOGLE_MODEL: FAKE_MODELS.Gemini,
      SIMULATE_PROVIDERS: 'false',
      EVAL_SUITE_PATH: suitePath,
      PROVIDER_TIMEOUT_MS: '3000',
    },
    close: () => fake.close(),
  };
}

/** Polls until the check passes or the time is up (background runs finish on their own time). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
