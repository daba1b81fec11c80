// Applies (or, in recommend mode, records) the routing decisions of DCRS runs.
import { Inject, Injectable } from '@nestjs/common';
import { Clock, daysBefore } from '../common/clock.js';
import { quotaExhausted } from '../common/quota.js';
import { CostsService } from '../costs/costs.service.js';
import { ModelsRepository } from '../models/models.repository.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DomainEventBus } from '../events/domain-events.js';
import { toRoutingChangeResponse, toRoutingResponse } from './dto/routing.mapper.js';
import type { RoutingHistoryResponse, RoutingResponse } from './dto/routing.response.js';
import { rankCandidates, type RoutingCandidate } from './routing-decision.js';
import { decideWithPolicy } from './routing-policy.js';
import { RoutingRepository } from './routing.repository.js';

export interface RoutingOutcome {
  /** The best eligible model of the run, if any. */
  best: string | null;
  /** True when the primary changed (auto) or a change was recommended (recommend). */
  changed: boolean;
  reason: string;
}

/** The window of the cost per call that cost_within compares. */
const COST_WINDOW_DAYS = 7;

@Injectable()
export class RoutingService {
  constructor(
    private readonly routing: RoutingRepository,
    private readonly models: ModelsRepository,
    private readonly costs: CostsService,
    private readonly events: DomainEventBus,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async current(): Promise<RoutingResponse> {
    const [state, latest] = await Promise.all([this.routing.findState(), this.routing.findLatestChange()]);
    return toRoutingResponse(state, this.config.routing.mode, this.config.cost.policy, latest);
  }

  async history(limit = 100): Promise<RoutingHistoryResponse> {
    return { changes: (await this.routing.findChanges(limit)).map(toRoutingChangeResponse) };
  }

  /** Ranks the run's candidates and applies the decision; returns what the DCRS row records. */
  async decide(candidates: readonly RoutingCandidate[], dcrsRunId: number): Promise<RoutingOutcome> {
    const { mode, minMargin, minUptime } = this.config.routing;
    const now = this.clock.now();
    const ranked = rankCandidates(await this.withCostAndQuota(candidates, now), { minUptime });
    const state = await this.routing.findState();
    const decision = decideWithPolicy(state?.primaryModel ?? null, ranked, {
      policy: this.config.cost.policy,
      minMargin,
      costMargin: this.config.cost.costMargin,
    });
    const applied = mode === 'auto';
    if (decision.changed && decision.primary !== null) {
      await this.routing.insertChange({
        previousPrimary: state?.primaryModel ?? null,
        primaryModel: decision.primary,
        fallbacks: decision.fallbacks,
        mode,
        applied,
        dcrsRunId,
        reason: decision.reason,
        createdAt: now,
      });
    }
    if (applied && ranked.length > 0) {
      await this.routing.saveState({
        primaryModel: decision.primary,
        fallbacks: decision.fallbacks,
        mode,
        updatedAt: now,
        dcrsRunId,
        reason: decision.reason,
        rule: decision.rule,
        compared: decision.compared,
      });
      if (decision.changed) {
        this.events.publish('routing.changed', {
          primary: decision.primary,
          fallbacks: decision.fallbacks,
          mode,
          updatedAt: now,
          dcrsRunId,
          reason: decision.reason,
        });
      }
    }
    return { best: ranked[0]?.name ?? null, changed: decision.changed, reason: decision.reason };
  }

  /** Each candidate's cost per successful call over the last 7 days and whether its quota is used up. */
  private async withCostAndQuota(candidates: readonly RoutingCandidate[], now: Date): Promise<RoutingCandidate[]> {
    const [models, costs] = await Promise.all([
      this.models.findByNames(candidates.map((c) => c.name)),
      this.costs.costPerCallByModel(daysBefore(now, COST_WINDOW_DAYS)),
    ]);
    return candidates.map((candidate) => {
      const model = models.find((m) => m.name === candidate.name);
      if (!model) return candidate;
      const quota = {
        requestsRemaining: model.quotaRequestsRemaining,
        requestsLimit: model.quotaRequestsLimit,
        tokensRemaining: model.quotaTokensRemaining,
        tokensLimit: model.quotaTokensLimit,
        requestsResetAt: model.quotaRequestsResetAt,
        tokensResetAt: model.quotaTokensResetAt,
      };
      return {
        ...candidate,
        costPerCall: costs.get(model.id) ?? null,
        quotaExhausted: model.quotaReadAt !== null && quotaExhausted(quota, now),
      };
    });
  }
}
