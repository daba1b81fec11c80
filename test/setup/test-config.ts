// The configuration every test starts from: no demo data, nothing scheduled, on its own test database.
import { parseAppConfig, type AppConfig } from '../../src/config/app-config.js';
import type { TestDatabase } from './test-database.js';

export function testConfig(database: TestDatabase, env: Record<string, string> = {}): AppConfig {
  return parseAppConfig({
    NODE_ENV: 'test',
    SEED_DEMO_DATA: 'false',
    PROBE_INTERVAL_MS: '0',
    DCRS_CRON: 'off',
    // Backfill and retention run when a test asks (RollupMaintenanceService.run()).
    RETENTION_INTERVAL_MS: '0',
    LOG_LEVEL: 'info',
    PORT: '0',
    HOST: '127.0.0.1',
    // Every test runs from 127.0.0.1: limits high enough that no test is throttled, yet the limiter
    // (and its headers) still runs on every request. Rate-limit tests set their own.
    RATE_LIMIT_READS: '10000',
    RATE_LIMIT_WRITES: '10000',
    ...database.env,
    ...env,
  });
}
