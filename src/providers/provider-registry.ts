// Which provider settings each model uses, whether it is probed live, simulated or not at all, and
// which hosts its base URL may point at (a key is never sent to a host its owner did not configure).
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { resolveProviderSettings, type ProviderSettings } from './provider-catalog.js';

export const PROBE_MODES = ['live', 'simulated', 'off'] as const;
export type ProbeMode = (typeof PROBE_MODES)[number];

export interface ProviderTarget {
  apiType: string;
  providerModel: string | null;
  baseUrl: string | null;
  enabled: boolean;
}

export function decideProbeMode(enabled: boolean, configured: boolean, simulate: boolean): ProbeMode {
  if (!enabled) return 'off';
  if (configured) return 'live';
  return simulate ? 'simulated' : 'off';
}

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

@Injectable()
export class ProviderRegistry {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  settingsFor(target: ProviderTarget): ProviderSettings {
    const settings = resolveProviderSettings(target.apiType, this.config.providers.env, {
      baseUrl: target.baseUrl ?? undefined,
      providerModel: target.providerModel ?? undefined,
    });
    if (!target.baseUrl || this.isHostAllowed(target.apiType, target.baseUrl)) return settings;
    // Checked on every call, not only when the model was saved: the settings may have changed since.
    return {
      apiType: settings.apiType,
      wireFormat: settings.wireFormat,
      baseUrl: settings.baseUrl,
      model: settings.model,
      configured: false,
      problems: [
        ...settings.problems,
        `base_url host ${hostOf(target.baseUrl) ?? target.baseUrl} is not allowed for ${settings.apiType} (set PROVIDER_ALLOWED_HOSTS)`,
      ],
    };
  }

  /** The settings of an api_type from the environment alone (no per-model override). */
  typeSettings(apiType: string): ProviderSettings {
    return resolveProviderSettings(apiType, this.config.providers.env);
  }

  probeMode(target: ProviderTarget): ProbeMode {
    return decideProbeMode(target.enabled, this.settingsFor(target).configured, this.config.probing.simulate);
  }

  /** A model's base URL may only name its api_type's configured host or one in PROVIDER_ALLOWED_HOSTS. */
  isHostAllowed(apiType: string, baseUrl: string): boolean {
    const host = hostOf(baseUrl);
    if (host === null) return false;
    const allowed = new Set(this.config.providers.allowedHosts);
    const configured = hostOf(this.typeSettings(apiType).baseUrl);
    if (configured) allowed.add(configured);
    return allowed.has(host);
  }
}
