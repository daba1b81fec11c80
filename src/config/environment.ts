// The only module that touches process.env: everything else receives an AppConfig.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { parseAppConfig, type AppConfig } from './app-config.js';
import type { Env } from './env-parsers.js';

/** Read from the working directory, which is the project's root under `npm start`. */
export const ENV_FILE = '.env';

export interface EnvironmentSources {
  /** A dotenv file to read when it exists; null: none. */
  envFile?: string | null;
  /** The real environment (process.env unless a test passes its own). */
  processEnv?: Env;
}

/**
 * The real environment over the values of the .env file when there is one: a variable set in the
 * shell or by the container always wins, so the file only fills gaps (development convenience).
 * The file is parsed with Node's own dotenv parser and never written to process.env.
 */
export function readEnvironment(sources: EnvironmentSources = {}): Record<string, string | undefined> {
  const envFile = sources.envFile === undefined ? ENV_FILE : sources.envFile;
  const fromFile = envFile !== null && existsSync(resolve(envFile)) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  return { ...fromFile, ...(sources.processEnv ?? process.env) };
}

export function loadAppConfig(
  overrides: Record<string, string | undefined> = {},
  sources: EnvironmentSources = {},
): AppConfig {
  return parseAppConfig({ ...readEnvironment(sources), ...overrides });
}
