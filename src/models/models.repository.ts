import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { KeyedSerializer } from '../common/concurrency.js';
import { isUniqueViolation } from '../database/errors.js';
import type { ModelStatus } from '../common/model-statuses.js';
import { ModelEntity } from './model.entity.js';

export type ModelQuotaFields = Pick<
  ModelEntity,
  | 'quotaRequestsRemaining'
  | 'quotaRequestsLimit'
  | 'quotaTokensRemaining'
  | 'quotaTokensLimit'
  | 'quotaRequestsResetAt'
  | 'quotaTokensResetAt'
  | 'quotaReadAt'
>;

/** No rate-limit figures (none read yet, or forgotten). */
export const NO_QUOTA: ModelQuotaFields = {
  quotaRequestsRemaining: null,
  quotaRequestsLimit: null,
  quotaTokensRemaining: null,
  quotaTokensLimit: null,
  quotaRequestsResetAt: null,
  quotaTokensResetAt: null,
  quotaReadAt: null,
};

@Injectable()
export class ModelsRepository {
  /** SQLite's stand-in for a row lock: one process, one connection. */
  private readonly sqliteRows = new KeyedSerializer<number>();

  constructor(@InjectRepository(ModelEntity) private readonly models: Repository<ModelEntity>) {}

  findAllOrdered(): Promise<ModelEntity[]> {
    return this.models.find({ order: { id: 'ASC' } });
  }

  findById(id: number): Promise<ModelEntity | null> {
    return this.models.findOneBy({ id });
  }

  /** Removed models whose history was kept count too: their rows stay readable. */
  async existsWithRemoved(id: number): Promise<boolean> {
    return (await this.models.count({ where: { id }, withDeleted: true })) > 0;
  }

  /** Live (not removed) models that probing and evaluation should call. */
  findEnabled(): Promise<ModelEntity[]> {
    return this.models.find({ where: { enabled: true }, order: { id: 'ASC' } });
  }

  findByName(name: string): Promise<ModelEntity | null> {
    return this.models.findOneBy({ name });
  }

  findByNames(names: readonly string[]): Promise<ModelEntity[]> {
    return this.models.find({ where: names.map((name) => ({ name })), order: { id: 'ASC' } });
  }

  /** The latest rate-limit figures a provider sent for the model. */
  async saveQuota(id: number, quota: ModelQuotaFields): Promise<void> {
    await this.models.update({ id }, quota);
  }

  async saveState(id: number, state: ModelStatePatch): Promise<void> {
    await this.models.update({ id }, state);
  }

