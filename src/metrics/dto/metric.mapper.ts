import type { MetricWithModelName } from '../metrics.repository.js';
import type { MetricResponse } from './metric.response.js';

export function toMetricResponse(row: MetricWithModelName): MetricResponse {
  return {
    model: row.modelName,
    model_id: row.modelId,
    score: row.score,
    response_time: row.responseTime,
    timestamp: row.timestamp.toISOString(),
    kind: row.kind,
    input_tokens: row.inputTokens,
    output_tokens: row.outputTokens,
    cost: row.cost,
  };
}
