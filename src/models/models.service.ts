import { Injectable } from '@nestjs/common';
import { Clock, hoursBefore } from '../common/clock.js';
import { notFound } from '../common/domain-error.js';
import { MetricsRepository } from '../metrics/metrics.repository.js';
import { summarizeCalls, toModelListResponse, toModelResponse } from './dto/model.mapper.js';
import type { ModelDetailResponse, ModelListResponse } from './dto/model.response.js';
import { ModelsRepository } from './models.repository.js';

@Injectable()
export class ModelsService {
  constructor(
    private readonly models: ModelsRepository,
    private readonly metrics: MetricsRepository,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<ModelListResponse> {
    return toModelListResponse(await this.models.findAllOrdered(), this.clock.now());
  }

  async detail(id: number): Promise<ModelDetailResponse> {
    const model = await this.models.findById(id);
    if (!model) throw notFound(`Model ${id} not found`);
    const calls = await this.metrics.findCallsForModelSince(id, hoursBefore(this.clock.now(), 24));
    return { ...toModelResponse(model), summary_24h: summarizeCalls(calls) };
  }
}
