import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, Repository } from 'typeorm';
import { isUniqueViolation } from '../database/errors.js';
import { ownerGone } from '../database/run-ownership.js';
import { CartridgeExecutionEntity, type ExecutionStatus } from './cartridge-execution.entity.js';
import { CartridgeEntity } from './cartridge.entity.js';

export interface ExecutionCounts {
  cartridgeId: number;
  finished: number;
  succeeded: number;
}

export type CartridgeFields = Pick<
  CartridgeEntity,
  'name' | 'description' | 'scheduleCron' | 'scheduleTimezone' | 'checkSet' | 'dependsOn' | 'createdAt' | 'updatedAt'
>;

export type NewExecution = Pick<
  CartridgeExecutionEntity,
  | 'cartridgeId'
  | 'status'
  | 'startedAt'
  | 'finishedAt'
  | 'durationMs'
  | 'summary'
  | 'source'
  | 'modelUsed'
  | 'output'
  | 'idempotencyKey'
  | 'requestHash'
> &
  /** Set on the built-in runs, which an instance executes; a worker's results have no owner here. */
  Partial<Pick<CartridgeExecutionEntity, 'owner' | 'heartbeatAt'>>;

export type ExecutionCompletion = Pick<
  CartridgeExecutionEntity,
  'status' | 'finishedAt' | 'durationMs' | 'summary' | 'modelUsed' | 'output'
>;

/** Every column but output, which can be 64 KB per row: lists leave it out. */
const EXECUTION_LIST_COLUMNS = {
  id: true,
  cartridgeId: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
  summary: true,
  isDemo: true,
  source: true,
  modelUsed: true,
} as const;

// TypeORM cannot type JSON columns declared `unknown`: writes go through these (same shapes, checked above).
type CartridgeWrite = Parameters<Repository<CartridgeEntity>['update']>[1];
type ExecutionWrite = Parameters<Repository<CartridgeExecutionEntity>['update']>[1];

@Injectable()
export class CartridgesRepository {
  constructor(
    @InjectRepository(CartridgeEntity) private readonly cartridges: Repository<CartridgeEntity>,
    @InjectRepository(CartridgeExecutionEntity) private readonly executions: Repository<CartridgeExecutionEntity>,
  ) {}

  /** Live (not removed) cartridges. */
  findAllOrdered(): Promise<CartridgeEntity[]> {
    return this.cartridges.find({ order: { id: 'ASC' } });
  }

  findByName(name: string): Promise<CartridgeEntity | null> {
    return this.cartridges.findOneBy({ name });
  }

  findById(id: number): Promise<CartridgeEntity | null> {
    return this.cartridges.findOneBy({ id });
  }

  /** Cartridges the built-in runner runs on a schedule: a cron and a check set. */
  findScheduledWithCheckSet(): Promise<CartridgeEntity[]> {
    return this.cartridges.find({
      where: { scheduleCron: Not(IsNull()), checkSet: Not(IsNull()) },
      order: { id: 'ASC' },
    });
  }

