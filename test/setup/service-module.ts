// The middle tier of tests: feature modules with their real repositories on a fresh database (migrations
// applied, the seed's models and cartridges in place), a clock the test moves, and no HTTP. Built from
// the feature modules themselves rather than hand-listed providers, so that a service may change what
// it injects without touching the tests.
import 'reflect-metadata';
import type { Abstract, DynamicModule, LoggerService, Type } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ClusterModule } from '../../src/cluster/cluster.module.js';
import type { FixedClock } from '../../src/common/clock.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { ConfigModule } from '../../src/config/config.module.js';
import { DatabaseModule } from '../../src/database/database.module.js';
import { SeedModule } from '../../src/seed/seed.module.js';
import { EventsModule } from '../../src/events/events.module.js';
import { fixedClock } from './test-app.js';
import { testConfig } from './test-config.js';
import { createTestDatabase } from './test-database.js';

export interface ServiceModuleOptions {
  /** The feature modules under test; each brings what it depends on. */
  imports: (Type | DynamicModule)[];
  env?: Record<string, string>;
  /** Defaults to a clock standing at FIXED_NOW. */
  clock?: FixedClock;
}

export interface LoggedLine {
  level: 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';
  /** What was logged, then the optional parameters (the logger's context last). */
  parts: unknown[];
}

export interface ServiceModule {
  module: TestingModule;
  get<T>(type: Type<T> | Abstract<T>): T;
  dataSource: DataSource;
  config: AppConfig;
  clock: FixedClock;
  /** Every line the services logged (nothing is printed). */
  logs: LoggedLine[];
  close(): Promise<void>;
}

export async function startServiceModule(options: ServiceModuleOptions): Promise<ServiceModule> {
  const database = await createTestDatabase();
  const clock = options.clock ?? fixedClock();
  const logs: LoggedLine[] = [];
  try {
    // Periodic sweeps stay off: a service test calls what it exercises.
    const config = testConfig(database, { ALERT_CHECK_INTERVAL_MS: '0', ...options.env });
    const module = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config, clock),
        EventEmitterModule.forRoot(),
        ScheduleModule.forRoot(),
        ClusterModule,
        EventsModule,
        DatabaseModule,
        SeedModule,
        ...options.imports,
      ],
    })
      .setLogger(capturingLogger(logs))
      .compile();
    try {
      await module.init();
    } catch (error) {
      await module.close().catch(() => undefined);
      throw error;
    }
    return {
      module,
      get: (type) => module.get(type),
      dataSource: module.get(DataSource),
      config,
      clock,
      logs,
      async close() {
        try {
          await module.close();
        } finally {
          await database.drop();
        }
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

function capturingLogger(logs: LoggedLine[]): LoggerService {
  const line =
    (level: LoggedLine['level']) =>
    (...parts: unknown[]): void => {
      logs.push({ level, parts });
    };
  return {
    log: line('log'),
    error: line('error'),
    warn: line('warn'),
    debug: line('debug'),
    verbose: line('verbose'),
    fatal: line('fatal'),
  };
}
