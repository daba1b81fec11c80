// The committed migrations must produce exactly the schema the entities describe, on both engines.
import { buildDataSourceOptions, openDataSource } from '../../src/database/data-source.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';

describe('migrations and entities', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('after every migration has run, the entities need no further schema change', async () => {
    const settings =
      database.engine === 'postgres'
        ? { engine: 'postgres' as const, url: database.env['DATABASE_URL'], path: '' }
        : { engine: 'sqlite' as const, path: database.env['DATABASE_PATH'] };
    const dataSource = await openDataSource(buildDataSourceOptions(settings));
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
