import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThanOrEqual, Repository } from 'typeorm';
import { latencyStats, type LatencyStats } from '../common/stats.js';
import { MetricEntity, type MetricKind } from './metric.entity.js';
import { writeCalls, type NewCallRow } from './rollups/rollup-write.repository.js';

export interface MetricWithModelName {
  id: number;
  modelId: number;
  modelName: string;
  score: number;
  responseTime: number;
  timestamp: Date;
  kind: MetricKind;
  ttftMs: number | null;
  tokensPerSecond: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cost: number | null;
}

export type { LatencyStats } from '../common/stats.js';
export type { NewCallRow } from './rollups/rollup-write.repository.js';

export interface LatestFailure {
  apiType: string;
  errorKind: string;
  timestamp: Date;
}

interface RawMetricRow {
  id: number | string;
  modelId: number | string;
  modelName: string;
  score: number | string;
  responseTime: number | string;
  timestamp: Date | string;
  kind: MetricKind;
  ttftMs: number | string | null;
  tokensPerSecond: number | string | null;
  inputTokens: number | string | null;
  outputTokens: number | string | null;
  cost: number | string | null;
}

const numberOrNull = (value: number | string | null): number | null => (value === null ? null : Number(value));

/** SQLite hands raw datetimes back as "YYYY-MM-DD HH:MM:SS.SSS" text, which TypeORM wrote in UTC. */
function asUtc(text: string): string {
  return /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`;
}

const MEASURED_KINDS: MetricKind[] = ['probe', 'simulated', 'evaluation', 'manual'];

export interface RecentMetricsFilter {
  since: Date;
  limit: number;
  modelId?: number;
}

@Injectable()
export class MetricsRepository {
  constructor(@InjectRepository(MetricEntity) private readonly metrics: Repository<MetricEntity>) {}

  /** Newest first, joined with the model's name. */
  async findRecent(filter: RecentMetricsFilter): Promise<MetricWithModelName[]> {
    // Raw rows: hydrating up to 10,000 entities costs more than the query itself.
    const query = this.metrics
      .createQueryBuilder('m')
      .withDeleted() // a removed model whose history was kept still names its rows
      .innerJoin('m.model', 'model')
      .select('m.id', 'id')
      .addSelect('m.modelId', 'modelId')
      .addSelect('model.name', 'modelName')
      .addSelect('m.score', 'score')
      .addSelect('m.responseTime', 'responseTime')
      .addSelect('m.timestamp', 'timestamp')
      .addSelect('m.kind', 'kind')
      .addSelect('m.ttftMs', 'ttftMs')
      .addSelect('m.tokensPerSecond', 'tokensPerSecond')
      .addSelect('m.inputTokens', 'inputTokens')
      .addSelect('m.outputTokens', 'outputTokens')
      .addSelect('m.cost', 'cost')
      .where('m.timestamp >= :since', { since: filter.since })
      .orderBy('m.timestamp', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(filter.limit);
    if (filter.modelId !== undefined) query.andWhere('m.modelId = :modelId', { modelId: filter.modelId });
    const rows = await query.getRawMany<RawMetricRow>();
    return rows.map((row) => ({
      id: Number(row.id),
      modelId: Number(row.modelId),
      modelName: row.modelName,
      score: Number(row.score),
      responseTime: Number(row.responseTime),
      timestamp: row.timestamp instanceof Date ? row.timestamp : new Date(asUtc(row.timestamp)),
      kind: row.kind,
      ttftMs: numberOrNull(row.ttftMs),
      tokensPerSecond: numberOrNull(row.tokensPerSecond),
      inputTokens: numberOrNull(row.inputTokens),
      outputTokens: numberOrNull(row.outputTokens),
      cost: numberOrNull(row.cost),
    }));
  }

  /** Stores the calls and, in the same transaction, their hourly and daily rollups. */
  async insertCalls(rows: readonly NewCallRow[]): Promise<void> {
    await writeCalls(this.metrics.manager, rows);
  }

  /**
   * Latencies of the successful measured calls of one model since an instant. Only for the last hour
   * (a bounded read: at most an hour of rows); longer windows read the rollups.
   */
  async findSuccessfulLatenciesSince(modelId: number, since: Date): Promise<number[]> {
    const rows = await this.metrics.find({
      select: { responseTime: true },
      where: { modelId, success: true, kind: In(MEASURED_KINDS), timestamp: MoreThanOrEqual(since) },
    });
    return rows.map((row) => row.responseTime);
  }

  /**
   * For each of the models, the latencies of its successful measured calls since an instant (the
   * last hour: a bounded read): how many, their median and their nearest-rank p95. PostgreSQL
   * computes them (percentile_cont(0.5) is the mean of the two middle values, percentile_disc(0.95)
   * the nearest rank); SQLite hands the latencies over and they are computed here the same way.
   */
  async successfulLatencyStatsSince(modelIds: readonly number[], since: Date): Promise<Map<number, LatencyStats>> {
    const stats = new Map<number, LatencyStats>();
    if (modelIds.length === 0) return stats;
    const query = this.metrics
      .createQueryBuilder('m')
      .select('m.modelId', 'modelId')
      .where('m.modelId IN (:...modelIds)', { modelIds: [...new Set(modelIds)] })
      .andWhere('m.success = :success', { success: true })
      .andWhere('m.kind IN (:...kinds)', { kinds: MEASURED_KINDS })
      .andWhere('m.timestamp >= :since', { since });
    if (this.metrics.manager.connection.options.type === 'postgres') {
      const rows = await query
        .addSelect('COUNT(*)', 'samples')
        .addSelect('percentile_cont(0.5) WITHIN GROUP (ORDER BY m.responseTime)', 'median')
        .addSelect('percentile_disc(0.95) WITHIN GROUP (ORDER BY m.responseTime)', 'p95')
        .groupBy('m.modelId')
        .getRawMany<{
          modelId: number | string;
          samples: number | string;
          median: number | string;
          p95: number | string;
        }>();
      for (const row of rows) {
        stats.set(Number(row.modelId), {
          samples: Number(row.samples),
          median: Number(row.median),
          p95: Number(row.p95),
        });
      }
      return stats;
    }
    const rows = await query
      .addSelect('m.responseTime', 'responseTime')
      .getRawMany<{ modelId: number | string; responseTime: number | string }>();
    const byModel = new Map<number, number[]>();
    for (const row of rows) {
      const id = Number(row.modelId);
      const values = byModel.get(id);
      if (values) values.push(Number(row.responseTime));
      else byModel.set(id, [Number(row.responseTime)]);
    }
    for (const [id, values] of byModel) stats.set(id, latencyStats(values)!);
    return stats;
  }

  /** The newest failed call of any model of this api_type, if any. */
  async findLatestFailureOfApiType(apiType: string): Promise<LatestFailure | null> {
    const latest = await this.metrics
      .createQueryBuilder('m')
      .innerJoin('m.model', 'model')
      .select(['m.errorKind', 'm.timestamp'])
      .where('model.apiType = :apiType', { apiType })
      .andWhere('m.success = :failed', { failed: false })
      .andWhere('m.kind IN (:...kinds)', { kinds: MEASURED_KINDS })
      .orderBy('m.timestamp', 'DESC')
      .limit(1)
      .getOne();
    return latest?.errorKind ? { apiType, errorKind: latest.errorKind, timestamp: latest.timestamp } : null;
  }
}
