// One scrape: the gauges that describe "now" (models, connections) are refreshed from their source
// first, then the instance's metrics and the process's are rendered in Prometheus' text format.
import { Injectable, Logger } from '@nestjs/common';
import { Registry } from 'prom-client';
import { Leadership } from '../common/leadership.js';
import { MODEL_STATUSES } from '../common/model-statuses.js';
import type { ModelEntity } from '../models/model.entity.js';
import { ModelsRepository } from '../models/models.repository.js';
import { REALTIME_TRANSPORTS, RealtimeConnections } from '../realtime/realtime-connections.js';
import { processMetricsRegistry } from './process-metrics.js';
import { TelemetryMetrics } from './telemetry.metrics.js';

export interface Exposition {
  contentType: string;
  body: string;
}

@Injectable()
export class TelemetryService {
  private readonly logger = new Logger('Telemetry');

  constructor(
    private readonly metrics: TelemetryMetrics,
    private readonly models: ModelsRepository,
    private readonly connections: RealtimeConnections,
    private readonly leadership: Leadership,
  ) {}

  async scrape(): Promise<Exposition> {
    await this.refreshModels();
    this.refreshConnections();
    this.metrics.leader.set(this.leadership.isLeader() ? 1 : 0);
    const registry = Registry.merge([processMetricsRegistry(), this.metrics.registry]);
    return { contentType: registry.contentType, body: await registry.metrics() };
  }

  /**
   * One read of the model rows per scrape. The gauges are rebuilt, so a removed or renamed model's
   * series disappear. With the database away the previous values stay, and the process metrics
   * are still served: a scrape that fails whole would hide the outage's own symptoms.
   */
  private async refreshModels(): Promise<void> {
    let rows;
    try {
      rows = await this.models.findAllOrdered();
    } catch (error) {
      this.logger.warn({ err: error }, 'Model gauges not refreshed: the models could not be read');
      return;
    }
    const { modelStatus, modelUptime, modelEnabled, quotaRemaining, quotaLimit, quotaReset } = this.metrics;
    for (const gauge of [modelStatus, modelUptime, modelEnabled, quotaRemaining, quotaLimit, quotaReset]) gauge.reset();
    for (const model of rows) {
      for (const status of MODEL_STATUSES)
        modelStatus.set({ model: model.name, status }, model.status === status ? 1 : 0);
      modelUptime.set({ model: model.name }, model.uptimePercent / 100);
      modelEnabled.set({ model: model.name }, model.enabled ? 1 : 0);
      this.setQuota(model);
    }
  }

  /** The quota series of the figures the provider sent (none for a figure it did not send). */
  private setQuota(model: ModelEntity): void {
    const figures = [
      ['requests', model.quotaRequestsRemaining, model.quotaRequestsLimit, model.quotaRequestsResetAt],
      ['tokens', model.quotaTokensRemaining, model.quotaTokensLimit, model.quotaTokensResetAt],
    ] as const;
    for (const [resource, remaining, limit, reset] of figures) {
      const labels = { model: model.name, resource };
      if (remaining !== null) this.metrics.quotaRemaining.set(labels, remaining);
      if (limit !== null) this.metrics.quotaLimit.set(labels, limit);
      if (reset !== null) this.metrics.quotaReset.set(labels, reset.getTime() / 1000);
    }
  }

  private refreshConnections(): void {
    const counts = this.connections.byTransport();
    for (const transport of REALTIME_TRANSPORTS) this.metrics.realtimeConnections.set({ transport }, counts[transport]);
  }
}
