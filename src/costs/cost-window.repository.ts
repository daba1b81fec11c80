// The one read behind every cost figure over a window: daily_metrics rows summed per model and kind.
// Over the raw rows for now; moving it onto the hourly rollups changes this file only.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MetricEntity } from '../metrics/metric.entity.js';
import type { CostGroup } from './pricing.js';

export interface ModelCostGroup extends CostGroup {
  modelId: number;
}

type Raw = Record<string, string | number | null>;

@Injectable()
export class CostWindowRepository {
  constructor(@InjectRepository(MetricEntity) private readonly metrics: Repository<MetricEntity>) {}

  /** Calls since `since` (of one model, or all), summed per model and kind of call. */
  async sumCallsSince(since: Date, modelId?: number): Promise<ModelCostGroup[]> {
    const query = this.metrics
      .createQueryBuilder('m')
      .select('m.modelId', 'modelId')
      .addSelect('m.kind', 'kind')
      .addSelect('COUNT(*)', 'calls')
      .addSelect('SUM(CASE WHEN m.success = :yes THEN 1 ELSE 0 END)', 'successes')
      .addSelect('COUNT(m.cost)', 'costedCalls')
      .addSelect('COALESCE(SUM(m.cost), 0)', 'cost')
      .addSelect('COALESCE(SUM(m.inputTokens), 0)', 'inputTokens')
      .addSelect('COALESCE(SUM(m.outputTokens), 0)', 'outputTokens')
      .addSelect(`COALESCE(SUM(CASE WHEN m.kind IN ('evaluation', 'manual') THEN m.score ELSE 0 END), 0)`, 'scoreSum')
      .addSelect(`SUM(CASE WHEN m.kind IN ('evaluation', 'manual') THEN 1 ELSE 0 END)`, 'scoredCalls')
      .where('m.timestamp >= :since', { since })
      .setParameter('yes', true)
      .groupBy('m.modelId')
      .addGroupBy('m.kind')
      .orderBy('m.modelId', 'ASC')
      .addOrderBy('m.kind', 'ASC');
    if (modelId !== undefined) query.andWhere('m.modelId = :modelId', { modelId });
    const rows = await query.getRawMany<Raw>();
    return rows.map((row) => ({
      modelId: Number(row['modelId']),
      kind: String(row['kind']),
      calls: Number(row['calls']),
      successes: Number(row['successes'] ?? 0),
      costedCalls: Number(row['costedCalls']),
      cost: Number(row['cost']),
      inputTokens: Number(row['inputTokens']),
      outputTokens: Number(row['outputTokens']),
      scoreSum: Number(row['scoreSum']),
      scoredCalls: Number(row['scoredCalls'] ?? 0),
    }));
  }
}
