// Writes openapi.json, the committed API contract: `npm run openapi`. A test fails when the document the
// app serves at /docs-json differs from this file, so every API change shows in review.
// The modules are built on a throwaway SQLite file and never initialised: no scheduler, seed or listener
// runs, and the settings are fixed here rather than read from the environment.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiDocument } from '../src/api-docs.js';
import { AppModule } from '../src/app.module.js';
import { parseAppConfig } from '../src/config/app-config.js';

const OUTPUT = fileURLToPath(new URL('../../openapi.json', import.meta.url));

const TOP_LEVEL_ORDER = ['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components'];

function sortedByKey<T>(map: Record<string, T> | undefined): Record<string, T> | undefined {
  return map && Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Paths and schemas by name, so the file does not churn when a controller or module moves; everything
 * else in the order Nest builds it (operations' keys are sorted, properties keep the DTO's order).
 * The test compares the served document with this file as data, so order never fails it.
 */
function stableOrder(document: OpenAPIObject): Record<string, unknown> {
  const ordered: Record<string, unknown> = {
    ...document,
    paths: sortedByKey(document.paths),
    components: { ...document.components, schemas: sortedByKey(document.components?.schemas) },
  };
  const rank = (key: string) => (TOP_LEVEL_ORDER.includes(key) ? TOP_LEVEL_ORDER.indexOf(key) : TOP_LEVEL_ORDER.length);
  return Object.fromEntries(Object.entries(ordered).sort(([a], [b]) => rank(a) - rank(b)));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'shawn-openapi-'));
  try {
    const config = parseAppConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_PATH: join(dir, 'openapi.sqlite'),
      SEED_DEMO_DATA: 'false',
      PROBE_INTERVAL_MS: '0',
      DCRS_CRON: 'off',
    });
    const app = await NestFactory.create(AppModule.forRoot(config), { logger: false });
    try {
      const document = createApiDocument(app, config);
      writeFileSync(OUTPUT, `${JSON.stringify(stableOrder(document), null, 2)}\n`);
      process.stdout.write(`wrote ${OUTPUT}\n`);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to write openapi.json: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
