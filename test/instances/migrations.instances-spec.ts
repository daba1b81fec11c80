// Two instances started together on an empty database: one applies the migrations under the lock,
// the other waits for it and then finds nothing pending; both serve.
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
});
