import type { RoutingChangeEntity } from '../routing-change.entity.js';
import type { RoutingStateEntity } from '../routing-state.entity.js';
import type { RoutingChangeResponse, RoutingResponse } from './routing.response.js';

export function toRoutingResponse(
  state: RoutingStateEntity | null,
  mode: 'auto' | 'recommend',
  policy: 'quality' | 'cost_within',
  pending: RoutingChangeEntity | null,
): RoutingResponse {
  return {
    policy,
    rule: state?.rule ?? null,
    compared: (state?.compared ?? []).map((c) => ({
      model: c.name,
      score: c.score,
      cost_per_call: c.costPerCall,
      within_margin: c.withinMargin,
    })),
    primary: state?.primaryModel ?? null,
    fallbacks: state?.fallbacks ?? [],
    mode,
    updated_at: state?.updatedAt.toISOString() ?? null,
    dcrs_run_id: state?.dcrsRunId ?? null,
    reason: state?.reason ?? 'No DCRS run has decided the routing yet',
    recommendation:
      pending && !pending.applied
        ? {
            primary: pending.primaryModel,
            fallbacks: pending.fallbacks,
            dcrs_run_id: pending.dcrsRunId,
            reason: pending.reason,
            created_at: pending.createdAt.toISOString(),
          }
        : null,
  };
}

export function toRoutingChangeResponse(change: RoutingChangeEntity): RoutingChangeResponse {
  return {
    id: change.id,
    previous_primary: change.previousPrimary,
    primary: change.primaryModel,
    fallbacks: change.fallbacks,
    mode: change.mode,
    applied: change.applied,
    dcrs_run_id: change.dcrsRunId,
    reason: change.reason,
    created_at: change.createdAt.toISOString(),
  };
}
