// A fake provider for four seeded models (OpenAI, Groq, Anthropic, Gemini) and a two-case suite
// whose score follows what the fake answers: "alpha beta" scores 10, "alpha" 5, anything else 0.
import { ALPHA_BETA_CASES, writeSuiteFile } from '../factories/suites.js';
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
  const suitePath = writeSuiteFile('suite.json', JSON.stringify({ name: 'alpha-beta', cases: ALPHA_BETA_CASES }));
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
