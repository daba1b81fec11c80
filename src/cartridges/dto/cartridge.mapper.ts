import { round } from '../../common/stats.js';
import type { CartridgeResultEvent } from '../../events/domain-events.js';
import type { CartridgeExecutionEntity } from '../cartridge-execution.entity.js';
import { scheduleOf } from '../cartridge-schedule.js';
import type { CartridgeStatus } from '../cartridge-status.js';
import type { CartridgeEntity } from '../cartridge.entity.js';
import type { ExecutionCounts } from '../cartridges.repository.js';
import type {
  CartridgeDetailResponse,
  CartridgeExecutionDetailResponse,
  CartridgeExecutionResponse,
  CartridgeResponse,
} from './cartridge.response.js';

export function successRatePercent(counts: ExecutionCounts | undefined): number | null {
  if (!counts || counts.finished === 0) return null;
  return round((100 * counts.succeeded) / counts.finished, 1);
}

export interface CartridgeHealth {
  status: CartridgeStatus;
  lastExecution: Date | null;
  counts30d: ExecutionCounts | undefined;
}

export function toCartridgeResponse(cartridge: CartridgeEntity, health: CartridgeHealth): CartridgeResponse {
  const schedule = scheduleOf(cartridge);
  return {
    name: cartridge.name,
    status: health.status,
    last_execution: health.lastExecution?.toISOString() ?? null,
    success_rate: successRatePercent(health.counts30d),
    description: cartridge.description,
    schedule: schedule && { cron: schedule.cron, timezone: schedule.timeZone },
    depends_on: cartridge.dependsOn,
    has_check_set: cartridge.checkSet !== null,
  };
}

export function toCartridgeDetailResponse(
  cartridge: CartridgeEntity,
  health: CartridgeHealth,
): CartridgeDetailResponse {
  return {
    ...toCartridgeResponse(cartridge, health),
    check_set: cartridge.checkSet,
    created_at: cartridge.createdAt.toISOString(),
    updated_at: cartridge.updatedAt?.toISOString() ?? null,
  };
}

export function toExecutionResponse(execution: CartridgeExecutionEntity): CartridgeExecutionResponse {
  return {
    id: execution.id,
    status: execution.status,
    started_at: execution.startedAt.toISOString(),
    finished_at: execution.finishedAt?.toISOString() ?? null,
    duration_ms: execution.durationMs,
    summary: execution.summary,
    source: execution.source,
    model_used: execution.modelUsed,
  };
}

export function toExecutionDetailResponse(execution: CartridgeExecutionEntity): CartridgeExecutionDetailResponse {
  return { ...toExecutionResponse(execution), output: execution.output ?? null };
}

export function toCartridgeResultEvent(
  cartridge: string,
  execution: CartridgeExecutionEntity,
  successRate: number | null,
): CartridgeResultEvent {
  return {
    cartridge,
    execution: {
      id: execution.id,
      status: execution.status,
      startedAt: execution.startedAt,
      finishedAt: execution.finishedAt,
      durationMs: execution.durationMs,
      summary: execution.summary,
    },
    successRate,
  };
}
