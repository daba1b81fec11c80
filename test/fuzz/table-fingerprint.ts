// Something per table that changes whenever a row is inserted, updated or deleted, read in one query so
// that it can be taken after every fuzzed request (a dump of every row grew too slow as runs added
// history). PostgreSQL: the row count and the newest xmin (the transaction that last wrote a row).
// SQLite: the row count and the largest rowid per table, and total_changes(), which counts every row
// the app's one connection inserted, updated or deleted.
import type { DataSource } from 'typeorm';

export type Fingerprint = Record<string, string>;

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (name: string): string => `'${name.replace(/'/g, "''")}'`;

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`)
      : await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table'`);
  return rows.map((row) => row.name).sort();
}

/** The query that reads every table's fingerprint; the tables are listed once, they do not change. */
export async function fingerprintQuery(dataSource: DataSource): Promise<string> {
  const postgres = dataSource.options.type === 'postgres';
  const parts = (await tableNames(dataSource)).map((name) =>
    postgres
      ? `SELECT ${literal(name)} AS name, COUNT(*)::text || '/' || COALESCE(MAX(xmin::text::bigint), 0)::text AS state FROM ${quote(name)}`
      : `SELECT ${literal(name)} AS name, COUNT(*) || '/' || COALESCE(MAX(rowid), 0) AS state FROM ${quote(name)}`,
  );
  if (!postgres)
    parts.push(`SELECT '(rows changed on the connection)' AS name, CAST(total_changes() AS TEXT) AS state`);
  return parts.join(' UNION ALL ');
}

export async function readFingerprint(dataSource: DataSource, query: string): Promise<Fingerprint> {
  const rows: { name: string; state: string | number }[] = await dataSource.query(query);
  return Object.fromEntries(rows.map((row) => [row.name, String(row.state)]));
}

/** One line per table whose fingerprint moved. */
export function fingerprintChanges(before: Fingerprint, after: Fingerprint): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table}: ${before[table] ?? 'absent'} -> ${after[table] ?? 'absent'}`);
}
