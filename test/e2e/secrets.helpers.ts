// Where a secret turned up after a scenario: which response bodies, log lines and table columns hold
// it. The secrets specs expect none, or for a channel's own URL and secret, only the column that keeps it.
import type { DataSource } from 'typeorm';

export interface Scene {
  /** Every response body the scenario received. */
  bodies: readonly string[];
  /** The log lines written during the scenario. */
  logs: readonly string[];
  dataSource: DataSource;
}

export interface SecretPlaces {
  responses: number;
  logLines: number;
  /** `table.column` for every column of every row that holds it, without repeats. */
  columns: string[];
}

export async function placesOf(secret: string, scene: Scene): Promise<SecretPlaces> {
  const columns = new Set<string>();
  for (const [table, rows] of Object.entries(await allRows(scene.dataSource))) {
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (JSON.stringify(value ?? null).includes(secret)) columns.add(`${table}.${column}`);
      }
    }
  }
  return {
    responses: scene.bodies.filter((body) => body.includes(secret)).length,
    logLines: scene.logs.filter((line) => line.includes(secret)).length,
    columns: [...columns].sort(),
  };
}

/** The levels of the log lines (pino's numbers: 20 debug, 30 info, 40 warn, 50 error). */
export function logLevels(lines: readonly string[]): Set<number> {
  return new Set(lines.map((line) => (JSON.parse(line) as { level: number }).level));
}

/** Every row of every table. */
export async function allRows(dataSource: DataSource): Promise<Record<string, Record<string, unknown>[]>> {
  const tables: { name: string }[] =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`)
      : await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table'`);
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const { name } of tables) rows[name] = await dataSource.query(`SELECT * FROM "${name}"`);
  return rows;
}
