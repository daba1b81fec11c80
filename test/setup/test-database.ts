// A fresh database for each test file: a temporary SQLite file, or a scratch PostgreSQL database
// next to TEST_DATABASE_URL when the e2e-postgres project runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchPostgres } from '../../scripts/scratch-postgres.js';

export type TestEngine = 'sqlite' | 'postgres';

export interface TestDatabase {
  engine: TestEngine;
  /** Environment variables that point the app at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export function testEngine(): TestEngine {
  return process.env['TEST_DB_ENGINE'] === 'postgres' ? 'postgres' : 'sqlite';
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testEngine() === 'postgres') {
    const scratch = await createScratchPostgres(process.env['TEST_DATABASE_URL']!);
    return { engine: 'postgres', env: { DATABASE_URL: scratch.url }, drop: () => scratch.drop() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'shawn-test-'));
  return {
    engine: 'sqlite',
    env: { DATABASE_PATH: join(dir, 'test.sqlite') },
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}
