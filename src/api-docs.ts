// The OpenAPI document and the pages that show it. The same document is committed as openapi.json
// (scripts/write-openapi.ts) and a test fails when the served one drifts from it, so it must not
// depend on the environment, the port, the database engine or the time.
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AppConfig } from './config/app-config.js';

/**
 * ReDoc's browser bundle comes from the installed `redoc` package (a production dependency), served
 * by us: /redoc then works on a closed network, and the CSP allows no other origin. Its URL carries
 * the package's version, so browsers may keep it for a year.
 */
const requireFromHere = createRequire(import.meta.url);
const REDOC_BUNDLE = requireFromHere.resolve('redoc/bundles/redoc.standalone.js');
const REDOC_VERSION = (
  JSON.parse(readFileSync(requireFromHere.resolve('redoc/package.json'), 'utf8')) as { version: string }
).version;
export const REDOC_SCRIPT_PATH = `/redoc/${REDOC_VERSION}/redoc.standalone.js`;

/** Every tag a controller uses, declared once with what it groups. */
const API_TAGS: readonly (readonly [name: string, description: string])[] = [
  ['system', 'Service banner and health check.'],
  ['models', 'The monitored LLM models: current score, latency, uptime and status; admins add and change them.'],
  ['metrics', 'Measured calls (probes, evaluations, demo history) per model.'],
  ['probing', 'Provider configuration, and probing or evaluating one model on demand.'],
  ['dcrs', 'The daily evaluation run (DCRS) that scores every model and drives routing.'],
  ['routing', 'Which model the brain routes to now, and every change of it.'],
  ['costs', 'What the measured calls cost: prices per model, totals, cost per call and per quality point.'],
  ['cartridges', 'Domain pipelines that depend on the models: status, executions, check sets, worker reports.'],
  ['manual-test', 'Evaluation runs on chosen models, started by hand.'],
  ['alerts', 'Alerts raised by the rules (model down, score drop, stale cartridge, ...).'],
  ['notifications', 'Channels (webhook, Slack, Discord) that alerts are sent to, and their delivery log.'],
  ['maintenance', 'Planned maintenance windows: probes inside them count neither in uptime nor toward alerts.'],
  ['slo', 'Service level objectives per model: error budgets, burn rates, monthly reports.'],
];

const SENT_AS = 'Sent as `X-API-Key: <key>` or `Authorization: Bearer <key>`.';

/** The API keys, one scheme per kind; an operation lists the ones that it accepts. */
const KEY_SCHEMES: readonly (readonly [name: string, description: string])[] = [
  ['admin-key', `One of ADMIN_API_KEY: may do everything. ${SENT_AS}`],
  [
    'read-key',
    `One of READ_API_KEY. Needed by the read operations (and the realtime sockets) only while READ_API_KEY is ` +
      `set; unset, reads are open. ${SENT_AS}`,
  ],
  ['ingest-key', `One of INGEST_API_KEYS: may only post cartridge results. ${SENT_AS}`],
];

export function createApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('SHawn-Brain Neural Dashboard API')
    .setDescription('Provider uptime, latency, answer quality, routing and cartridges on one live timeline.')
    .setVersion(config.app.version)
    // package.json's license; npm's page says what UNLICENSED means (no rights granted).
    .setLicense('UNLICENSED', 'https://docs.npmjs.com/cli/configuring-npm/package-json#license')
    // Relative on purpose: the document is the same whatever host or PORT serves it.
    .addServer('/', 'The server that serves this document');
  for (const [name, description] of KEY_SCHEMES) {
    builder.addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description }, name);
  }
  for (const [name, description] of API_TAGS) builder.addTag(name, description);
  return SwaggerModule.createDocument(app, builder.build());
}

export function setUpApiDocs(app: NestExpressApplication, config: AppConfig): void {
  SwaggerModule.setup('docs', app, createApiDocument(app, config), { jsonDocumentUrl: 'docs-json' });
  const redoc = `<!DOCTYPE html>
<html><head><title>SHawn-Brain API - ReDoc</title><meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><redoc spec-url="/docs-json"></redoc><script src="${REDOC_SCRIPT_PATH}"></script></body></html>`;
  const express = app.getHttpAdapter().getInstance();
  express.get('/redoc', (_req: Request, res: Response) => {
    res.type('html').send(redoc);
  });
  express.get(REDOC_SCRIPT_PATH, (_req: Request, res: Response) => {
    res.sendFile(REDOC_BUNDLE, { maxAge: '365d', immutable: true });
  });
}
