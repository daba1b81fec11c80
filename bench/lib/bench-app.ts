// The real application for a scenario: production settings, a scratch database (a SQLite file, or a
// PostgreSQL database made next to BENCH_DATABASE_URL), listening on a free loopback port. With
// `baseline`, the same app also serves GET /bench/baseline: an empty handler behind the same middleware,
// guards and pipes, sending bytes the scenario sets (the "empty Nest 12 + Express handler" of the issue).
import 'reflect-metadata';
import { Controller, Get, Module, Res, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/app.setup.js';
import { RequiresAccess } from '../../src/auth/access.decorator.js';
import { parseAppConfig, type AppConfig } from '../../src/config/app-config.js';
import { createScratchPostgres } from '../../scripts/scratch-postgres.js';

export const BASELINE_PATH = '/bench/baseline';

/** What GET /bench/baseline sends. */
export const baselineBody: { bytes: Buffer; etag: string } = { bytes: Buffer.from('{}'), etag: '"0"' };

@Controller('bench')
class BaselineController {
  @Get('baseline')
  @RequiresAccess('read')
  baseline(@Res() response: Response): void {
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('ETag', baselineBody.etag);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', baselineBody.bytes.length);
    response.status(200).end(baselineBody.bytes);
  }
}

@Module({})
class BenchAppModule {
  static forRoot(config: AppConfig, baseline: boolean): DynamicModule {
    return {
      module: BenchAppModule,
      imports: [AppModule.forRoot(config)],
      controllers: baseline ? [BaselineController] : [],
    };
  }
}

export interface BenchApp {
  app: NestExpressApplication;
  url: string;
  config: AppConfig;
  close(): Promise<void>;
}

export interface BenchAppOptions {
  env?: Record<string, string>;
  /** A PostgreSQL administrative URL: the app gets a scratch database there; else a SQLite file. */
  postgresUrl?: string;
  baseline?: boolean;
}

export async function startBenchApp(options: BenchAppOptions = {}): Promise<BenchApp> {
  const dir = mkdtempSync(join(tmpdir(), 'shawn-bench-'));
  const scratch = options.postgresUrl ? await createScratchPostgres(options.postgresUrl) : null;
  const config = parseAppConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: '0',
    SEED_DEMO_DATA: 'true',
    SIMULATE_PROVIDERS: 'true',
    PROBE_INTERVAL_MS: '0',
    DCRS_CRON: 'off',
    MODEL_UPDATE_INTERVAL_MS: '0',
    NEURAL_SIGNAL_INTERVAL_MS: '0',
    // Load clients send tens of thousands of requests: the limiter runs on each and never refuses.
    RATE_LIMIT_READS: '0',
    RATE_LIMIT_WRITES: '0',
    ...(scratch ? { DATABASE_URL: scratch.url } : { DATABASE_PATH: join(dir, 'bench.sqlite') }),
    ...options.env,
  });
  const app = await NestFactory.create<NestExpressApplication>(
    BenchAppModule.forRoot(config, options.baseline ?? false),
    {
      logger: ['error', 'warn'],
    },
  );
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    config,
    async close() {
      await app.close();
      await scratch?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Adds models until the app lists `total` (seed models count), all of `apiType`, with believable state. */
export async function growModels(bench: BenchApp, total: number, apiType = 'openai'): Promise<void> {
  const { ModelsRepository } = await import('../../src/models/models.repository.js');
  const { ModelListSnapshots } = await import('../../src/models/model-list.snapshot.js');
  const models = bench.app.get(ModelsRepository);
  const existing = (await models.findAllOrdered()).length;
  for (let i = existing; i < total; i++) {
    await models.create({
      name: `bench-model-${String(i).padStart(5, '0')}`,
      apiType,
      providerModel: `bench-${i}`,
      baseUrl: null,
      enabled: true,
      status: 'healthy',
      updatedAt: new Date(),
      lastScore: 8 + (i % 20) / 10,
      responseTime: 800 + ((i * 37) % 1500),
      uptimePercent: 99 + (i % 10) / 10,
    });
  }
  bench.app.get(ModelListSnapshots).invalidate();
}
