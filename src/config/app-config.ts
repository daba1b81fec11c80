// The one place that turns the environment into typed, validated configuration.
// Every setting read here is documented in README.md and .env.example.
import { validateCronExpression } from 'cron';
import { ALERT_SEVERITIES, ALERT_TYPES, type AlertSeverity, type AlertType } from '../common/alert-kinds.js';
import { normalizeHost, staticUrlProblem } from '../common/webhook-address.js';
import { readAccessConfig, type AccessConfig } from './access.config.js';
import { readClusterConfig, type ClusterConfig } from './cluster.config.js';
import { readRetentionConfig, type RetentionConfig } from './retention.config.js';
import { readDashboardConfig, type DashboardConfig } from './dashboard.config.js';
import { EnvReader, type Env } from './env-parsers.js';
import { readInsightConfig, type InsightConfig } from './insight.config.js';
import { readCostConfig, type CostConfig } from './routing.config.js';
import { readResilienceConfig, type ResilienceConfig } from './resilience.config.js';
import { readProxyConfig, type ProxyConfig } from './proxy.config.js';
import { readTelemetryConfig, type TelemetryConfig } from './telemetry.config.js';

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
  readonly auth: {
    /** Accepted admin keys (several, so that one can be rotated). Empty: see README. */
    readonly adminKeys: readonly string[];
    /** Keys for workers that may only post cartridge results. */
    readonly ingestKeys: readonly string[];
  };
  readonly access: AccessConfig;
  readonly probing: {
    /** 0 turns scheduled probing off. */
    readonly intervalMs: number;
    readonly concurrency: number;
    readonly timeoutMs: number;
    readonly uptimeWindowHours: number;
    readonly failureThreshold: number;
    readonly successThreshold: number;
    readonly simulate: boolean;
    readonly suitePath?: string;
  };
  readonly dcrs: {
    /** Cron expression of the daily run; null: not scheduled (DCRS_CRON=off). */
    readonly cron: string | null;
    readonly timeZone: string;
    readonly concurrency: number;
  };
  readonly routing: {
    readonly minUptime: number;
    readonly minMargin: number;
    readonly mode: 'auto' | 'recommend';
  };
  readonly manualTest: {
    readonly queueMax: number;
  };
  readonly realtime: {
    /** Period of the model_update event; 0 turns it off. */
    readonly modelUpdateIntervalMs: number;
    /** Period of the neural_signal event; 0 turns it off. */
    readonly neuralSignalIntervalMs: number;
  };
  readonly alerts: {
    /** Period of the alert sweep (cartridge staleness, models no longer monitored) and of the reminder check; 0 turns both off. */
    readonly checkIntervalMs: number;
    /** Open, unacknowledged critical alerts are sent again at most this often; 0: no reminders. */
    readonly remindMinutes: number;
    /** A model's evaluation score falling at least this much raises score_drop. */
    readonly scoreDrop: number;
  };
  readonly notifications: {
    /** Deadline of one try (DNS, connect, answer). */
    readonly timeoutMs: number;
    /** Wait before the second try; doubled before the third. */
    readonly backoffMs: number;
    /** Hosts (as written in channel URLs) exempt from the private-address refusal. */
    readonly allowedHosts: readonly string[];
    /** Channels defined by NOTIFY_* variables, upserted at start. */
    readonly env: {
      readonly webhookUrl?: string;
      readonly webhookSecret?: string;
      readonly slackUrl?: string;
      readonly discordUrl?: string;
      readonly minSeverity: AlertSeverity;
      /** null: every type. */
      readonly alertTypes: readonly AlertType[] | null;
    };
  };
  readonly providers: {
    /** The <TYPE>_API_KEY / _BASE_URL / _MODEL variables (and GEMINI_API_KEY), as given. */
    readonly env: Readonly<Record<string, string>>;
    /** Extra hosts a model's base URL may point at. */
    readonly allowedHosts: readonly string[];
  };
  readonly telemetry: TelemetryConfig;
  readonly proxy: ProxyConfig;
  readonly cluster: ClusterConfig;
  readonly resilience: ResilienceConfig;
  readonly retention: RetentionConfig;
  readonly insight: InsightConfig;
  readonly cost: CostConfig;
  readonly dashboard: DashboardConfig;
}

