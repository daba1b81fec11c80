// The only module that touches process.env: everything else receives an AppConfig.
import { parseAppConfig, type AppConfig } from './app-config.js';

export function readEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}

export function loadAppConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  return parseAppConfig({ ...readEnvironment(), ...overrides });
}
