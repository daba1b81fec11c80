// A model's timeline (GET /api/models/:id/timeline), and the status changes it shows, kept as they happen.
import { Injectable, Logger } from '@nestjs/common';
import { Clock, DAY_MS } from '../common/clock.js';
import { notFound } from '../common/domain-error.js';
import type { ModelStateChangedEvent } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.js';
import { occurrencesBetween } from '../maintenance/maintenance-schedule.js';
import { MaintenanceService } from '../maintenance/maintenance.service.js';
import { ModelsRepository } from '../models/models.repository.js';
import type { TimelineResponse } from './dto/timeline.dto.js';
import { buildTimeline, type MaintenanceFact } from './timeline.js';
import { TimelineRepository } from './timeline.repository.js';

@Injectable()
export class TimelineService {
  private readonly logger = new Logger(TimelineService.name);

  constructor(
    private readonly timeline: TimelineRepository,
    private readonly models: ModelsRepository,
    private readonly maintenance: MaintenanceService,
    private readonly clock: Clock,
  ) {}

  async forModel(modelId: number, days: number): Promise<TimelineResponse> {
    const model = await this.models.findById(modelId);
    if (!model) throw notFound(`Model ${modelId} not found`);
    const to = new Date(this.clock.now().getTime() + 1);
    const from = new Date(to.getTime() - days * DAY_MS);
    const [statusChanges, dcrsScores, routing, alerts, windows] = await Promise.all([
      this.timeline.findStatusChanges(model.id, from, to),
      this.timeline.findDcrsScores(model.name, from, to),
      this.timeline.findRoutingChanges(model.name, from, to),
      this.timeline.findAlerts(model.name, from, to),
      this.maintenance.windowsFor(model.id),
    ]);
    const maintenance: MaintenanceFact[] = windows.flatMap((window) =>
      occurrencesBetween(window, from, to).map((o) => ({
        windowId: window.id,
        start: o.start,
        end: o.end,
        reason: window.reason,
      })),
    );
    const items = buildTimeline(
      { model: model.name, statusChanges, dcrsScores, routing, alerts, maintenance },
      from,
      to,
    );
    return {
      model_id: model.id,
      model: model.name,
      from: from.toISOString(),
      to: to.toISOString(),
      items: items.map((item) => ({ ...item, at: item.at.toISOString() })),
    };
  }

  /** Keeps each change of status with its cause; a failure to keep one is logged, never thrown. */
  @OnDomainEvent('model.state_changed')
  async recordStatusChange(change: ModelStateChangedEvent): Promise<void> {
    if (change.status === change.previousStatus) return;
    try {
      await this.timeline.insertStatusChange({
        modelId: change.modelId,
        at: change.at,
        previousStatus: change.previousStatus,
        status: change.status,
        cause: (change.cause ?? `${change.previousStatus} → ${change.status}`).slice(0, 300),
      });
    } catch (error) {
      this.logger.warn({ err: error, modelId: change.modelId }, 'Could not keep a status change for the timeline');
    }
  }
}
