import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CartridgeExecutionEntity } from '../cartridges/cartridge-execution.entity.js';
import { CartridgeEntity } from '../cartridges/cartridge.entity.js';
import { DcrsRunEntity } from '../dcrs/dcrs-run.entity.js';
import { MetricEntity } from '../metrics/metric.entity.js';
import { writeCalls } from '../metrics/rollups/rollup-write.repository.js';
import { ModelEntity } from '../models/model.entity.js';
import type { DemoHistory } from './demo-history.js';
import type { SeedModel } from '../models/seed-models.js';
import type { SeedCartridge } from './seed-cartridges.js';

const CHUNK = 200;

@Injectable()
export class SeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts the seed models into a table that never held any (removed ones count, so that a model
   * someone deleted does not come back at the next start); returns how many were added.
   */
  async insertModelsIntoEmptyTable(models: readonly SeedModel[], now: Date): Promise<number> {
    const repository = this.dataSource.getRepository(ModelEntity);
    const before = await repository.count({ withDeleted: true });
    if (before > 0) return 0;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ModelEntity)
      .values(models.map((m) => ({ ...m, status: 'healthy' as const, updatedAt: now })))
      .orIgnore()
      .updateEntity(false)
      .execute();
    return (await repository.count({ withDeleted: true })) - before;
  }

  /** Like the models: only into a table that never held any, so that a removed one stays removed. */
  async insertCartridgesIntoEmptyTable(cartridges: readonly SeedCartridge[], now: Date): Promise<number> {
    const repository = this.dataSource.getRepository(CartridgeEntity);
    const before = await repository.count({ withDeleted: true });
    if (before > 0) return 0;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(CartridgeEntity)
      .values(cartridges.map((c) => ({ ...c, createdAt: now })))
      .orIgnore()
      .updateEntity(false)
      .execute();
    return (await repository.count({ withDeleted: true })) - before;
  }

  async hasDemoHistory(): Promise<boolean> {
    const metrics = await this.dataSource.getRepository(MetricEntity).countBy({ kind: 'demo' });
    return metrics > 0;
  }

  /** Writes the whole demo history in one transaction, so a crash leaves none of it. */
  async insertDemoHistory(history: DemoHistory): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const modelIds = await idsByName(
        manager,
        ModelEntity,
        history.metrics.map((m) => m.modelName),
      );
      const cartridgeIds = await idsByName(
        manager,
        CartridgeEntity,
        history.executions.map((e) => e.cartridgeName),
      );
      const metrics = history.metrics
        .filter((m) => modelIds.has(m.modelName))
        .map(({ modelName, ...m }) => ({
          ...m,
          modelId: modelIds.get(modelName)!,
          kind: 'demo' as const,
          success: true,
          errorKind: null,
          ttftMs: null,
          tokensPerSecond: null,
          outputTokens: null,
          caseId: null,
          runId: null,
        }));
      const executions = history.executions
        .filter((e) => cartridgeIds.has(e.cartridgeName))
        .map((e) => ({ ...e, cartridgeId: cartridgeIds.get(e.cartridgeName)!, isDemo: true }));
      const runs = history.runs.map((r) => ({ ...r, timestamp: r.executionTime, isDemo: true }));
      // Through the one write path, so that the demo history has its rollups too.
      await writeCalls(manager, metrics);
      await insertChunked(manager, CartridgeExecutionEntity, executions);
      await insertChunked(manager, DcrsRunEntity, runs);
    });
  }
}

async function idsByName(
  manager: EntityManager,
  entity: typeof ModelEntity | typeof CartridgeEntity,
  names: readonly string[],
): Promise<Map<string, number>> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  const rows = await manager.getRepository<{ id: number; name: string }>(entity).find({
    select: { id: true, name: true },
    where: { name: In(unique) },
  });
  return new Map(rows.map((row) => [row.name, row.id]));
}

async function insertChunked<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  rows: readonly object[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + CHUNK))
      .updateEntity(false)
      .execute();
  }
}
