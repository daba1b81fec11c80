// Builds and opens the TypeORM DataSource for either engine. The schema only ever comes from the
// committed migrations of that engine; synchronize stays off.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { AppConfig } from '../config/app-config.js';
import { POSTGRES_MIGRATIONS } from './migrations/postgres/index.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';

export type DatabaseSettings = Pick<AppConfig['database'], 'engine' | 'url' | 'path'>;

/**
 * Every entity file beside this layer (src/ under ts-jest, dist/src/ once compiled), for the tools
 * that open a DataSource outside Nest (TypeORM CLI, migration generator, bench, schema test): the
 * database layer names no feature. The application instead lets each module register its own.
 */
export const ENTITY_FILES = join(dirname(fileURLToPath(import.meta.url)), '..', '**', '*.entity.{ts,js}');

/** `entities`: the glob by default; the Nest app passes none and sets autoLoadEntities. */
export function buildDataSourceOptions(
  settings: DatabaseSettings,
  entities: DataSourceOptions['entities'] = [ENTITY_FILES],
): DataSourceOptions {
  const common = {
    entities,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    logging: false,
  } as const;
  if (settings.engine === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: settings.url,
      migrations: POSTGRES_MIGRATIONS,
      extra: { max: 10, connectionTimeoutMillis: 5000, application_name: 'shawn-brain-api' },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: settings.path,
    migrations: SQLITE_MIGRATIONS,
    enableWAL: settings.path !== ':memory:',
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}

/**
 * Entities declare timestamps as `Date`; TypeORM maps that to `timestamp without time zone` on
 * PostgreSQL, which silently depends on the server's time zone. Store instants as timestamptz.
 */
function storeDatesAsTimestamptz(dataSource: DataSource): void {
  const driver = dataSource.driver;
  const normalize = driver.normalizeType.bind(driver);
  driver.normalizeType = (column: Parameters<typeof normalize>[0]) =>
    (column as Partial<ColumnMetadata>).type === Date ? 'timestamp with time zone' : normalize(column);
}

/** A DataSource configured for the engine, not yet connected. */
export function createDataSource(options: DataSourceOptions): DataSource {
  if (options.type === 'better-sqlite3' && options.database !== ':memory:') {
    mkdirSync(dirname(options.database), { recursive: true });
  }
  const dataSource = new DataSource(options);
  if (options.type === 'postgres') storeDatesAsTimestamptz(dataSource);
  return dataSource;
}

/**
 * Key of the PostgreSQL advisory lock held while migrations run (an arbitrary constant; advisory
 * locks are per database, so it only meets instances on the same database).
 */
export const MIGRATION_LOCK_KEY = 727_001;

/**
 * Applies pending migrations. On PostgreSQL several instances may start together on one database:
 * each waits for a session advisory lock first, so one applies them and the others then find none
 * pending. The lock is tied to its connection, so an instance killed mid-way releases it.
 */
async function runMigrationsOnce(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** Connects and applies any pending migrations. */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  try {
    await runMigrationsOnce(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
