// Liveness probes: one short prompt with a known answer per probe-able model, a few at a time.
// Each probe writes a daily_metrics row and then recomputes the model's state.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, utcDate } from '../common/clock.js';
import { mapWithConcurrency } from '../common/concurrency.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DomainEventBus } from '../events/domain-events.js';
import { MetricsRepository } from '../metrics/metrics.repository.js';
import type { ModelEntity } from '../models/model.entity.js';
import type { ProbeVerdict } from '../models/model-status.js';
import { ModelsRepository } from '../models/models.repository.js';
import { ProviderClient } from '../providers/provider-client.js';
import type { CallResult, ChatRequest } from '../providers/provider.types.js';
import { ModelStateService } from './model-state.service.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { ProviderSimulator, simulationProfile } from './provider-simulator.js';

// Generous maxTokens: reasoning models (gpt-oss, gemini-2.5) may think before the one-word answer.
export const PROBE_REQUEST: ChatRequest = { prompt: 'Reply with exactly one word: pong', maxTokens: 256 };
const PROBE_ANSWER = /\bpong\b/i;

export interface ProbeRoundSummary {
  probed: number;
  skipped: number;
}

export function verdictOf(result: CallResult): ProbeVerdict {
  if (result.ok) return 'success';
  return result.errorKind === 'rate_limited' ? 'rate_limited' : 'failure';
}

@Injectable()
export class ProbeService {
  private readonly logger = new Logger(ProbeService.name);
  private round: Promise<ProbeRoundSummary> | null = null;

  constructor(
    private readonly models: ModelsRepository,
    private readonly metrics: MetricsRepository,
    private readonly registry: ProviderRegistry,
    private readonly client: ProviderClient,
    private readonly simulator: ProviderSimulator,
    private readonly state: ModelStateService,
    private readonly events: DomainEventBus,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One round over every probe-able model; a round already under way is joined, not doubled. */
  probeAll(): Promise<ProbeRoundSummary> {
    this.round ??= this.runRound().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private async runRound(): Promise<ProbeRoundSummary> {
    const now = this.clock.now();
    const candidates = await this.models.findEnabled();
    const due = candidates.filter(
      (m) =>
        this.registry.probeMode(m) !== 'off' && !(m.rateLimitedUntil && m.rateLimitedUntil.getTime() > now.getTime()),
    );
    await mapWithConcurrency(due, this.config.probing.concurrency, async (model) => {
      try {
        await this.probe(model);
      } catch (error) {
        this.logger.error({ err: error, model: model.name }, 'Probe failed unexpectedly');
      }
    });
    return { probed: due.length, skipped: candidates.length - due.length };
  }

  /** Probes one model now (live or simulated) and returns its updated row. */
  async probe(model: ModelEntity): Promise<ModelEntity> {
    const mode = this.registry.probeMode(model);
    const result =
      mode === 'live'
        ? await this.client.call(this.registry.settingsFor(model), PROBE_REQUEST, {
            timeoutMs: this.config.probing.timeoutMs,
          })
        : this.simulator.call(simulationProfile(model.name), 'pong');
    const at = this.clock.now();
    // A fact about the provider, published whether or not the row below can be written.
    this.events.publish('probe.completed', {
      modelId: model.id,
      model: model.name,
      mode: mode === 'live' ? 'live' : 'simulated',
      ok: result.ok,
      errorKind: result.ok ? null : result.errorKind,
      latencyMs: result.latencyMs,
      ttftMs: result.ok ? result.ttftMs : null,
      at,
    });
    await this.metrics.insertCalls([
      {
        modelId: model.id,
        kind: mode === 'live' ? 'probe' : 'simulated',
        timestamp: at,
        date: utcDate(at),
        score: result.ok && PROBE_ANSWER.test(result.text) ? 10 : 0,
        responseTime: result.latencyMs,
        success: result.ok,
        errorKind: result.ok ? null : result.errorKind,
        ttftMs: result.ok ? result.ttftMs : null,
        tokensPerSecond: result.ok ? result.tokensPerSecond : null,
        outputTokens: result.ok ? result.outputTokens : null,
        caseId: null,
        runId: null,
      },
    ]);
    return this.state.afterProbe(
      model,
      verdictOf(result),
      result.ok ? null : result.errorKind,
      result.ok ? undefined : result.retryAfterMs,
    );
  }
}