function cronOrOff(value: string): string | null {
  return value.toLowerCase() === 'off' ? null : value;
}

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const PROVIDER_VARIABLE =
  /^(OPENAI|ANTHROPIC|GOOGLE|GEMINI|GROQ|MISTRAL|DEEPSEEK|OPENROUTER|SAMBANOVA|CEREBRAS|OTHERS)_(API_KEY|BASE_URL|MODEL)$/;

function providerVariables(env: Env): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (PROVIDER_VARIABLE.test(name) && value !== undefined && value.trim() !== '') picked[name] = value.trim();
  }
  return picked;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

const NOTIFY_URL_VARIABLES = ['NOTIFY_WEBHOOK_URL', 'NOTIFY_SLACK_WEBHOOK_URL', 'NOTIFY_DISCORD_WEBHOOK_URL'] as const;

/** The notification settings. Channel URLs are secrets (Slack, Discord): problems never echo them. */
function readNotifications(read: EnvReader): AppConfig['notifications'] {
  const allowedHosts = read.list('WEBHOOK_ALLOWED_HOSTS').map(normalizeHost);
  const urls = Object.fromEntries(
    NOTIFY_URL_VARIABLES.map((name) => {
      const url = read.url(name, ['http:', 'https:']);
      const problem = url === undefined ? null : staticUrlProblem(url, allowedHosts);
      if (problem) read.problems.push(`${name}: ${problem}`);
      return [name, problem ? undefined : url];
    }),
  ) as Record<(typeof NOTIFY_URL_VARIABLES)[number], string | undefined>;
  const webhookSecret = read.optionalString('NOTIFY_WEBHOOK_SECRET');
  if (webhookSecret !== undefined && (webhookSecret.length < 16 || webhookSecret.length > 200)) {
    read.problems.push('NOTIFY_WEBHOOK_SECRET must be 16 to 200 characters long');
  }
  const alertTypes = read.list('NOTIFY_ALERT_TYPES');
  for (const type of alertTypes) {
    if (!(ALERT_TYPES as readonly string[]).includes(type)) {
      read.problems.push(`NOTIFY_ALERT_TYPES entries must be among ${ALERT_TYPES.join(', ')} (got "${type}")`);
    }
  }
  return {
    timeoutMs: read.int('NOTIFY_TIMEOUT_MS', 10_000, 100, 120_000),
    backoffMs: read.int('NOTIFY_BACKOFF_MS', 1_000, 0, 600_000),
    allowedHosts,
    env: {
      webhookUrl: urls.NOTIFY_WEBHOOK_URL,
      webhookSecret,
      slackUrl: urls.NOTIFY_SLACK_WEBHOOK_URL,
      discordUrl: urls.NOTIFY_DISCORD_WEBHOOK_URL,
      minSeverity: read.oneOf('NOTIFY_MIN_SEVERITY', ALERT_SEVERITIES, 'info'),
      alertTypes: alertTypes.length > 0 ? (alertTypes as AlertType[]) : null,
    },
  };
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
    auth: {
      adminKeys: read.list('ADMIN_API_KEY'),
      ingestKeys: read.list('INGEST_API_KEYS'),
    },
    access: readAccessConfig(read),
    probing: {
      intervalMs: read.int('PROBE_INTERVAL_MS', 60_000, 0, 86_400_000),
      concurrency: read.int('PROBE_CONCURRENCY', 4, 1, 64),
      timeoutMs: read.int('PROVIDER_TIMEOUT_MS', 30_000, 100, 600_000),
      uptimeWindowHours: read.int('UPTIME_WINDOW_HOURS', 24, 1, 24 * 90),
      failureThreshold: read.int('FAILURE_THRESHOLD', 3, 1, 100),
      successThreshold: read.int('SUCCESS_THRESHOLD', 2, 1, 100),
      simulate: read.bool('SIMULATE_PROVIDERS', !isProduction),
      suitePath: read.optionalString('EVAL_SUITE_PATH'),
    },
    dcrs: {
      cron: cronOrOff(read.string('DCRS_CRON', '0 8 * * *')),
      timeZone: read.string('DCRS_TIMEZONE', 'Asia/Seoul'),
      concurrency: read.int('DCRS_CONCURRENCY', 4, 1, 64),
    },
    routing: {
      minUptime: read.number('ROUTING_MIN_UPTIME', 95, 0, 100),
      minMargin: read.number('ROUTING_MIN_MARGIN', 0.2, 0, 10),
      mode: read.oneOf('ROUTING_MODE', ['auto', 'recommend'] as const, 'auto'),
    },
    manualTest: {
      queueMax: read.int('MANUAL_TEST_QUEUE_MAX', 5, 0, 100),
    },
    realtime: {
      modelUpdateIntervalMs: read.int('MODEL_UPDATE_INTERVAL_MS', 5_000, 0, 86_400_000),
      neuralSignalIntervalMs: read.int('NEURAL_SIGNAL_INTERVAL_MS', 60_000, 0, 86_400_000),
    },
    alerts: {
      checkIntervalMs: read.int('ALERT_CHECK_INTERVAL_MS', 60_000, 0, 86_400_000),
      remindMinutes: read.int('ALERT_REMIND_MINUTES', 60, 0, 10_080),
      scoreDrop: read.number('ALERT_SCORE_DROP', 1, 0.1, 10),
    },
    notifications: readNotifications(read),
    providers: {
      env: providerVariables(env),
      allowedHosts: read.list('PROVIDER_ALLOWED_HOSTS').map((host) => host.toLowerCase()),
    },
    telemetry: readTelemetryConfig(read),
    proxy: readProxyConfig(read),
    cluster: readClusterConfig(read, url ? 'postgres' : 'sqlite'),
    resilience: readResilienceConfig(read),
    retention: readRetentionConfig(read),
    insight: readInsightConfig(read),
    cost: readCostConfig(read),
    dashboard: readDashboardConfig(read),
  };

  for (const origin of config.app.corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      read.problems.push(
        `CORS_ORIGINS entries must be "*" or an origin such as https://dash.example.com (got "${origin}")`,
      );
    }
  }
  if (!isValidTimeZone(config.dcrs.timeZone)) {
    read.problems.push(`DCRS_TIMEZONE must be an IANA time zone such as Asia/Seoul (got "${config.dcrs.timeZone}")`);
  }
  if (config.dcrs.cron !== null && !validateCronExpression(config.dcrs.cron).valid) {
    read.problems.push(`DCRS_CRON must be a cron expression such as "0 8 * * *", or off (got "${config.dcrs.cron}")`);
  }
  for (const [name, ms] of [
    ['MODEL_UPDATE_INTERVAL_MS', config.realtime.modelUpdateIntervalMs],
    ['NEURAL_SIGNAL_INTERVAL_MS', config.realtime.neuralSignalIntervalMs],
  ] as const) {
    if (ms > 0 && ms < 100) read.problems.push(`${name} must be 0 (off) or at least 100 (got "${ms}")`);
  }
  if (config.alerts.checkIntervalMs > 0 && config.alerts.checkIntervalMs < 100) {
    read.problems.push(
      `ALERT_CHECK_INTERVAL_MS must be 0 (off) or at least 100 (got "${config.alerts.checkIntervalMs}")`,
    );
  }
  if (config.auth.adminKeys.some((key) => key.length < 16)) {
    read.problems.push('ADMIN_API_KEY entries must be at least 16 characters long');
  }
  if (config.auth.ingestKeys.some((key) => key.length < 16)) {
    read.problems.push('INGEST_API_KEYS entries must be at least 16 characters long');
  }
  for (const [name, value] of Object.entries(config.providers.env)) {
    if (name.endsWith('_BASE_URL') && !/^https?:\/\/[^\s]+$/.test(value)) {
      read.problems.push(`${name} must be an http(s) URL`);
    }
  }
  if (read.problems.length > 0) throw new ConfigValidationError(read.problems);
  return config;
}
