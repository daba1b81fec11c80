import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThanOrEqual, Repository } from 'typeorm';
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
  /** Recorded inside a maintenance window (left out of uptime and SLO budgets); default false. */
  inMaintenance?: boolean;
  /** What the provider said answered (model echo, system_fingerprint...); default null. */
  fingerprint?: string | null;
}

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
}

/** SQLite hands raw datetimes back as "YYYY-MM-DD HH:MM:SS.SSS" text, which TypeORM wrote in UTC. */
function asUtc(text: string): string {
  return /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`;
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
  constructor(@InjectRepository(MetricEntity) private readonly metrics: Repository<MetricEntity>) {}

  /** Measured calls of one model since an instant (raw: no entity hydration). */
  async findCallsForModelSince(modelId: number, since: Date): Promise<MeasuredCall[]> {
    const rows = await this.metrics
      .createQueryBuilder('m')
      .select('m.score', 'score')
      .addSelect('m.responseTime', 'responseTime')
      .where('m.modelId = :modelId', { modelId })
      .andWhere('m.timestamp >= :since', { since })
      .getRawMany<{ score: number | string; responseTime: number | string }>();
    return rows.map((row) => ({ score: Number(row.score), responseTime: Number(row.responseTime) }));
  }

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
    }));
  }

  async insertCalls(rows: readonly NewCallRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      await this.metrics
        .createQueryBuilder()
        .insert()
        .values(
          rows.slice(i, i + 200).map((row) => ({
            ...row,
            inMaintenance: row.inMaintenance ?? false,
            fingerprint: row.fingerprint ?? null,
          })),
        )
        .updateEntity(false)
        .execute();
    }
  }

  /**
   * Probe counts of one model since each of several instants, for uptime, in one pass over the
   * oldest window. Rate-limited probes are left out (they say nothing of the model's health).
   */
  async countProbesSince(modelId: number, since: readonly Date[]): Promise<{ counted: number; up: number }[]> {
    const oldest = new Date(Math.min(...since.map((d) => d.getTime())));
    const query = this.metrics
      .createQueryBuilder('m')
      .where('m.modelId = :modelId', { modelId })
      .andWhere('m.kind IN (:...kinds)', { kinds: PROBE_KINDS })
      // Simulated evaluation cases are rows of kind simulated too: only probes have no case.
      .andWhere('m.caseId IS NULL')
      .andWhere('m.timestamp >= :oldest', { oldest })
      .andWhere("(m.errorKind IS NULL OR m.errorKind <> 'rate_limited')")
      // Probes inside a planned maintenance window count neither for nor against uptime.
      .andWhere('m.inMaintenance = :no', { no: false })
      .setParameter('yes', true)
      .select('1', 'one');
    since.forEach((instant, i) => {
      query
        .addSelect(`SUM(CASE WHEN m.timestamp >= :since${i} THEN 1 ELSE 0 END)`, `counted${i}`)
        .addSelect(`SUM(CASE WHEN m.timestamp >= :since${i} AND m.success = :yes THEN 1 ELSE 0 END)`, `up${i}`)
        .setParameter(`since${i}`, instant);
    });
    const row = (await query.getRawOne<Record<string, number | string | null>>()) ?? {};
    return since.map((_, i) => ({ counted: Number(row[`counted${i}`] ?? 0), up: Number(row[`up${i}`] ?? 0) }));
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
