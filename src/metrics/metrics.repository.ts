import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThanOrEqual, Repository } from 'typeorm';
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

/** A measured call to store. */
export interface NewCallRow {
  modelId: number;
  kind: MetricKind;
  timestamp: Date;
  date: string;
  score: number;
  responseTime: number;
  success: boolean;
  errorKind: string | null;
  ttftMs: number | null;
  tokensPerSecond: number | null;
  outputTokens: number | null;
  caseId: string | null;
  runId: string | null;
}

export interface LatestFailure {
  apiType: string;
  errorKind: string;
  timestamp: Date;
}

const PROBE_KINDS: MetricKind[] = ['probe', 'simulated'];
const MEASURED_KINDS: MetricKind[] = ['probe', 'simulated', 'evaluation', 'manual'];

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

  async insertCalls(rows: readonly NewCallRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      await this.metrics.createQueryBuilder().insert().values(rows.slice(i, i + 200)).updateEntity(false).execute();
    }
  }

  /** Liveness probes (live or simulated) of one model since an instant. */
  async findProbeRecordsSince(modelId: number, since: Date): Promise<{ success: boolean; errorKind: string | null }[]> {
    const rows = await this.metrics.find({
      select: { success: true, errorKind: true },
      where: { modelId, kind: In(PROBE_KINDS), timestamp: MoreThanOrEqual(since) },
    });
    return rows.map((row) => ({ success: row.success, errorKind: row.errorKind }));
  }

  /** Latencies of the successful measured calls of one model since an instant. */
  async findSuccessfulLatenciesSince(modelId: number, since: Date): Promise<number[]> {
    const rows = await this.metrics.find({
      select: { responseTime: true },
      where: { modelId, success: true, kind: In(MEASURED_KINDS), timestamp: MoreThanOrEqual(since) },
    });
    return rows.map((row) => row.responseTime);
  }

  /** Scores of the evaluation cases (DCRS and manual runs) of one model since an instant. */
  async findEvaluationScoresSince(modelId: number, since: Date): Promise<number[]> {
    const rows = await this.metrics.find({
      select: { score: true },
      where: { modelId, kind: In(['evaluation', 'manual']), timestamp: MoreThanOrEqual(since) },
    });
    return rows.map((row) => row.score);
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
