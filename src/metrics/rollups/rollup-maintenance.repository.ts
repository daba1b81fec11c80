// The backfill of rows stored before rollups existed, and retention's batched deletes.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MetricEntity } from '../metric.entity.js';
import { MetricRollupEntity } from './metric-rollup.entity.js';
import { RollupBackfillEntity } from './rollup-backfill.entity.js';
import { rollupDeltas } from './rollup-deltas.js';
import { dbTimestamp, engineOf, upsertRollups } from './rollup-write.repository.js';

/** Raw rows that are rolled up: the backfill's done part, and everything written after it began. */
const ROLLED_UP =
  '(id <= (SELECT done_id FROM metric_rollup_backfill WHERE id = 1) OR id > (SELECT through_id FROM metric_rollup_backfill WHERE id = 1))';

@Injectable()
export class RollupMaintenanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether rows older than the rollups are all rolled up (true when there were none). */
  async backfillDone(): Promise<boolean> {
    const state = await this.dataSource.getRepository(RollupBackfillEntity).findOneBy({ id: 1 });
    return !state || state.doneId >= state.throughId;
  }

  /**
   * Rolls up the next `limit` rows of the backfill, in one transaction with the state row locked (so
   * that two instances never roll the same rows up twice). Returns how many rows were rolled up.
   */
  async backfillChunk(limit: number): Promise<number> {
    // SQLite: one process, one connection, and no other transaction may be open beside this one.
    const inTransaction = <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> =>
      engineOf(this.dataSource.manager) === 'postgres'
        ? this.dataSource.transaction(work)
        : work(this.dataSource.manager);
    return inTransaction(async (manager) => {
      const repository = manager.getRepository(RollupBackfillEntity);
      const state = await repository.findOne({
        where: { id: 1 },
        ...(engineOf(manager) === 'postgres' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
      if (!state || state.doneId >= state.throughId) return 0;
      const upTo = Math.min(state.throughId, state.doneId + limit);
      const rows = await manager
        .getRepository(MetricEntity)
        .createQueryBuilder('m')
        .where('m.id > :from AND m.id <= :to', { from: state.doneId, to: upTo })
        .getMany();
      await upsertRollups(manager, rollupDeltas(rows));
      await repository.update({ id: 1 }, { doneId: upTo });
      return rows.length;
    });
  }

  /** Deletes up to `limit` raw rows older than `before` that are rolled up; returns how many. */
  async deleteRawBatch(before: Date, limit: number): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(MetricEntity)
      .where(`id IN (SELECT id FROM daily_metrics WHERE timestamp < :before AND ${ROLLED_UP} LIMIT :limit)`, {
        before: dbTimestamp(engineOf(this.dataSource.manager), before),
        limit,
      })
      .execute();
    return result.affected ?? 0;
  }

  /** Deletes up to `limit` rollup rows whose bucket began before `before`; returns how many. */
  async deleteRollupBatch(before: Date, limit: number): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(MetricRollupEntity)
      .where('id IN (SELECT id FROM metric_rollups WHERE bucket_start < :before LIMIT :limit)', {
        before: dbTimestamp(engineOf(this.dataSource.manager), before),
        limit,
      })
      .execute();
    return result.affected ?? 0;
  }
}
