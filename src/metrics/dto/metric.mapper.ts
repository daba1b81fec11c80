import { round, roundOrNull } from '../../common/stats.js';
import { uptimeFromCounts } from '../../models/model-status.js';
import type { MetricWithModelName } from '../metrics.repository.js';
import type { RollupPoint } from '../rollups/rollups.repository.js';
import { meanOrNull, speedSummary, uptimeCounts } from '../rollups/window-stats.js';
import type { MetricPointResponse, MetricResponse } from './metric.response.js';

export function toMetricResponse(row: MetricWithModelName): MetricResponse {
  return {
    model: row.modelName,
    model_id: row.modelId,
    score: row.score,
    response_time: row.responseTime,
    timestamp: row.timestamp.toISOString(),
    kind: row.kind,
    ttft_ms: row.ttftMs,
    tokens_per_second: row.tokensPerSecond,
    input_tokens: row.inputTokens,
    output_tokens: row.outputTokens,
    cost: row.cost,
  };
}

export function toMetricPointResponse(point: RollupPoint): MetricPointResponse {
  const speed = speedSummary(point);
  return {
    model: point.modelName,
    model_id: point.modelId,
    bucket_start: point.bucketStart.toISOString(),
    calls: point.calls,
    successes: point.successes,
    maintenance_calls: point.maintenanceCalls,
    uptime: uptimeFromCounts(uptimeCounts(point)),
    errors_by_kind: speed.errors_by_kind,
    mean_score: roundOrNull(meanOrNull(point.scoreSum, point.scoreCount), 2),
    response_time_ms: speed.response_time_ms,
    ttft_ms: speed.ttft_ms,
    tokens_per_second: speed.tokens_per_second,
    output_tokens: point.outputTokensSum,
    input_tokens: point.inputTokensSum,
    cost: round(point.costSum, 6),
  };
}
