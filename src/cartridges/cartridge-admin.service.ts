// Admin writes: create, change and remove cartridges; the cron jobs follow every change, on every instance.
import { Injectable } from '@nestjs/common';
import { ClusterInvalidation } from '../cluster/cluster-invalidation.js';
import { Clock } from '../common/clock.js';
import { conflict, invalidInput } from '../common/domain-error.js';
import { ModelsRepository } from '../models/models.repository.js';
import { parseCheckSet } from './cartridge-checks.js';
import { DEFAULT_SCHEDULE_TIMEZONE } from './cartridge-schedule.js';
import type { CartridgeEntity } from './cartridge.entity.js';
import { CartridgeScheduler } from './cartridge.scheduler.js';
import { CartridgesRepository, type CartridgeFields } from './cartridges.repository.js';
import { CartridgesService } from './cartridges.service.js';
import type { CartridgeDetailResponse } from './dto/cartridge.response.js';
import type {
  CartridgeScheduleRequest,
  CreateCartridgeRequest,
  UpdateCartridgeRequest,
} from './dto/cartridge-write.request.js';

@Injectable()
export class CartridgeAdminService {
  constructor(
    private readonly cartridges: CartridgesService,
    private readonly repository: CartridgesRepository,
    private readonly models: ModelsRepository,
    private readonly scheduler: CartridgeScheduler,
    private readonly invalidation: ClusterInvalidation,
    private readonly clock: Clock,
  ) {}

  async create(request: CreateCartridgeRequest): Promise<CartridgeDetailResponse> {
    const now = this.clock.now();
    const fields: CartridgeFields = {
      name: request.name,
      description: request.description ?? null,
      ...scheduleFields(request.schedule ?? null),
      checkSet: checkSetField(request.check_set ?? null),
      dependsOn: await this.dependsOnField(request.depends_on ?? null),
      createdAt: now,
      updatedAt: now,
    };
    const created = await this.repository.insertCartridge(fields);
    if (!created) throw nameTaken(request.name);
    this.scheduler.sync(created);
    await this.invalidation.publish('cartridge', created.id);
    return this.cartridges.detail(created.name);
  }

  async update(name: string, request: UpdateCartridgeRequest): Promise<CartridgeDetailResponse> {
    const cartridge = await this.cartridges.require(name);
    const patch: Partial<CartridgeFields> = {
      ...(request.name !== undefined ? { name: request.name } : {}),
      ...(request.description !== undefined ? { description: request.description } : {}),
      ...(request.schedule !== undefined ? scheduleFields(request.schedule) : {}),
      ...(request.check_set !== undefined ? { checkSet: checkSetField(request.check_set) } : {}),
      ...(request.depends_on !== undefined ? { dependsOn: await this.dependsOnField(request.depends_on) } : {}),
      updatedAt: this.clock.now(),
    };
    if (!(await this.repository.updateCartridge(cartridge.id, patch))) throw nameTaken(request.name ?? name);
    const updated: CartridgeEntity = { ...cartridge, ...patch };
    this.scheduler.sync(updated);
    await this.invalidation.publish('cartridge', cartridge.id);
    return this.cartridges.detail(updated.name);
  }

  async remove(name: string, history: 'keep' | 'delete'): Promise<void> {
    const cartridge = await this.cartridges.require(name);
    this.scheduler.unregister(cartridge.id);
    if (history === 'keep') await this.repository.softRemove(cartridge, this.clock.now());
    else await this.repository.removeWithHistory(cartridge.id);
    await this.invalidation.publish('cartridge', cartridge.id);
  }

  /** Every named model must exist (removed models do not). */
  private async dependsOnField(names: string[] | null): Promise<string[] | null> {
    if (names === null) return null;
    const trimmed = names.map((n) => n.trim());
    const found = new Set((await this.models.findByNames(trimmed)).map((m) => m.name));
    const unknown = trimmed.filter((n) => !found.has(n));
    if (unknown.length > 0) throw invalidInput(`Unknown model(s) in depends_on: ${unknown.join(', ')}`);
    return trimmed;
  }
}

function scheduleFields(
  schedule: CartridgeScheduleRequest | null,
): Pick<CartridgeFields, 'scheduleCron' | 'scheduleTimezone'> {
  if (schedule === null) return { scheduleCron: null, scheduleTimezone: null };
  return {
    scheduleCron: schedule.cron.trim().split(/\s+/).join(' '),
    scheduleTimezone: schedule.timezone ?? DEFAULT_SCHEDULE_TIMEZONE,
  };
}

/** Stored with the suite's defaults filled in, as the runner will run it. */
function checkSetField(raw: unknown[] | null): unknown[] | null {
  if (raw === null) return null;
  const parsed = parseCheckSet(raw);
  if (!parsed.ok) throw invalidInput(`Invalid check_set: ${parsed.problems.join('; ')}`);
  return parsed.cases;
}

function nameTaken(name: string) {
  return conflict(`A cartridge named "${name}" already exists`);
}
