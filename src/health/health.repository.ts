import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How long a health query may take before the database counts as not answering. */
const QUERY_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, timeoutMs: number, onTimeout: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

@Injectable()
export class HealthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** True when the database answers a trivial query within the time limit. */
  async databaseAnswers(timeoutMs = QUERY_TIMEOUT_MS): Promise<boolean> {
    if (!this.dataSource.isInitialized) return false;
    const ping = this.dataSource
      .query('SELECT 1 AS ok')
      .then(() => true)
      .catch(() => false);
    return withTimeout(ping, timeoutMs, false);
  }

  /**
   * The migrations this build ships that the database has not recorded, or null when the migrations
   * table cannot be read. Read-only on purpose: TypeORM's showMigrations() would create a missing table.
   */
  async pendingMigrations(timeoutMs = QUERY_TIMEOUT_MS): Promise<string[] | null> {
    const table = this.dataSource.driver.escape(this.dataSource.options.migrationsTableName ?? 'migrations');
    const read = this.dataSource
      .query<{ name: string }[]>(`SELECT name FROM ${table}`)
      .then((rows) => new Set(rows.map((row) => row.name)))
      .catch(() => null);
    const applied = await withTimeout(read, timeoutMs, null);
    if (applied === null) return null;
    return this.dataSource.migrations
      .map((migration) => migration.name ?? migration.constructor.name)
      .filter((name) => !applied.has(name));
  }
}
