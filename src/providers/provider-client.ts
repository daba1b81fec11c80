// The entry point for the rest of the app: one measured call to a provider, whatever its wire format.
import { Injectable } from '@nestjs/common';
import { AnthropicAdapter } from './anthropic.adapter.js';
import { GoogleAdapter } from './google.adapter.js';
import { OpenAiCompatibleAdapter } from './openai-compatible.adapter.js';
import { catalogEntry, type ProviderSettings, type WireFormat } from './provider-catalog.js';
import {
  DEFAULT_PROVIDER_TIMEOUT_MS,
  type CallResult,
  type ChatRequest,
  type ConfiguredProviderSettings,
  type ProviderAdapter,
} from './provider.types.js';

@Injectable()
export class ProviderClient {
  private readonly adapters: Readonly<Record<WireFormat, ProviderAdapter>> = {
    openai: new OpenAiCompatibleAdapter(),
    anthropic: new AnthropicAdapter(),
    google: new GoogleAdapter(),
  };

  /** Never throws for a provider failure: it resolves with ok: false and a classified error. */
  call(
    settings: ProviderSettings,
    request: ChatRequest,
    options: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<CallResult> {
    if (!isConfigured(settings)) {
      return Promise.resolve({
        ok: false,
        errorKind: 'not_configured',
        message: `${settings.apiType} is not configured: ${settings.problems.join('; ')}`,
        latencyMs: 0,
      });
    }
    return this.adapters[settings.wireFormat].call(settings, request, {
      timeoutMs: options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS,
      signal: options.signal,
    });
  }
}

/** Re-checks what resolveProviderSettings decided, for settings built by hand (tests, overrides). */
export function isConfigured(settings: ProviderSettings): settings is ConfiguredProviderSettings {
  const needsKey = settings.wireFormat !== 'openai' || catalogEntry(settings.apiType).requiresApiKey;
  return (
    settings.configured && settings.baseUrl !== null && settings.model !== null && (!needsKey || !!settings.apiKey)
  );
}
