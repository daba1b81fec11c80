// Planned maintenance windows: the admin's writes, the list, and the question the probes ask
// ("is this model in maintenance now?"). The windows are few: each question reads them afresh, so
// that every instance sees a new window at once.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { invalidInput, notFound } from '../common/domain-error.js';
import { ModelsRepository } from '../models/models.repository.js';
import type { CreateMaintenanceWindowRequest } from './dto/maintenance-window.request.js';
import type { MaintenanceWindowListResponse, MaintenanceWindowResponse } from './dto/maintenance-window.response.js';
import type { MaintenanceWindowEntity } from './maintenance-window.entity.js';
import { isInMaintenance, nextOccurrence, occurrenceAt, type WindowSpec } from './maintenance-schedule.js';
import { MaintenanceRepository } from './maintenance.repository.js';

@Injectable()
export class MaintenanceService {
  constructor(
    private readonly windows: MaintenanceRepository,
    private readonly models: ModelsRepository,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<MaintenanceWindowListResponse> {
    const now = this.clock.now();
    return { windows: (await this.windows.findAll()).map((window) => toResponse(window, now)) };
  }

  async create(body: CreateMaintenanceWindowRequest): Promise<MaintenanceWindowResponse> {
    const oneOff = body.starts_at !== undefined || body.ends_at !== undefined;
    const recurring = body.cron !== undefined || body.duration_minutes !== undefined;
    if (oneOff && recurring) throw invalidInput('starts_at/ends_at and cron/duration_minutes cannot be combined');
    if (!oneOff && !recurring) throw invalidInput('starts_at and ends_at, or cron and duration_minutes, are required');
    if (oneOff) {
      if (body.starts_at === undefined) throw invalidInput('starts_at is required with ends_at');
      if (body.ends_at === undefined) throw invalidInput('ends_at is required with starts_at');
      if (new Date(body.ends_at).getTime() <= new Date(body.starts_at).getTime())
        throw invalidInput('ends_at must be after starts_at');
    } else {
      if (body.cron === undefined) throw invalidInput('cron is required with duration_minutes');
      if (body.duration_minutes === undefined) throw invalidInput('duration_minutes is required with cron');
    }
    const modelId = body.model_id ?? null;
    if (modelId !== null && !(await this.models.findById(modelId))) throw notFound(`Model ${modelId} not found`);
    const created = await this.windows.insert({
      modelId,
      startsAt: oneOff ? new Date(body.starts_at!) : null,
      endsAt: oneOff ? new Date(body.ends_at!) : null,
      cron: oneOff ? null : body.cron!,
      durationMinutes: oneOff ? null : body.duration_minutes!,
      reason: body.reason,
      createdAt: this.clock.now(),
    });
    return toResponse(created, this.clock.now());
  }

  async remove(id: number): Promise<void> {
    if (!(await this.windows.delete(id))) throw notFound(`Maintenance window ${id} not found`);
  }

  /** Whether the model is inside one of its windows (or a window of every model) at `at`. */
  async isInMaintenance(modelId: number, at: Date): Promise<boolean> {
    return isInMaintenance(await this.windows.findForModel(modelId), modelId, at);
  }

  /** The windows that apply to the model (for the timeline). */
  windowsFor(modelId: number): Promise<(WindowSpec & { id: number; reason: string })[]> {
    return this.windows.findForModel(modelId);
  }
}

function toResponse(window: MaintenanceWindowEntity, now: Date): MaintenanceWindowResponse {
  const next = nextOccurrence(window, now);
  return {
    id: window.id,
    model_id: window.modelId,
    starts_at: window.startsAt?.toISOString() ?? null,
    ends_at: window.endsAt?.toISOString() ?? null,
    cron: window.cron,
    duration_minutes: window.durationMinutes,
    reason: window.reason,
    active: occurrenceAt(window, now) !== null,
    next_occurrence: next ? { starts_at: next.start.toISOString(), ends_at: next.end.toISOString() } : null,
    created_at: window.createdAt.toISOString(),
  };
}
