// The uptime counts of many models over one window, for the state updates after a write batch: the
// same sums as windowByKind (rollups.repository.ts) then uptimeCounts, but only the two counts are
// read (summed by the database), not every rollup row with its histograms.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MetricEntity } from '../metric.entity.js';
import { MetricRollupEntity } from './metric-rollup.entity.js';
import { countsForUptime } from './rollup-deltas.js';
import { planWindow } from './window-plan.js';

export interface UptimeCounts {
  counted: number;
  up: number;
}

interface CountRow {
  modelId: number | string;
  counted: number | string | null;
  up: number | string | null;
}

@Injectable()
export class UptimeWindowRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Each model's uptime counts since an instant (models without calls: 0 and 0). */
  async uptimeOfModels(modelIds: readonly number[], since: Date): Promise<Map<number, UptimeCounts>> {
    const ids = [...new Set(modelIds)];
    const counts = new Map<number, UptimeCounts>(ids.map((id) => [id, { counted: 0, up: 0 }]));
    if (ids.length === 0) return counts;
    const plan = planWindow(since);
    const sums = (resolution: 'day' | 'hour', from: Date, to: Date | null): Promise<CountRow[]> => {
      const query = this.dataSource
        .getRepository(MetricRollupEntity)
        .createQueryBuilder('r')
        .select('r.modelId', 'modelId')
        .addSelect('SUM(r.uptimeCounted)', 'counted')
        .addSelect('SUM(r.uptimeUp)', 'up')
        .where('r.modelId IN (:...ids) AND r.resolution = :resolution AND r.bucketStart >= :from', {
          ids,
          resolution,
          from,
        })
        .groupBy('r.modelId');
      if (to) query.andWhere('r.bucketStart < :to', { to });
      return query.getRawMany<CountRow>();
    };
    const [days, hours, edge] = await Promise.all([
      sums('day', plan.dayFrom, null),
      plan.hourTo > plan.hourFrom ? sums('hour', plan.hourFrom, plan.hourTo) : Promise.resolve([]),
      plan.rawTo > since
        ? this.dataSource
            .getRepository(MetricEntity)
            .createQueryBuilder('m')
            .select(['m.modelId', 'm.kind', 'm.success', 'm.errorKind', 'm.caseId', 'm.inMaintenance'])
            .where('m.modelId IN (:...ids) AND m.timestamp >= :since AND m.timestamp < :to', {
              ids,
              since,
              to: plan.rawTo,
            })
            .getMany()
        : Promise.resolve([]),
    ]);
    for (const row of [...days, ...hours]) {
      const entry = counts.get(Number(row.modelId));
      if (!entry) continue;
      entry.counted += Number(row.counted ?? 0);
      entry.up += Number(row.up ?? 0);
    }
    // The edge's calls count as the rollups count them (addCall: countsForUptime, maintenance apart).
    for (const call of edge) {
      const entry = counts.get(call.modelId);
      if (!entry || !countsForUptime(call)) continue;
      entry.counted += 1;
      if (call.success) entry.up += 1;
    }
    return counts;
  }
}
