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

/** Connects and applies any pending migrations. */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
