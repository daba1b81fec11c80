// Everything applied to the Nest application after it is created: shared by main.ts and the
// e2e tests, so that tests exercise exactly what production serves.
import { ValidationPipe, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Server } from 'node:http';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { HttpErrorFilter } from './common/http-error.filter.js';
import type { AppConfig } from './config/app-config.js';
import { isCrossOriginAllowed } from './common/origin-policy.js';
import { RealtimeIoAdapter } from './realtime/realtime-io.adapter.js';

const REDOC_SCRIPT = 'https://cdn.redoc.ly/redoc/v2.5.1/bundles/redoc.standalone.js';

export function configureApp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  app.useLogger(app.get(Logger));
  express.disable('x-powered-by');
  express.set('trust proxy', 'loopback');
  express.useBodyParser('json', { limit: '256kb' });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", 'https://cdn.redoc.ly'],
          styleSrc: ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
          fontSrc: ["'self'", 'https://fonts.gstatic.com', 'data:'],
          imgSrc: ["'self'", 'data:', 'https://cdn.redoc.ly'],
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
    allowedHeaders: ['Content-Type', 'Authorization', 'X-API-Key', 'Idempotency-Key'],
  });
  app.useGlobalPipes(
    new ValidationPipe({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
      transformOptions: { enableImplicitConversion: false },
    }),
  );
  app.useGlobalFilters(new HttpErrorFilter());
  // Socket.io on the HTTP server, under the same CORS_ORIGINS rule; the raw /ws endpoint attaches itself.
  app.useWebSocketAdapter(new RealtimeIoAdapter(app.getHttpServer() as Server, config));
  app.enableShutdownHooks();
  setUpApiDocs(express, config);
}

function setUpApiDocs(app: NestExpressApplication, config: AppConfig): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('SHawn-Brain Neural Dashboard API')
      .setDescription('Provider uptime, latency, answer quality, routing and cartridges on one live timeline.')
      .setVersion(config.app.version)
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'One of ADMIN_API_KEY' }, 'admin-key')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  const redoc = `<!DOCTYPE html>
<html><head><title>SHawn-Brain API - ReDoc</title><meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><redoc spec-url="/docs-json"></redoc><script src="${REDOC_SCRIPT}"></script></body></html>`;
  app
    .getHttpAdapter()
    .getInstance()
    .get('/redoc', (_req: Request, res: Response) => {
      res.type('html').send(redoc);
    });
}
