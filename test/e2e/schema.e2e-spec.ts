// The committed migrations must produce exactly the schema the entities describe, on both engines, and
// each migration's down must take the schema back to what it was before its up.
import type { DataSource, DataSourceOptions, MigrationInterface } from 'typeorm';
import {
  buildDataSourceOptions,
  createDataSource,
  openDataSource,
  type DatabaseSettings,
} from '../../src/database/data-source.js';
import { entityClasses } from '../setup/entity-classes.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';

type MigrationClass = new () => MigrationInterface;

function settingsOf(database: TestDatabase): DatabaseSettings {
  return database.engine === 'postgres'
    ? { engine: 'postgres', url: database.env['DATABASE_URL'], path: '' }
    : { engine: 'sqlite', path: database.env['DATABASE_PATH'] };
}

/** Tables, columns, constraints and indexes as the engine's own catalogue states them (not migration history). */
async function schemaOf(dataSource: DataSource): Promise<unknown[]> {
  if (dataSource.options.type === 'postgres') {
    return [
      await dataSource.query(
        `SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`,
      ),
      await dataSource.query(
        `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
      ),
      await dataSource.query(
        `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`,
      ),
      await dataSource.query(
        `SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         WHERE t.typnamespace = 'public'::regnamespace ORDER BY 1, e.enumsortorder`,
      ),
      await dataSource.query(
        `SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public' ORDER BY 1`,
      ),
    ];
  }
  const rows: { type: string; name: string; tbl_name: string; sql: string | null }[] = await dataSource.query(
    `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`,
  );
  return rows.map((row) => ({ ...row, sql: row.sql?.replace(/\s+/g, ' ').trim() ?? null }));
}

/** Connects with only the first `count` migrations known, applies the pending ones, and reads the schema. */
async function schemaAfter(options: DataSourceOptions, count: number): Promise<unknown[]> {
  const migrations = (options.migrations as MigrationClass[]).slice(0, count);
  const dataSource = createDataSource({ ...options, migrations });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    return await schemaOf(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

describe('migrations and entities', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('each migration, undone from the last to the first, leaves the schema as it was before it ran; then all run again', async () => {
    const options = buildDataSourceOptions(settingsOf(database), await entityClasses());
    const migrations = options.migrations as MigrationClass[];
    expect(migrations.length).toBeGreaterThan(1);
    // Up one at a time: the schema before any migration (only the migrations table), then after each.
    const before: unknown[][] = [];
    for (let count = 0; count <= migrations.length; count++) before.push(await schemaAfter(options, count));
    expect(new Set(before.map((schema) => JSON.stringify(schema))).size).toBe(migrations.length + 1);

    const dataSource = createDataSource(options);
    await dataSource.initialize();
    try {
      for (let count = migrations.length; count > 0; count--) {
        const name = migrations[count - 1].name;
        await dataSource.undoLastMigration({ transaction: 'each' });
        expect([`${name} down`, await schemaOf(dataSource)]).toEqual([`${name} down`, before[count - 1]]);
      }
      await dataSource.runMigrations({ transaction: 'each' });
      expect(await schemaOf(dataSource)).toEqual(before[migrations.length]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('after every migration has run, the entities need no further schema change', async () => {
    const dataSource = await openDataSource(buildDataSourceOptions(settingsOf(database), await entityClasses()));
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      const tables = (await dataSource.createQueryRunner().getTables()).map((t) => t.name.replace(/^public\./, ''));
      expect(tables).toEqual(
        expect.arrayContaining(['models', 'daily_metrics', 'dcrs_logs', 'cartridges', 'cartridge_executions']),
      );
      // The entity glob found an entity for every migrated table, so the comparison above covered them all.
      const entityTables = dataSource.entityMetadatas.map((m) => m.tableName).sort();
      const bookkeeping = ['schema_migrations', 'sqlite_sequence'];
      const migratedTables = tables.filter((name) => !name.includes('.') && !bookkeeping.includes(name));
      expect(entityTables).toEqual(migratedTables.sort());
    } finally {
      await dataSource.destroy();
    }
  });
});
