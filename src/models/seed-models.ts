// The seed guide's ten models, exactly (section 2.1): what a fresh install monitors, and the values
// the provider simulator wobbles around.

export interface SeedModel {
  name: string;
  apiType: string;
  lastScore: number;
  responseTime: number;
  uptimePercent: number;
}

export const SEED_MODELS: readonly SeedModel[] = [
  { name: 'Gemini', apiType: 'google', lastScore: 9.9, responseTime: 2300, uptimePercent: 100 },
  { name: 'Groq', apiType: 'groq', lastScore: 9.7, responseTime: 1200, uptimePercent: 100 },
  { name: 'Anthropic', apiType: 'anthropic', lastScore: 9.4, responseTime: 2100, uptimePercent: 100 },
  { name: 'Mistral', apiType: 'mistral', lastScore: 9.1, responseTime: 1900, uptimePercent: 99.8 },
  { name: 'DeepSeek', apiType: 'deepseek', lastScore: 8.7, responseTime: 2000, uptimePercent: 99.5 },
  { name: 'OpenRouter', apiType: 'openrouter', lastScore: 9.0, responseTime: 1800, uptimePercent: 99.7 },
  { name: 'OpenAI', apiType: 'openai', lastScore: 8.9, responseTime: 2400, uptimePercent: 99.3 },
  { name: 'SambaNova', apiType: 'sambanova', lastScore: 8.8, responseTime: 1500, uptimePercent: 99.9 },
  { name: 'Cerebras', apiType: 'cerebras', lastScore: 8.6, responseTime: 800, uptimePercent: 99.0 },
  { name: 'Others', apiType: 'others', lastScore: 8.8, responseTime: 1700, uptimePercent: 99.4 },
];
