// Several instances started together on an empty database: one applies the migrations under the
// lock, the others wait for it and then find nothing pending; all of them serve.
import { createScratchPostgres } from '../../scripts/scratch-postgres.js';
import { buildDataSourceOptions, openDataSource } from '../../src/database/data-source.js';
import { POSTGRES_MIGRATIONS } from '../../src/database/migrations/postgres/index.js';
import { instancesDatabase, startInstance, stopInstances } from '../setup/instances.js';

afterAll(() => stopInstances());

describe('migrations when several instances start together', () => {
  it('run once, and both instances become ready', async () => {
    const [a, b] = await Promise.all([startInstance({ name: 'a' }), startInstance({ name: 'b' })]);

    const database = await instancesDatabase();
    const { rows } = await database.query<{ name: string; times: string }>(
      'SELECT name, count(*) AS times FROM schema_migrations GROUP BY name',
    );
    expect(rows).toHaveLength(POSTGRES_MIGRATIONS.length);
    expect(rows.every((row) => row.times === '1')).toBe(true);
    for (const instance of [a, b]) {
      const ready = await fetch(`${instance.url}/api/health/ready`);
      expect(ready.status).toBe(200);
    }
    expect([...a.lines, ...b.lines].join('\n')).not.toMatch(/already exists|duplicate key/i);
  }, 120_000);

  // Processes seldom reach the migrations at the same instant; data sources opened side by side do.
  it('are applied once when three data sources open the same empty database at the same moment', async () => {
    const scratch = await createScratchPostgres(process.env['TEST_DATABASE_URL']!);
    try {
      const options = buildDataSourceOptions({ engine: 'postgres', url: scratch.url, path: '' });
      const opened = await Promise.allSettled([1, 2, 3].map(() => openDataSource(options)));
      const failures = opened.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
      await Promise.all(opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value.destroy()] : [])));
      expect(failures).toEqual([]);
    } finally {
      await scratch.drop();
    }
  }, 60_000);
});