  /** The new cartridge, or null when the name is taken. */
  async insertCartridge(fields: CartridgeFields): Promise<CartridgeEntity | null> {
    try {
      const { identifiers } = await this.cartridges.insert(fields as CartridgeWrite);
      return this.cartridges.create({ ...fields, id: Number(identifiers[0]?.['id']), deletedAt: null });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** False when a new name is taken. */
  async updateCartridge(id: number, patch: Partial<CartridgeFields>): Promise<boolean> {
    try {
      await this.cartridges.update({ id }, patch as CartridgeWrite);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Removes the cartridge but keeps its executions; the name gets a suffix so that a new cartridge may take it. */
  async softRemove(cartridge: CartridgeEntity, at: Date): Promise<void> {
    const name = `${cartridge.name.slice(0, 70)} (removed #${cartridge.id})`;
    await this.cartridges.update({ id: cartridge.id }, { name, deletedAt: at, updatedAt: at });
  }

  /** Removes the cartridge and, through the foreign key's cascade, its executions. */
  async removeWithHistory(id: number): Promise<void> {
    await this.cartridges.delete({ id });
  }

  /** Finished and successful execution counts per cartridge since an instant. */
  async countFinishedSince(cartridgeIds: readonly number[], since: Date): Promise<Map<number, ExecutionCounts>> {
    const counts = new Map<number, ExecutionCounts>();
    if (cartridgeIds.length === 0) return counts;
    const rows = await this.executions
      .createQueryBuilder('e')
      .select('e.cartridgeId', 'cartridgeId')
      .addSelect('COUNT(*)', 'finished')
      .addSelect("SUM(CASE WHEN e.status = 'success' THEN 1 ELSE 0 END)", 'succeeded')
      .where('e.cartridgeId IN (:...ids)', { ids: cartridgeIds })
      .andWhere('e.startedAt >= :since', { since })
      .andWhere("e.status <> 'running'")
      .groupBy('e.cartridgeId')
      .getRawMany<{ cartridgeId: number | string; finished: number | string; succeeded: number | string }>();
    for (const row of rows) {
      const cartridgeId = Number(row.cartridgeId);
      counts.set(cartridgeId, { cartridgeId, finished: Number(row.finished), succeeded: Number(row.succeeded) });
    }
    return counts;
  }

  /** The newest executions of one cartridge, newest first, without their output. */
  findLatestExecutions(cartridgeId: number, limit: number): Promise<CartridgeExecutionEntity[]> {
    return this.executions.find({
      select: EXECUTION_LIST_COLUMNS,
      where: { cartridgeId },
      order: { startedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /** The newest finished statuses of one cartridge, newest first. */
  async findLatestFinishedStatuses(cartridgeId: number, limit: number): Promise<ExecutionStatus[]> {
    const rows = await this.executions.find({
      select: { status: true },
      where: { cartridgeId, status: In(['success', 'failure']) },
      order: { startedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    return rows.map((row) => row.status);
  }

  /** One execution of one cartridge, output included. */
  findExecution(cartridgeId: number, id: number): Promise<CartridgeExecutionEntity | null> {
    return this.executions.findOneBy({ cartridgeId, id });
  }

  findExecutionByKey(cartridgeId: number, idempotencyKey: string): Promise<CartridgeExecutionEntity | null> {
    return this.executions.findOneBy({ cartridgeId, idempotencyKey });
  }

  async hasRunningExecution(cartridgeId: number): Promise<boolean> {
    return (await this.executions.countBy({ cartridgeId, status: 'running' })) > 0;
  }

  /** The stored execution, or null when its idempotency key is already taken for the cartridge. */
  async insertExecution(row: NewExecution): Promise<CartridgeExecutionEntity | null> {
    try {
      // A plain INSERT (no save() transaction): concurrent replays race on the unique index alone.
      const { identifiers } = await this.executions.insert(row as ExecutionWrite);
      return this.executions.create({ ...row, id: Number(identifiers[0]?.['id']), isDemo: false });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** False when the execution is gone (its cartridge was removed with its history meanwhile). */
  async finishExecution(id: number, completion: ExecutionCompletion): Promise<boolean> {
    const result = await this.executions.update({ id, status: 'running' }, completion as ExecutionWrite);
    return (result.affected ?? 0) > 0;
  }

  /**
   * Built-in runs left running by an instance that is gone (no heartbeat since `staleBefore`; null:
   * every running one): they are failed, with the reason as their summary.
   */
  async failInterruptedRuns(reason: string, at: Date, staleBefore: Date | null): Promise<number> {
    const result = await this.executions.update(
      { status: 'running', source: 'runner', ...ownerGone(staleBefore) },
      { status: 'failure', finishedAt: at, summary: reason },
    );
    return result.affected ?? 0;
  }

  /** The heartbeat of the built-in runs `owner` executes. */
  async touchRunning(owner: string, at: Date): Promise<void> {
    await this.executions.update({ owner, status: 'running', source: 'runner' }, { heartbeatAt: at });
  }
}
