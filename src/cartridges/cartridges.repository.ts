import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { CartridgeExecutionEntity, type ExecutionStatus } from './cartridge-execution.entity.js';
import { CartridgeEntity } from './cartridge.entity.js';

export interface ExecutionCounts {
  cartridgeId: number;
  finished: number;
  succeeded: number;
}

@Injectable()
export class CartridgesRepository {
  constructor(
    @InjectRepository(CartridgeEntity) private readonly cartridges: Repository<CartridgeEntity>,
    @InjectRepository(CartridgeExecutionEntity) private readonly executions: Repository<CartridgeExecutionEntity>,
  ) {}

  findAllOrdered(): Promise<CartridgeEntity[]> {
    return this.cartridges.find({ order: { id: 'ASC' } });
  }

  findByName(name: string): Promise<CartridgeEntity | null> {
    return this.cartridges.findOneBy({ name });
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

  /** The newest executions of one cartridge, newest first. */
  findLatestExecutions(cartridgeId: number, limit: number): Promise<CartridgeExecutionEntity[]> {
    return this.executions.find({
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
}
