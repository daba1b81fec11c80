// SloWindowSource over the raw daily_metrics rows. Rows recorded inside a maintenance window are left
// out of every figure; rate-limited probes are left out of availability (as in uptime).
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { percentile } from '../common/stats.js';
import { MetricEntity } from '../metrics/metric.entity.js';
import type { WindowStats } from './slo-budget.js';
import { SloWindowSource } from './slo-window-source.js';

const PROBE_KINDS = ['probe', 'simulated'];
const MEASURED_KINDS = ['probe', 'simulated', 'evaluation', 'manual'];
const EVALUATION_KINDS = ['evaluation', 'manual'];

interface RawRow {
  kind: string;
  success: boolean | number | string;
  errorKind: string | null;
  caseId: string | null;
  score: number | string;
  responseTime: number | string;
  ttftMs: number | string | null;
}

@Injectable()
export class RawSloWindowRepository extends SloWindowSource {
  constructor(@InjectRepository(MetricEntity) private readonly metrics: Repository<MetricEntity>) {
    super();
  }

  async windowStats(modelId: number, from: Date, to: Date): Promise<WindowStats> {
    const rows = await this.metrics
      .createQueryBuilder('m')
      .select('m.kind', 'kind')
      .addSelect('m.success', 'success')
      .addSelect('m.errorKind', 'errorKind')
      .addSelect('m.caseId', 'caseId')
      .addSelect('m.score', 'score')
      .addSelect('m.responseTime', 'responseTime')
      .addSelect('m.ttftMs', 'ttftMs')
      .where('m.modelId = :modelId', { modelId })
      .andWhere('m.timestamp >= :from AND m.timestamp < :to', { from, to })
      .andWhere('m.kind IN (:...kinds)', { kinds: MEASURED_KINDS })
      .andWhere('m.inMaintenance = :no', { no: false })
      .getRawMany<RawRow>();
    let calls = 0;
    let successes = 0;
    const latencies: number[] = [];
    const ttfts: number[] = [];
    const scores: number[] = [];
    for (const row of rows) {
      const ok = row.success === true || row.success === 1 || row.success === '1' || row.success === 't';
      if (PROBE_KINDS.includes(row.kind) && row.caseId === null && row.errorKind !== 'rate_limited') {
        calls += 1;
        if (ok) successes += 1;
      }
      if (ok) {
        latencies.push(Number(row.responseTime));
        if (row.ttftMs !== null) ttfts.push(Number(row.ttftMs));
      }
      if (EVALUATION_KINDS.includes(row.kind)) scores.push(Number(row.score));
    }
    const meanScore = scores.length === 0 ? null : scores.reduce((sum, s) => sum + s, 0) / scores.length;
    return {
      calls,
      successes,
      latencyP95: percentile(latencies, 95),
      ttftP95: percentile(ttfts, 95),
      meanScore: meanScore === null ? null : Math.round(meanScore * 100) / 100,
    };
  }
}
