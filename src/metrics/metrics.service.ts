import { Injectable } from '@nestjs/common';
import { Clock, daysBefore } from '../common/clock.js';
import { notFound } from '../common/domain-error.js';
import { ModelsRepository } from '../models/models.repository.js';
import { toMetricPointResponse, toMetricResponse } from './dto/metric.mapper.js';
import type { MetricListResponse, MetricSeriesResponse } from './dto/metric.response.js';
import { resolutionFor, type MetricsQuery } from './dto/metrics.query.js';
import { bucketStartOf } from './rollups/rollup-deltas.js';
import { RollupsRepository } from './rollups/rollups.repository.js';
import { MetricsRepository } from './metrics.repository.js';

@Injectable()
export class MetricsService {
  constructor(
    private readonly metrics: MetricsRepository,
    private readonly rollups: RollupsRepository,
    private readonly models: ModelsRepository,
    private readonly clock: Clock,
  ) {}

  async recent(query: MetricsQuery): Promise<MetricListResponse | MetricSeriesResponse> {
    if (query.model_id !== undefined && !(await this.models.existsWithRemoved(query.model_id))) {
      throw notFound(`Model ${query.model_id} not found`);
    }
    const since = daysBefore(this.clock.now(), query.days);
    const resolution = resolutionFor(query.days, query.resolution);
    if (resolution !== 'raw') {
      // Every bucket that holds part of the span, whole: a series reads only rollups.
      const points = await this.rollups.series({
        resolution,
        since: bucketStartOf(since, resolution),
        limit: query.limit,
        modelId: query.model_id,
      });
      return { resolution, points: points.map(toMetricPointResponse) };
    }
    const rows = await this.metrics.findRecent({ since, limit: query.limit, modelId: query.model_id });
    return { resolution, metrics: rows.map(toMetricResponse) };
  }
}
