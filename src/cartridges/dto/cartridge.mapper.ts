import { round } from '../../common/stats.js';
import type { CartridgeExecutionEntity } from '../cartridge-execution.entity.js';
import type { CartridgeStatus } from '../cartridge-status.js';
import type { CartridgeEntity } from '../cartridge.entity.js';
import type { ExecutionCounts } from '../cartridges.repository.js';
import type { CartridgeExecutionResponse, CartridgeResponse } from './cartridge.response.js';

export function successRatePercent(counts: ExecutionCounts | undefined): number | null {
  if (!counts || counts.finished === 0) return null;
  return round((100 * counts.succeeded) / counts.finished, 1);
}

export function toCartridgeResponse(
  cartridge: CartridgeEntity,
  status: CartridgeStatus,
  lastExecution: Date | null,
  counts30d: ExecutionCounts | undefined,
): CartridgeResponse {
  return {
    name: cartridge.name,
    status,
    last_execution: lastExecution?.toISOString() ?? null,
    success_rate: successRatePercent(counts30d),
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
  };
}
