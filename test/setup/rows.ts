// Reading back what the app wrote, through the ORM so that the same code works on both engines.
import type { DataSource, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { CartridgeEntity } from '../../src/cartridges/cartridge.entity.js';
import { MetricEntity } from '../../src/metrics/metric.entity.js';
import { ModelEntity } from '../../src/models/model.entity.js';

/** Rows of an entity's table, removed ones included; only those matching `where` when given. */
export function countRows<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  where?: FindOptionsWhere<T>,
): Promise<number> {
  return dataSource.getRepository(entity).count({ where, withDeleted: true });
}

export async function modelId(dataSource: DataSource, name: string): Promise<number> {
  return (await dataSource.getRepository(ModelEntity).findOneByOrFail({ name })).id;
}

export async function cartridgeId(dataSource: DataSource, name: string): Promise<number> {
  return (await dataSource.getRepository(CartridgeEntity).findOneByOrFail({ name })).id;
}

/** The model's row as stored, removed ones included. */
export function storedModel(dataSource: DataSource, id: number): Promise<ModelEntity | null> {
  return dataSource.getRepository(ModelEntity).findOne({ where: { id }, withDeleted: true });
}

/** The cartridge's row as stored, removed ones included. */
export function storedCartridge(dataSource: DataSource, id: number): Promise<CartridgeEntity | null> {
  return dataSource.getRepository(CartridgeEntity).findOne({ where: { id }, withDeleted: true });
}

/** Every daily_metrics row of one model, oldest first. */
export function metricRows(dataSource: DataSource, modelId: number): Promise<MetricEntity[]> {
  return dataSource.getRepository(MetricEntity).find({ where: { modelId }, order: { id: 'ASC' } });
}

/** Every table of the database with every row, as JSON text per table. */
export async function dumpAllTables(dataSource: DataSource): Promise<Record<string, string>> {
  const tables: { name: string }[] =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`)
      : await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table'`);
  const dump: Record<string, string> = {};
  for (const { name } of tables) {
    const rows: unknown[] = await dataSource.query(`SELECT * FROM "${name}"`);
    dump[name] = JSON.stringify(rows);
  }
  return dump;
}

/** Empties an entity's table (a service spec's tests share one database). */
export async function deleteAllRows<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
): Promise<void> {
  await dataSource.createQueryBuilder().delete().from(entity).execute();
}
