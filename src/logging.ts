// Structured logs with pino: pretty in development, JSON lines otherwise. Secrets are redacted
// from request logs before they are written. Every line written while serving a request carries
// its request_id (common/request-id.ts).
import { createRequire } from 'node:module';
import type { Params } from 'nestjs-pino';
import { assignRequestId } from './common/request-id.js';
import type { AppConfig } from './config/app-config.js';

export interface LogDestination {
  write(line: string): unknown;
}

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'apiKey',
  '*.apiKey',
  'settings.apiKey',
];

/** Requests that are served but not logged. */
export const QUIET_PATHS: ReadonlySet<string> = new Set([
  '/api/health',
  '/api/health/live',
  '/api/health/ready',
  '/metrics',
]);

export function loggerOptions(config: AppConfig, destination?: LogDestination): Params {
  const pretty = config.log.pretty && !destination && prettyPrinterInstalled();
  return {
    pinoHttp: [
      {
        level: config.log.level,
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        // Probes and scrapes come every few seconds: a line for each would drown the rest.
        autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?', 1)[0]) },
        // The id is normally set by the first middleware already; this covers a request that skipped it.
        genReqId: (req, res) => assignRequestId(req, res),
        customProps: (req) => ({ service: 'shawn-brain-api', request_id: req.id }),
        ...(pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true, colorize: true } } } : {}),
      },
      ...(destination ? [destination as NodeJS.WritableStream] : []),
    ] as Params['pinoHttp'],
  };
}

/** pino-pretty is a development dependency: an install without it (npm ci --omit=dev) logs JSON lines. */
function prettyPrinterInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}
