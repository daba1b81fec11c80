// Which wire format each api_type speaks, its documented default endpoint and model, and how its
// settings are read from the environment: <TYPE>_API_KEY, <TYPE>_BASE_URL, <TYPE>_MODEL.
// Pure: the caller passes the environment record (process.env is read only under src/config/).

export const WIRE_FORMATS = ['openai', 'anthropic', 'google'] as const;
export type WireFormat = (typeof WIRE_FORMATS)[number];

export interface ChatCompletionsDialect {
  /** OpenAI's reasoning models refuse max_tokens; most compatible servers only know max_tokens. */
  readonly maxTokensParam: 'max_tokens' | 'max_completion_tokens';
  /** Mistral answers 422 to stream_options (it sends usage in the last chunk unasked). */
  readonly sendsStreamOptions: boolean;
}

export interface ProviderCatalogEntry {
  readonly wireFormat: WireFormat;
  /** Google's base excludes the API version (/v1beta is added); Anthropic's excludes /v1. */
  readonly defaultBaseUrl: string | null;
  readonly defaultModel: string | null;
  readonly requiresApiKey: boolean;
  /** Read after <TYPE>_API_KEY, in this order. */
  readonly apiKeyEnvAliases: readonly string[];
  readonly chatCompletions: ChatCompletionsDialect;
}

const COMPATIBLE: ChatCompletionsDialect = { maxTokensParam: 'max_tokens', sendsStreamOptions: true };

function entry(
  wireFormat: WireFormat,
  defaultBaseUrl: string | null,
  defaultModel: string | null,
  extra: Partial<Omit<ProviderCatalogEntry, 'wireFormat' | 'defaultBaseUrl' | 'defaultModel'>> = {},
): ProviderCatalogEntry {
  return {
    wireFormat,
    defaultBaseUrl,
    defaultModel,
    requiresApiKey: true,
    apiKeyEnvAliases: [],
    chatCompletions: COMPATIBLE,
    ...extra,
  };
}

// Model ids are each provider's small or fast tier at the time of writing; every one is
// overridable with <TYPE>_MODEL because provider catalogs change faster than this file.
export const PROVIDER_CATALOG = {
  openai: entry('openai', 'https://api.openai.com/v1', 'gpt-4o-mini', {
    chatCompletions: { maxTokensParam: 'max_completion_tokens', sendsStreamOptions: true },
  }),
  anthropic: entry('anthropic', 'https://api.anthropic.com', 'claude-haiku-5-5'),
  google: entry('google', 'https://generativelanguage.googleapis.com', 'gemini-2.5-flash', {
    apiKeyEnvAliases: ['GEMINI_API_KEY'],
  }),
  groq: entry('openai', 'https://api.groq.com/openai/v1', 'openai/gpt-oss-120b'),
  mistral: entry('openai', 'https://api.mistral.ai/v1', 'mistral-small-latest', {
    chatCompletions: { maxTokensParam: 'max_tokens', sendsStreamOptions: false },
  }),
  deepseek: entry('openai', 'https://api.deepseek.com/v1', 'deepseek-chat'),
  openrouter: entry('openai', 'https://openrouter.ai/api/v1', 'openai/gpt-4o-mini'),
  sambanova: entry('openai', 'https://api.sambanova.ai/v1', 'Meta-Llama-3.3-70B-Instruct'),
  cerebras: entry('openai', 'https://api.cerebras.ai/v1', 'gpt-oss-120b'),
  // Any OpenAI-compatible server (vLLM, Ollama, LiteLLM...): no defaults, and a key only if it wants one.
  others: entry('openai', null, null, { requiresApiKey: false }),
} as const satisfies Record<string, ProviderCatalogEntry>;

export type KnownApiType = keyof typeof PROVIDER_CATALOG;
export const KNOWN_API_TYPES = Object.keys(PROVIDER_CATALOG) as KnownApiType[];

export interface ProviderSettings {
  /** Lower-cased api_type. */
  readonly apiType: string;
  readonly wireFormat: WireFormat;
  /** Without a trailing slash; null when neither set nor defaulted, or not an http(s) URL. */
  readonly baseUrl: string | null;
  readonly model: string | null;
  /** Sent in the request header only; never copy it into a result, message or log line. */
  readonly apiKey?: string;
  readonly configured: boolean;
  /** Why it is not configured, naming the variables to set (never their values). */
  readonly problems: readonly string[];
}

export interface ProviderSettingsOverride {
  baseUrl?: string;
  providerModel?: string;
}

export function normalizeApiType(apiType: string): string {
  return apiType.trim().toLowerCase();
}

/** Unknown api types are OpenAI-compatible with no defaults, like `others`. */
export function catalogEntry(apiType: string): ProviderCatalogEntry {
  const type = normalizeApiType(apiType);
  return Object.hasOwn(PROVIDER_CATALOG, type) ? PROVIDER_CATALOG[type as KnownApiType] : PROVIDER_CATALOG.others;
}

export function envPrefix(apiType: string): string {
  return normalizeApiType(apiType)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');
}

/** Precedence: the per-model override, then <TYPE>_*, then the catalog default. */
export function resolveProviderSettings(
  apiType: string,
  env: Readonly<Record<string, string | undefined>>,
  override: ProviderSettingsOverride = {},
): ProviderSettings {
  const type = normalizeApiType(apiType);
  const known = catalogEntry(type);
  const prefix = envPrefix(type);
  const read = (name: string): string | undefined => nonBlank(env[name]);
  const problems: string[] = [];

  const rawBaseUrl = nonBlank(override.baseUrl) ?? read(`${prefix}_BASE_URL`) ?? known.defaultBaseUrl ?? undefined;
  let baseUrl: string | null = null;
  if (rawBaseUrl === undefined) problems.push(`${prefix}_BASE_URL is not set`);
  else if (!isHttpUrl(rawBaseUrl)) problems.push(`${prefix}_BASE_URL is not an http(s) URL`);
  else baseUrl = rawBaseUrl.replace(/\/+$/, '');

  const model = nonBlank(override.providerModel) ?? read(`${prefix}_MODEL`) ?? known.defaultModel ?? null;
  if (model === null) problems.push(`${prefix}_MODEL is not set`);

  const apiKey = [`${prefix}_API_KEY`, ...known.apiKeyEnvAliases].map(read).find((value) => value !== undefined);
  if (apiKey === undefined && known.requiresApiKey) {
    problems.push(`${[`${prefix}_API_KEY`, ...known.apiKeyEnvAliases].join(' or ')} is not set`);
  }

  return {
    apiType: type,
    wireFormat: known.wireFormat,
    baseUrl,
    model,
    ...(apiKey === undefined ? {} : { apiKey }),
    configured: problems.length === 0,
    problems,
  };
}

function nonBlank(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
