// Reads of the hourly and daily rollups (and of the under-an-hour raw edge of a window).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { parseStoredHistogram } from '../../common/log-histogram.js';
import { METRIC_KINDS, MetricEntity, type MetricKind } from '../metric.entity.js';
import { MetricRollupEntity, type RollupResolution } from './metric-rollup.entity.js';
import { addCall, deltaKey, emptyDelta, mergeDelta, type RollupDelta, type RollupInput } from './rollup-deltas.js';
import { mergeSpans, planWindow, type Span } from './window-plan.js';

/** One aggregated point of a series: one model, one bucket, every kind merged. */
export interface RollupPoint extends RollupDelta {
  modelName: string;
}

export interface SeriesFilter {
  resolution: RollupResolution;
  since: Date;
  limit: number;
  modelId?: number;
}

type StoredRollup = Record<string, unknown>;

/** SQLite hands raw datetimes back as "YYYY-MM-DD HH:MM:SS.SSS" text, which TypeORM wrote in UTC. */
function asDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/**
 * A stored row as a delta. Its histograms and error counts are shared, frozen parses (memoized by
 * text): merge them into a fresh delta (emptyDelta) or into a copy (unshared), never into them.
 */
function toDelta(row: StoredRollup): RollupDelta {
  const n = (key: string): number => Number(row[key] ?? 0);
  return {
    resolution: row.resolution as RollupResolution,
    bucketStart: asDate(row.bucketStart),
    modelId: n('modelId'),
    kind: row.kind as MetricKind,
    calls: n('calls'),
    successes: n('successes'),
    maintenanceCalls: n('maintenanceCalls'),
    uptimeCounted: n('uptimeCounted'),
    uptimeUp: n('uptimeUp'),
    errors: parseStoredHistogram(row.errors),
    scoreSum: n('scoreSum'),
    scoreCount: n('scoreCount'),
    responseTimeSum: n('responseTimeSum'),
    responseTimeHist: parseStoredHistogram(row.responseTimeHist),
    latencyHist: parseStoredHistogram(row.latencyHist),
    ttftHist: parseStoredHistogram(row.ttftHist),
    tpsHist: parseStoredHistogram(row.tpsHist),
    outputTokensSum: n('outputTokensSum'),
    inputTokensSum: n('inputTokensSum'),
    costSum: n('costSum'),
  };
}

/** The delta with its own copies of any shared (frozen) histograms, so that it can be merged into. */
function unshared(delta: RollupDelta): RollupDelta {
  const own = <T extends object>(value: T): T => (Object.isFrozen(value) ? { ...value } : value);
  delta.errors = own(delta.errors);
  delta.responseTimeHist = own(delta.responseTimeHist);
  delta.latencyHist = own(delta.latencyHist);
  delta.ttftHist = own(delta.ttftHist);
  delta.tpsHist = own(delta.tpsHist);
  return delta;
}

const FIELDS = [
  'resolution',
  'bucketStart',
  'modelId',
  'kind',
  'calls',
  'successes',
  'maintenanceCalls',
  'uptimeCounted',
  'uptimeUp',
  'errors',
  'scoreSum',
  'scoreCount',
  'responseTimeSum',
  'responseTimeHist',
  'latencyHist',
  'ttftHist',
  'tpsHist',
  'outputTokensSum',
  'inputTokensSum',
  'costSum',
] as const;

function selectFields<T extends object>(
  query: SelectQueryBuilder<T>,
  alias: string,
  except: readonly (typeof FIELDS)[number][] = [],
): SelectQueryBuilder<T> {
  query.select(`${alias}.${FIELDS[0]}`, FIELDS[0]);
  for (const field of FIELDS.slice(1)) if (!except.includes(field)) query.addSelect(`${alias}.${field}`, field);
  return query;
}

function groupByModel<T extends { modelId: number }>(items: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.modelId);
    if (group) group.push(item);
    else groups.set(item.modelId, [item]);
  }
  return groups;
}

/**
 * The rows of a select, as getRawMany() would give them, without TypeORM's per-row entity
 * transformer (the SQL and its parameters still come from the query builder, in the engine's dialect).
 */
async function rawRows<T extends object>(
  dataSource: DataSource,
  query: SelectQueryBuilder<T>,
): Promise<StoredRollup[]> {
  const [sql, parameters] = query.getQueryAndParameters();
  return dataSource.query<StoredRollup[]>(sql, parameters);
}

