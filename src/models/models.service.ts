import { Injectable } from '@nestjs/common';
import { ClusterInvalidation } from '../cluster/cluster-invalidation.js';
import { Clock, daysBefore, hoursBefore } from '../common/clock.js';
import { conflict, DomainError, notFound } from '../common/domain-error.js';
import { RollupsRepository } from '../metrics/rollups/rollups.repository.js';
import { mergeKinds, speedSummary, uptimeCounts } from '../metrics/rollups/window-stats.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { ModelListSnapshots, type ModelListSnapshot } from './model-list.snapshot.js';
import { uptimeFromCounts } from './model-status.js';
import type { ModelEntity } from './model.entity.js';
import { ModelsRepository, NO_QUOTA, type NewModel } from './models.repository.js';
import { summarizeCalls, toModelResponse } from './dto/model.mapper.js';
import type { ModelDetailResponse, ModelListResponse, ModelResponse } from './dto/model.response.js';
import type { CreateModelRequest, UpdateModelRequest } from './dto/model-write.request.js';

@Injectable()
export class ModelsService {
  constructor(
    private readonly models: ModelsRepository,
    private readonly rollups: RollupsRepository,
    private readonly registry: ProviderRegistry,
    private readonly invalidation: ClusterInvalidation,
    private readonly clock: Clock,
    private readonly snapshots: ModelListSnapshots,
  ) {}

  async list(): Promise<ModelListResponse> {
    return (await this.snapshots.current()).body;
  }

  /** The list as sent over HTTP (bytes and ETag); `fresh`: read the database even if nothing changed. */
  listSnapshot(fresh: boolean): Promise<ModelListSnapshot> {
    return this.snapshots.current(fresh);
  }

  async detail(id: number): Promise<ModelDetailResponse> {
    const model = await this.require(id);
    const now = this.clock.now();
    // Rollups plus at most an hour of raw rows per window: the cost does not grow with history.
    const [day, week, month] = (
      await this.rollups.windowsByKind(id, [hoursBefore(now, 24), daysBefore(now, 7), daysBefore(now, 30)])
    ).map((byKind) => mergeKinds(byKind));
    return {
      ...this.toResponse(model),
      summary_24h: summarizeCalls(day),
      uptime: {
        last_24h: uptimeFromCounts(uptimeCounts(day)),
        last_7d: uptimeFromCounts(uptimeCounts(week)),
        last_30d: uptimeFromCounts(uptimeCounts(month)),
      },
      speed: { last_24h: speedSummary(day), last_7d: speedSummary(week), last_30d: speedSummary(month) },
    };
  }

  async create(request: CreateModelRequest): Promise<ModelResponse> {
    if (request.base_url) this.assertHostAllowed(request.api_type, request.base_url);
    if (await this.models.findByName(request.name)) throw conflict(`A model named "${request.name}" already exists`);
    const fields: NewModel = {
      name: request.name,
      apiType: request.api_type,
      providerModel: request.provider_model ?? null,
      baseUrl: request.base_url ?? null,
      enabled: request.enabled ?? true,
      status: 'unknown',
      updatedAt: this.clock.now(),
    };
    const created = await this.models.create(fields);
    if (!created) throw conflict(`A model named "${request.name}" already exists`);
    this.snapshots.invalidate();
    await this.invalidation.publish('model', created.id);
    return this.toResponse(created);
  }

  async update(id: number, request: UpdateModelRequest): Promise<ModelResponse> {
    const model = await this.require(id);
    const apiType = request.api_type ?? model.apiType;
    const baseUrl = request.base_url === undefined ? model.baseUrl : request.base_url;
    if (baseUrl) this.assertHostAllowed(apiType, baseUrl);
    if (request.name !== undefined && request.name !== model.name) {
      if (await this.models.findByName(request.name)) throw conflict(`A model named "${request.name}" already exists`);
    }
    const updated = await this.models.update(id, {
      ...(request.name !== undefined ? { name: request.name } : {}),
      ...(request.api_type !== undefined ? { apiType: request.api_type } : {}),
      ...(request.provider_model !== undefined ? { providerModel: request.provider_model } : {}),
      ...(request.base_url !== undefined ? { baseUrl: request.base_url } : {}),
      ...(request.enabled !== undefined ? { enabled: request.enabled } : {}),
      updatedAt: this.clock.now(),
    });
    if (!updated) throw conflict(`A model named "${request.name}" already exists`);
    // The rate-limit figures were another endpoint's: they come back with the next call.
    const providerChanged = [request.api_type, request.provider_model, request.base_url].some((v) => v !== undefined);
    if (providerChanged) await this.models.saveQuota(id, NO_QUOTA);
    this.snapshots.invalidate();
    await this.invalidation.publish('model', id);
    return this.toResponse(await this.require(id));
  }

  async remove(id: number, history: 'keep' | 'delete'): Promise<void> {
    const model = await this.require(id);
    if (history === 'keep') await this.models.softRemove(model, this.clock.now());
    else await this.models.removeWithHistory(id);
    this.snapshots.invalidate();
    await this.invalidation.publish('model', id);
  }

  private toResponse(model: ModelEntity): ModelResponse {
    return toModelResponse(model, this.registry.probeMode(model));
  }

  private async require(id: number): Promise<ModelEntity> {
    const model = await this.models.findById(id);
    if (!model) throw notFound(`Model ${id} not found`);
    return model;
  }

  private assertHostAllowed(apiType: string, baseUrl: string): void {
    if (!this.registry.isHostAllowed(apiType, baseUrl)) {
      throw new DomainError(
        'invalid_input',
        `base_url host is not allowed for ${apiType}: use the host configured for it or add the host to PROVIDER_ALLOWED_HOSTS`,
      );
    }
  }
}
