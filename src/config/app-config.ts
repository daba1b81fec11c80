// The one place that turns the environment into typed, validated configuration.
// Every setting read here is documented in README.md and .env.example.
import { EnvReader, type Env } from './env-parsers.js';

export const APP_VERSION = '1.0.0';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type NodeEnv = (typeof NODE_ENVS)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];
export type DatabaseEngine = 'sqlite' | 'postgres';

export interface AppConfig {
  readonly app: {
    readonly env: NodeEnv;
    readonly isProduction: boolean;
    readonly version: string;
    readonly port: number;
    readonly host: string;
    readonly corsOrigins: readonly string[];
  };
  readonly database: {
    readonly engine: DatabaseEngine;
    readonly url?: string;
    readonly path: string;
    readonly seedDemoData: boolean;
  };
  readonly log: {
    readonly level: LogLevel;
    readonly pretty: boolean;
  };
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

export function parseAppConfig(env: Env): AppConfig {
  const read = new EnvReader(env);
  const nodeEnv = read.oneOf('NODE_ENV', NODE_ENVS, 'development');
  const isProduction = nodeEnv === 'production';
  const url = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);

  const config: AppConfig = {
    app: {
      env: nodeEnv,
      isProduction,
      version: APP_VERSION,
      port: read.int('PORT', 8000, 0, 65535),
      host: read.string('HOST', '0.0.0.0'),
      corsOrigins: read.list('CORS_ORIGINS'),
    },
    database: {
      engine: url ? 'postgres' : 'sqlite',
      url,
      path: read.string('DATABASE_PATH', './data/shawn-brain.sqlite'),
      seedDemoData: read.bool('SEED_DEMO_DATA', !isProduction),
    },
    log: {
      level: read.oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
      pretty: read.bool('LOG_PRETTY', nodeEnv === 'development'),
    },
  };

  for (const origin of config.app.corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      read.problems.push(`CORS_ORIGINS entries must be "*" or an origin such as https://dash.example.com (got "${origin}")`);
    }
  }
  if (read.problems.length > 0) throw new ConfigValidationError(read.problems);
  return config;
}
