import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RoutingChangeEntity } from './routing-change.entity.js';
import { RoutingStateEntity } from './routing-state.entity.js';

const STATE_ID = 1;

export type RoutingStateFields = Omit<RoutingStateEntity, 'id'>;
export type RoutingChangeFields = Omit<RoutingChangeEntity, 'id'>;

@Injectable()
export class RoutingRepository {
  constructor(
    @InjectRepository(RoutingStateEntity) private readonly states: Repository<RoutingStateEntity>,
    @InjectRepository(RoutingChangeEntity) private readonly changes: Repository<RoutingChangeEntity>,
  ) {}

  findState(): Promise<RoutingStateEntity | null> {
    return this.states.findOneBy({ id: STATE_ID });
  }

  async saveState(state: RoutingStateFields): Promise<void> {
    await this.states.upsert({ id: STATE_ID, ...state }, ['id']);
  }

  async insertChange(change: RoutingChangeFields): Promise<void> {
    await this.changes.insert(change);
  }

  /** Newest first. */
  findChanges(limit: number): Promise<RoutingChangeEntity[]> {
    return this.changes.find({ order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  findLatestChange(): Promise<RoutingChangeEntity | null> {
    return this.changes.findOne({ where: {}, order: { createdAt: 'DESC', id: 'DESC' } });
  }
}
