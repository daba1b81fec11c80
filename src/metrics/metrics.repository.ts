import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ModelEntity } from '../models/model.entity.js';
import { MetricEntity, type MetricKind } from './metric.entity.js';

/** What a 24-hour summary needs of one call. */
export interface MeasuredCall {
  score: number;
  responseTime: number;
}

export interface MetricWithModelName {
  id: number;
  modelId: number;
  modelName: string;
  score: number;
  responseTime: number;
  timestamp: Date;
  kind: MetricKind;
}

export interface RecentMetricsFilter {
  since: Date;
  limit: number;
  modelId?: number;
}

@Injectable()
export class MetricsRepository {
  constructor(
    @InjectRepository(MetricEntity) private readonly metrics: Repository<MetricEntity>,
    @InjectRepository(ModelEntity) private readonly models: Repository<ModelEntity>,
  ) {}

  async modelExists(id: number): Promise<boolean> {
    return (await this.models.countBy({ id })) > 0;
  }

  /** Measured calls of one model since an instant, oldest first. */
  async findCallsForModelSince(modelId: number, since: Date): Promise<MeasuredCall[]> {
    const rows = await this.metrics
      .createQueryBuilder('m')
      .select(['m.score', 'm.responseTime'])
      .where('m.modelId = :modelId', { modelId })
      .andWhere('m.timestamp >= :since', { since })
      .orderBy('m.timestamp', 'ASC')
      .getMany();
    return rows.map((row) => ({ score: row.score, responseTime: row.responseTime }));
  }

  /** Newest first, joined with the model's name. */
  async findRecent(filter: RecentMetricsFilter): Promise<MetricWithModelName[]> {
    const query = this.metrics
      .createQueryBuilder('m')
      .innerJoin('m.model', 'model')
      .select(['m.id', 'm.modelId', 'm.score', 'm.responseTime', 'm.timestamp', 'm.kind', 'model.name'])
      .where('m.timestamp >= :since', { since: filter.since })
      .orderBy('m.timestamp', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(filter.limit);
    if (filter.modelId !== undefined) query.andWhere('m.modelId = :modelId', { modelId: filter.modelId });
    const rows = await query.getMany();
    return rows.map((row) => ({
      id: row.id,
      modelId: row.modelId,
      modelName: row.model!.name,
      score: row.score,
      responseTime: row.responseTime,
      timestamp: row.timestamp,
      kind: row.kind,
    }));
  }
}
