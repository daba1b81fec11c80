// Boots the real application (same module, same setup as main.ts) on a fresh database.
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/app.setup.js';
import { FixedClock, SystemClock, type Clock } from '../../src/common/clock.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { testConfig } from './test-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/**
 * nestjs-pino keeps one pino instance per process (the first app's), so every test app in a
 * file writes to this one sink; tests read it back to check what was logged.
 */
export const CAPTURED_LOGS: string[] = [];
const LOG_SINK = { write: (line: string) => CAPTURED_LOGS.push(line) };

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: Clock;
  /** Reuse a database (to test restarts); it is then not dropped on close. */
  database?: TestDatabase;
  listen?: boolean;
  /** With listen: the port (default: any free one), e.g. to start again where a closed app was. */
  port?: number;
}

export interface TestApp {
  app: INestApplication;
  server: Server;
  config: AppConfig;
  dataSource: DataSource;
  database: TestDatabase;
  /** Every log line written in this test file so far. */
  logs: string[];
  /** Base URL when started with listen: true. */
  url: string;
  close(): Promise<void>;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  try {
    return await boot(database, options);
  } catch (error) {
    if (!options.database) await database.drop();
    throw error;
  }
}

async function boot(database: TestDatabase, options: TestAppOptions): Promise<TestApp> {
  const config = testConfig(database, options.env);
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.forRoot(config, {
        clock: options.clock ?? new SystemClock(),
        logDestination: LOG_SINK,
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureApp(app, config);
  let url = '';
  if (options.listen) {
    await app.listen(options.port ?? 0, '127.0.0.1');
    const address = (app.getHttpServer() as Server).address();
    if (address && typeof address === 'object') url = `http://127.0.0.1:${address.port}`;
  } else {
    await app.init();
  }
  return {
    app,
    server: app.getHttpServer() as Server,
    config,
    dataSource: app.get(DataSource),
    database,
    logs: CAPTURED_LOGS,
    url,
    async close() {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}

export const FIXED_NOW = new Date('2026-02-01T08:00:00.000Z');

export function fixedClock(at: Date = FIXED_NOW): FixedClock {
  return new FixedClock(at);
}
