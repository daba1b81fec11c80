import { histogramPercentile } from '../../common/log-histogram.js';
import { quotaResetsAt } from '../../common/quota.js';
import { mean, round, roundOrNull } from '../../common/stats.js';
import type { RollupDelta } from '../../metrics/rollups/rollup-deltas.js';
import { meanOrNull } from '../../metrics/rollups/window-stats.js';
import type { ProbeMode } from '../../providers/provider-registry.js';
import type { ModelEntity } from '../model.entity.js';
import type { CallSummaryResponse, ModelListResponse, ModelResponse, QuotaResponse } from './model.response.js';

export function toModelResponse(model: ModelEntity, probeMode: ProbeMode): ModelResponse {
  return {
    id: model.id,
    name: model.name,
    api_type: model.apiType,
    last_score: model.lastScore,
    response_time: model.responseTime,
    uptime_percent: model.uptimePercent,
    status: model.status,
    updated_at: model.updatedAt.toISOString(),
    probe_mode: probeMode,
    provider_model: model.providerModel,
    base_url: model.baseUrl,
    enabled: model.enabled,
    last_probe_at: model.lastProbeAt?.toISOString() ?? null,
    last_error_kind: model.lastErrorKind,
    quota: toQuotaResponse(model),
  };
}

/** The latest rate-limit figures, or null when the provider never sent any. */
export function toQuotaResponse(model: ModelEntity): QuotaResponse | null {
  if (model.quotaReadAt === null || model.quotaReadAt === undefined) return null;
  const quota = {
    requestsRemaining: model.quotaRequestsRemaining,
    requestsLimit: model.quotaRequestsLimit,
    tokensRemaining: model.quotaTokensRemaining,
    tokensLimit: model.quotaTokensLimit,
    requestsResetAt: model.quotaRequestsResetAt,
    tokensResetAt: model.quotaTokensResetAt,
  };
  return {
    requests_remaining: quota.requestsRemaining,
    requests_limit: quota.requestsLimit,
    tokens_remaining: quota.tokensRemaining,
    tokens_limit: quota.tokensLimit,
    resets_at: quotaResetsAt(quota)?.toISOString() ?? null,
    read_at: model.quotaReadAt.toISOString(),
  };
}

export function toModelListResponse(
  models: readonly ModelEntity[],
  probeModeOf: (model: ModelEntity) => ProbeMode,
  now: Date,
): ModelListResponse {
  return {
    models: models.map((model) => toModelResponse(model, probeModeOf(model))),
    average_score: roundOrNull(mean(models.map((m) => m.lastScore)), 2),
    timestamp: now.toISOString(),
  };
}

/** The 24-hour summary, from the window's rollups (every kind of call, as before). */
export function summarizeCalls(calls: RollupDelta): CallSummaryResponse {
  const meanLatency = meanOrNull(calls.responseTimeSum, calls.calls);
  const p95 = histogramPercentile(calls.responseTimeHist, 95);
  return {
    count: calls.calls,
    mean_score: roundOrNull(meanOrNull(calls.scoreSum, calls.scoreCount), 2),
    mean_response_time: meanLatency === null ? null : round(meanLatency, 0),
    p95_response_time: p95 === null ? null : round(p95, 0),
  };
}
