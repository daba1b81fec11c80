// Everything applied to the Nest application after it is created: shared by main.ts and the
// e2e tests, so that tests exercise exactly what production serves.
import { ValidationPipe, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { setUpApiDocs } from './api-docs.js';
import { serveDashboard } from './dashboard/dashboard-static.js';
import { closeConnectionsOnStop } from './common/http-drain.js';
import { RedisConnection } from './cluster/redis.connection.js';
import { HttpErrorFilter } from './common/http-error.filter.js';
import { REQUEST_ID_HEADER, requestIdMiddleware } from './common/request-id.js';
import { InputLimitsPipe } from './common/input-limits.pipe.js';
import { ShutdownState } from './common/shutdown-state.js';
import { DatabaseAvailability } from './database/database-availability.js';
import type { AppConfig } from './config/app-config.js';
import { isCrossOriginAllowed } from './common/origin-policy.js';
import { RealtimeIoAdapter } from './realtime/realtime-io.adapter.js';
import { httpMetricsMiddleware } from './telemetry/http-metrics.middleware.js';
import { TelemetryMetrics } from './telemetry/telemetry.metrics.js';

export function configureApp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  // First, before the body parser: every request gets an id and is timed, even one refused early.
  app.use(requestIdMiddleware);
  app.use(httpMetricsMiddleware(app.get(TelemetryMetrics)));
  app.use(closeConnectionsOnStop(app.get(ShutdownState)));
  app.useLogger(app.get(Logger));
  express.disable('x-powered-by');
  express.set('trust proxy', config.proxy.trustProxy);
  express.useBodyParser('json', { limit: '256kb' });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Nothing from elsewhere: the docs pages work on a closed network (api-docs.ts).
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          fontSrc: ["'self'", 'data:'],
          imgSrc: ["'self'", 'data:'],
          workerSrc: ["'self'", 'blob:'],
          connectSrc: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.enableCors({
    // The same rule as the WebSocket transports (see common/origin-policy.ts).
    origin: (origin: string | undefined, allow: (error: Error | null, allowed?: boolean) => void) =>
      allow(null, origin === undefined || isCrossOriginAllowed(origin, config.app)),
    methods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-API-Key', 'Idempotency-Key', REQUEST_ID_HEADER],
    // A browser page may read the request id and the rate limiter's answer (not CORS-safelisted).
    exposedHeaders: [REQUEST_ID_HEADER, 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
  });
  app.useGlobalPipes(
    new InputLimitsPipe(),
    new ValidationPipe({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
      transformOptions: { enableImplicitConversion: false },
    }),
  );
  app.useGlobalFilters(new HttpErrorFilter(app.get(DatabaseAvailability)));
  // Socket.io on the HTTP server, under the same CORS_ORIGINS rule; the raw /ws endpoint attaches itself.
  app.useWebSocketAdapter(new RealtimeIoAdapter(app.getHttpServer() as Server, config, app.get(RedisConnection)));
  // SIGTERM and SIGINT are main.ts's (common/stop-signals.ts): tests close their apps themselves.
  setUpApiDocs(express, config);
  serveDashboard(express, config.dashboard, app.get(Logger));
}
