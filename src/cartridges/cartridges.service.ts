// Reads: cartridges with their status, and their executions. Also what other features (alerts,
// notifications) use to learn a cartridge's status: statusOf(name) and list().
import { Injectable } from '@nestjs/common';
import { Clock, daysBefore, hoursBefore } from '../common/clock.js';
import { notFound } from '../common/domain-error.js';
import { schedulePeriodMs, scheduleOf } from './cartridge-schedule.js';
import { decideCartridgeStatus, FAILING_RUN_COUNT } from './cartridge-status.js';
import type { CartridgeEntity } from './cartridge.entity.js';
import { CartridgesRepository } from './cartridges.repository.js';
import {
  successRatePercent,
  toCartridgeDetailResponse,
  toCartridgeResponse,
  toExecutionDetailResponse,
  toExecutionResponse,
  type CartridgeHealth,
} from './dto/cartridge.mapper.js';
import type {
  CartridgeDetailResponse,
  CartridgeExecutionDetailResponse,
  CartridgeListResponse,
  CartridgeResponse,
  CartridgeResultsResponse,
} from './dto/cartridge.response.js';

@Injectable()
export class CartridgesService {
  constructor(
    private readonly cartridges: CartridgesRepository,
    private readonly clock: Clock,
  ) {}

  /** Every live cartridge with its status, in creation order. */
  async list(): Promise<CartridgeListResponse> {
    const all = await this.cartridges.findAllOrdered();
    const health = await this.healthOf(all);
    return { cartridges: all.map((cartridge) => toCartridgeResponse(cartridge, health.get(cartridge.id)!)) };
  }

  /** One cartridge as GET /api/cartridges lists it (status included); null when there is none by that name. */
  async statusOf(name: string): Promise<CartridgeResponse | null> {
    const cartridge = await this.cartridges.findByName(name);
    if (!cartridge) return null;
    const health = await this.healthOf([cartridge]);
    return toCartridgeResponse(cartridge, health.get(cartridge.id)!);
  }

  async detail(name: string): Promise<CartridgeDetailResponse> {
    const cartridge = await this.require(name);
    const health = await this.healthOf([cartridge]);
    return toCartridgeDetailResponse(cartridge, health.get(cartridge.id)!);
  }

  async results(name: string, limit: number): Promise<CartridgeResultsResponse> {
    const cartridge = await this.require(name);
    const executions = await this.cartridges.findLatestExecutions(cartridge.id, limit);
    return { cartridge: cartridge.name, results: executions.map(toExecutionResponse) };
  }

  async result(name: string, id: number): Promise<CartridgeExecutionDetailResponse> {
    const cartridge = await this.require(name);
    const execution = await this.cartridges.findExecution(cartridge.id, id);
    if (!execution) throw notFound(`Cartridge "${cartridge.name}" has no execution ${id}`);
    return toExecutionDetailResponse(execution);
  }

  /** The 30-day success rate the cartridge.result event carries. */
  async successRate(cartridgeId: number): Promise<number | null> {
    const counts = await this.cartridges.countFinishedSince([cartridgeId], daysBefore(this.clock.now(), 30));
    return successRatePercent(counts.get(cartridgeId));
  }

  async require(name: string): Promise<CartridgeEntity> {
    const cartridge = await this.cartridges.findByName(name);
    if (!cartridge) throw notFound(`Cartridge "${name}" not found`);
    return cartridge;
  }

  private async healthOf(cartridges: readonly CartridgeEntity[]): Promise<Map<number, CartridgeHealth>> {
    const now = this.clock.now();
    const ids = cartridges.map((c) => c.id);
    const [counts30d, counts24h] = await Promise.all([
      this.cartridges.countFinishedSince(ids, daysBefore(now, 30)),
      this.cartridges.countFinishedSince(ids, hoursBefore(now, 24)),
    ]);
    const entries = await Promise.all(
      cartridges.map(async (cartridge): Promise<[number, CartridgeHealth]> => {
        const [[latest], recent] = await Promise.all([
          this.cartridges.findLatestExecutions(cartridge.id, 1),
          this.cartridges.findLatestFinishedStatuses(cartridge.id, FAILING_RUN_COUNT),
        ]);
        const schedule = scheduleOf(cartridge);
        const status = decideCartridgeStatus({
          recent,
          successRate24h: successRatePercent(counts24h.get(cartridge.id)),
          lastStartedAt: latest?.startedAt ?? null,
          schedulePeriodMs: schedule ? schedulePeriodMs(schedule, now) : null,
          now,
        });
        return [
          cartridge.id,
          { status, lastExecution: latest?.startedAt ?? null, counts30d: counts30d.get(cartridge.id) },
        ];
      }),
    );
    return new Map(entries);
  }
}
