// Applies (or, in recommend mode, records) the routing decisions of DCRS runs.
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DomainEventBus } from '../events/domain-events.js';
import { toRoutingChangeResponse, toRoutingResponse } from './dto/routing.mapper.js';
import type { RoutingHistoryResponse, RoutingResponse } from './dto/routing.response.js';
import { decideRouting, rankCandidates, type RoutingCandidate } from './routing-decision.js';
import { RoutingRepository } from './routing.repository.js';

export interface RoutingOutcome {
  /** The best eligible model of the run, if any. */
  best: string | null;
  /** True when the primary changed (auto) or a change was recommended (recommend). */
  changed: boolean;
  reason: string;
}

@Injectable()
export class RoutingService {
  constructor(
    private readonly routing: RoutingRepository,
    private readonly events: DomainEventBus,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async current(): Promise<RoutingResponse> {
    const [state, latest] = await Promise.all([this.routing.findState(), this.routing.findLatestChange()]);
    return toRoutingResponse(state, this.config.routing.mode, latest);
  }

  async history(limit = 100): Promise<RoutingHistoryResponse> {
    return { changes: (await this.routing.findChanges(limit)).map(toRoutingChangeResponse) };
  }

  /** Ranks the run's candidates and applies the decision; returns what the DCRS row records. */
  async decide(candidates: readonly RoutingCandidate[], dcrsRunId: number): Promise<RoutingOutcome> {
    const { mode, minMargin, minUptime } = this.config.routing;
    const ranked = rankCandidates(candidates, { minUptime });
    const state = await this.routing.findState();
    const decision = decideRouting(state?.primaryModel ?? null, ranked, minMargin);
    const now = this.clock.now();
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
}
