import { Injectable } from '@nestjs/common';
import { Clock, daysBefore, hoursBefore } from '../common/clock.js';
import { notFound } from '../common/domain-error.js';
import { decideCartridgeStatus, FAILING_RUN_COUNT } from './cartridge-status.js';
import type { CartridgeEntity } from './cartridge.entity.js';
import { CartridgesRepository, type ExecutionCounts } from './cartridges.repository.js';
import { successRatePercent, toCartridgeResponse, toExecutionResponse } from './dto/cartridge.mapper.js';
import type { CartridgeListResponse, CartridgeResponse, CartridgeResultsResponse } from './dto/cartridge.response.js';

@Injectable()
export class CartridgesService {
  constructor(
    private readonly cartridges: CartridgesRepository,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<CartridgeListResponse> {
    const now = this.clock.now();
    const all = await this.cartridges.findAllOrdered();
    const ids = all.map((c) => c.id);
    const [counts30d, counts24h] = await Promise.all([
      this.cartridges.countFinishedSince(ids, daysBefore(now, 30)),
      this.cartridges.countFinishedSince(ids, hoursBefore(now, 24)),
    ]);
    const cartridges = await Promise.all(
      all.map((cartridge) => this.describe(cartridge, now, counts30d.get(cartridge.id), counts24h.get(cartridge.id))),
    );
    return { cartridges };
  }

  async results(name: string, limit: number): Promise<CartridgeResultsResponse> {
    const cartridge = await this.cartridges.findByName(name);
    if (!cartridge) throw notFound(`Cartridge "${name}" not found`);
    const executions = await this.cartridges.findLatestExecutions(cartridge.id, limit);
    return { cartridge: cartridge.name, results: executions.map(toExecutionResponse) };
  }

  private async describe(
    cartridge: CartridgeEntity,
    now: Date,
    counts30d: ExecutionCounts | undefined,
    counts24h: ExecutionCounts | undefined,
  ): Promise<CartridgeResponse> {
    const [latest] = await this.cartridges.findLatestExecutions(cartridge.id, 1);
    const recent = await this.cartridges.findLatestFinishedStatuses(cartridge.id, FAILING_RUN_COUNT);
    const status = decideCartridgeStatus({
      recent,
      successRate24h: successRatePercent(counts24h),
      lastStartedAt: latest?.startedAt ?? null,
      schedulePeriodMs: null,
      now,
    });
    return toCartridgeResponse(cartridge, status, latest?.startedAt ?? null, counts30d);
  }
}