@Injectable()
export class RollupsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Everything one model's calls since an instant add up to, by kind: daily and hourly rollups plus
   * the raw rows of at most the first hour of the window (window-plan.ts). Never scans raw history.
   */
  async windowByKind(modelId: number, since: Date): Promise<Map<MetricKind, RollupDelta>> {
    const [byKind] = await this.windowsByKind(modelId, [since]);
    return byKind;
  }

  /** Several windows of one model (e.g. 24 h, 7 d, 30 d): days in one query, each window's hours and raw edge in one. */
  async windowsByKind(modelId: number, sinces: readonly Date[]): Promise<Map<MetricKind, RollupDelta>[]> {
    return (await this.windowsOfModels([modelId], sinces)).get(modelId)!;
  }

  /** One window of many models (the state updates of a write batch) in the same three queries. */
  async windowByKindOfModels(
    modelIds: readonly number[],
    since: Date,
  ): Promise<Map<number, Map<MetricKind, RollupDelta>>> {
    const windows = await this.windowsOfModels(modelIds, [since]);
    return new Map([...windows].map(([modelId, [byKind]]) => [modelId, byKind]));
  }

  private async windowsOfModels(
    modelIds: readonly number[],
    sinces: readonly Date[],
  ): Promise<Map<number, Map<MetricKind, RollupDelta>[]>> {
    const ids = [...new Set(modelIds)];
    const result = new Map<number, Map<MetricKind, RollupDelta>[]>();
    if (ids.length === 0) return result;
    const plans = sinces.map((since) => ({ since, ...planWindow(since) }));
    const min = (dates: Date[]): Date => new Date(Math.min(...dates.map((d) => d.getTime())));
    const withHours = plans.filter((p) => p.hourTo > p.hourFrom);
    const edges = plans.filter((p) => p.rawTo > p.since);
    const rollups = this.dataSource.getRepository(MetricRollupEntity);
    const [days, hours, raw] = await Promise.all([
      rawRows(
        this.dataSource,
        selectFields(rollups.createQueryBuilder('r'), 'r').where(
          'r.modelId IN (:...ids) AND r.resolution = :day AND r.bucketStart >= :from',
          { ids, day: 'day', from: min(plans.map((p) => p.dayFrom)) },
        ),
      ),
      // One indexed range per window (each under a day): never the whole span between them.
      Promise.all(
        withHours.map((p) =>
          rawRows(
            this.dataSource,
            selectFields(rollups.createQueryBuilder('r'), 'r')
              .where('r.modelId IN (:...ids) AND r.resolution = :hour', { ids, hour: 'hour' })
              .andWhere('r.bucketStart >= :from AND r.bucketStart < :to', { from: p.hourFrom, to: p.hourTo }),
          ),
        ),
      ),
      // The edges are under an hour each: only they are read, not what lies between them.
      edges.length > 0
        ? this.rawCalls(
            ids,
            edges.map((p) => ({ from: p.since, to: p.rawTo })),
          )
        : Promise.resolve([]),
    ]);
    const dayDeltas = groupByModel(days.map(toDelta));
    // Windows' hour ranges may overlap: each stored row once.
    const hourRows = new Map<string, RollupDelta>();
    for (const row of hours.flat()) {
      const delta = toDelta(row);
      hourRows.set(deltaKey(delta), delta);
    }
    const hourDeltas = groupByModel([...hourRows.values()]);
    const rawCalls = groupByModel(raw);
    for (const modelId of ids) {
      const windows = plans.map((plan) => {
        const byKind = new Map<MetricKind, RollupDelta>();
        const slot = (kind: MetricKind): RollupDelta => {
          let delta = byKind.get(kind);
          if (!delta) {
            delta = emptyDelta('hour', plan.since, modelId, kind);
            byKind.set(kind, delta);
          }
          return delta;
        };
        for (const d of dayDeltas.get(modelId) ?? []) if (d.bucketStart >= plan.dayFrom) mergeDelta(slot(d.kind), d);
        for (const h of hourDeltas.get(modelId) ?? []) {
          if (h.bucketStart >= plan.hourFrom && h.bucketStart < plan.hourTo) mergeDelta(slot(h.kind), h);
        }
        for (const call of rawCalls.get(modelId) ?? [])
          if (call.timestamp >= plan.since && call.timestamp < plan.rawTo) addCall(slot(call.kind), call);
        return byKind;
      });
      result.set(modelId, windows);
    }
    return result;
  }

  /**
   * Raw calls of some models in the spans [from, to): only ever the edges of windows, under an hour
   * each. One query per span (overlapping spans merged, so that no row comes twice), each a range
   * of the (model, timestamp) index: never the rows between the edges.
   */
  private async rawCalls(modelIds: readonly number[], edges: readonly Span[]): Promise<RollupInput[]> {
    const parts = await Promise.all(
      mergeSpans(edges).map(({ from, to }) =>
        this.dataSource
          .getRepository(MetricEntity)
          .createQueryBuilder('m')
          // Every column: whatever the rollups read of a call (token, cost, maintenance columns included).
          .where('m.modelId IN (:...modelIds) AND m.timestamp >= :from AND m.timestamp < :to', { modelIds, from, to })
          .getMany(),
      ),
    );
    return parts.flat();
  }

  /** Aggregated points (every kind merged per model and bucket), newest first. */
  async series(filter: SeriesFilter): Promise<RollupPoint[]> {
    // A point has no use for the histogram of every call's response time (the 24 h summary does).
    const query = selectFields(this.dataSource.getRepository(MetricRollupEntity).createQueryBuilder('r'), 'r', [
      'responseTimeHist',
    ])
      .withDeleted()
      .innerJoin('r.model', 'model')
      .addSelect('model.name', 'modelName')
      .where('r.resolution = :resolution AND r.bucketStart >= :since', {
        resolution: filter.resolution,
        since: filter.since,
      })
      .orderBy('r.bucketStart', 'DESC')
      .addOrderBy('r.modelId', 'ASC')
      // A point merges at most one row per kind: this many rows always hold `limit` whole points.
      .limit(filter.limit * METRIC_KINDS.length);
    if (filter.modelId !== undefined) query.andWhere('r.modelId = :modelId', { modelId: filter.modelId });
    const points: RollupPoint[] = [];
    const byKey = new Map<string, RollupPoint>();
    for (const row of await rawRows(this.dataSource, query)) {
      const delta = toDelta(row);
      const key = `${delta.modelId}|${delta.bucketStart.getTime()}`;
      const point = byKey.get(key);
      if (point) mergeDelta(unshared(point), delta);
      else {
        if (points.length >= filter.limit) break;
        const fresh: RollupPoint = { ...delta, kind: delta.kind, modelName: String(row.modelName) };
        byKey.set(key, fresh);
        points.push(fresh);
      }
    }
    return points;
  }
}