  /**
   * Reads the model's row as it is now, lets `decide` compute the new state from it, and writes it,
   * with no other state change of that model in between (another probe, here or in another
   * instance, waits): streaks count every probe. PostgreSQL locks the row (SELECT ... FOR UPDATE)
   * for these two statements only; SQLite, single-process, queues them per model. null when the
   * model is gone.
   */
  async updateState(
    id: number,
    decide: (current: ModelEntity) => ModelStatePatch,
  ): Promise<{ before: ModelEntity; patch: ModelStatePatch } | null> {
    const readDecideWrite = async (models: Repository<ModelEntity>, lock: boolean) => {
      const before = await models.findOne({
        where: { id },
        withDeleted: true,
        ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
      if (!before) return null;
      const patch = decide(before);
      await models.update({ id }, patch);
      return { before, patch };
    };
    if (this.models.manager.connection.options.type === 'postgres') {
      return this.models.manager.transaction((manager) => readDecideWrite(manager.getRepository(ModelEntity), true));
    }
    return this.sqliteRows.run(id, () => readDecideWrite(this.models, false));
  }

  /**
   * updateState for many models at once (the state updates of a write batch): on PostgreSQL one
   * transaction locks their rows in id order (FOR NO KEY UPDATE: concurrent inserts of their calls,
   * which take a key share lock through the foreign key, do not wait, and writers locking in the
   * same order cannot deadlock), decides each from its row as it is and writes them (one UPDATE for
   * the rows whose patches set the same columns); SQLite queues each model like updateState. Models
   * gone are left out of the result.
   */
  async updateStates(
    ids: readonly number[],
    decide: (current: ModelEntity) => ModelStatePatch,
  ): Promise<Map<number, { before: ModelEntity; patch: ModelStatePatch }>> {
    const written = new Map<number, { before: ModelEntity; patch: ModelStatePatch }>();
    const unique = [...new Set(ids)].sort((a, b) => a - b);
    if (unique.length === 0) return written;
    if (this.models.manager.connection.options.type !== 'postgres') {
      for (const id of unique) {
        const one = await this.updateState(id, decide);
        if (one) written.set(id, one);
      }
      return written;
    }
    await this.models.manager.transaction(async (manager) => {
      const rows = await manager.getRepository(ModelEntity).find({
        where: { id: In(unique) },
        withDeleted: true,
        order: { id: 'ASC' },
        lock: { mode: 'for_no_key_update' },
      });
      for (const before of rows) written.set(before.id, { before, patch: decide(before) });
      // The rows whose patches set the same columns in one UPDATE (usually all of them): the values
      // go as one JSON array, typed by the table's own row type.
      const sameColumns = new Map<string, { id: number; patch: ModelStatePatch }[]>();
      for (const [id, { patch }] of written) {
        const key = patchColumns(patch).join(',');
        const group = sameColumns.get(key);
        if (group) group.push({ id, patch });
        else sameColumns.set(key, [{ id, patch }]);
      }
      const metadata = manager.connection.getMetadata(ModelEntity);
      const column = (property: string): string => metadata.findColumnWithPropertyName(property)!.databaseName;
      for (const group of sameColumns.values()) {
        const properties = patchColumns(group[0].patch);
        if (properties.length === 0) continue;
        const values = group.map(({ id, patch }) => {
          const row: Record<string, unknown> = { id };
          for (const property of properties) row[column(property)] = patch[property as keyof ModelStatePatch];
          return row;
        });
        const sets = properties.map((property) => `"${column(property)}" = v."${column(property)}"`).join(', ');
        await manager.query(
          `UPDATE "${metadata.tableName}" AS m SET ${sets} ` +
            `FROM jsonb_populate_recordset(NULL::"${metadata.tableName}", $1::jsonb) AS v WHERE m.id = v.id`,
          [JSON.stringify(values)],
        );
      }
    });
    return written;
  }

  /** null when the name is taken (a concurrent create won the unique constraint). */
  async create(model: NewModel): Promise<ModelEntity | null> {
    try {
      return await this.models.save(this.models.create(model));
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** false when a new name is taken (a concurrent write won the unique constraint). */
  async update(id: number, patch: Partial<NewModel>): Promise<boolean> {
    try {
      await this.models.update({ id }, patch);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /**
   * Removes the model but keeps its rows in daily_metrics (it disappears from every list). The name
   * gets a suffix so that a new model may take it.
   */
  async softRemove(model: ModelEntity, at: Date): Promise<void> {
    const name = `${model.name.slice(0, 70)} (removed #${model.id})`;
    await this.models.update({ id: model.id }, { name, deletedAt: at, enabled: false });
  }

  /** Removes the model and, through the foreign key's cascade, its history. */
  async removeWithHistory(id: number): Promise<void> {
    await this.models.delete({ id });
  }
}

/** The properties a patch sets, in a fixed order. */
function patchColumns(patch: ModelStatePatch): string[] {
  return Object.keys(patch)
    .filter((key) => patch[key as keyof ModelStatePatch] !== undefined)
    .sort();
}

export interface ModelStatePatch {
  status?: ModelStatus;
  lastScore?: number;
  responseTime?: number;
  uptimePercent?: number;
  consecutiveFailures?: number;
  consecutiveSuccesses?: number;
  lastProbeAt?: Date;
  lastErrorKind?: string | null;
  rateLimitedUntil?: Date | null;
  updatedAt: Date;
}

export interface NewModel {
  name: string;
  apiType: string;
  providerModel: string | null;
  baseUrl: string | null;
  enabled: boolean;
  status: ModelStatus;
  updatedAt: Date;
  lastScore?: number;
  responseTime?: number;
  uptimePercent?: number;
}
