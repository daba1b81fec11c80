import { Injectable } from '@nestjs/common';
import { Clock, daysBefore } from '../common/clock.js';
import { notFound } from '../common/domain-error.js';
import { ModelsRepository } from '../models/models.repository.js';
import { toMetricResponse } from './dto/metric.mapper.js';
import type { MetricListResponse } from './dto/metric.response.js';
import type { MetricsQuery } from './dto/metrics.query.js';
import { MetricsRepository } from './metrics.repository.js';

@Injectable()
export class MetricsService {
  constructor(
    private readonly metrics: MetricsRepository,
    private readonly models: ModelsRepository,
    private readonly clock: Clock,
  ) {}

  async recent(query: MetricsQuery): Promise<MetricListResponse> {
    if (query.model_id !== undefined && !(await this.models.existsWithRemoved(query.model_id))) {
      throw notFound(`Model ${query.model_id} not found`);
    }
    const rows = await this.metrics.findRecent({
      since: daysBefore(this.clock.now(), query.days),
      limit: query.limit,
      modelId: query.model_id,
    });
    return { metrics: rows.map(toMetricResponse) };
  }
}
