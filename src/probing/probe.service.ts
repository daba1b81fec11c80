// Liveness probes: one short prompt with a known answer per probe-able model, a few at a time.
// Each probe writes a daily_metrics row and then recomputes the model's state (probe-result.recorder.ts).
// Rounds go on while the database is away, over the models it last listed: the providers are still
// measured, and the results wait in memory until they can be written.
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Clock, utcDate } from '../common/clock.js';
import { mapWithConcurrency } from '../common/concurrency.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { shutdownGraceMs } from '../config/resilience.config.js';
import { DatabaseAvailability } from '../database/database-availability.js';
import { DomainEventBus } from '../events/domain-events.js';
import type { NewCallRow } from '../metrics/metrics.repository.js';
import type { ModelEntity } from '../models/model.entity.js';
import type { ProbeVerdict } from '../models/model-status.js';
import { ModelsRepository } from '../models/models.repository.js';
import { ProviderClient } from '../providers/provider-client.js';
import type { CallResult, ChatRequest } from '../providers/provider.types.js';
import { MaintenanceService } from '../maintenance/maintenance.service.js';
import { CallAccounting } from './call-accounting.service.js';
import { ProbeResultRecorder, type MeasuredProbe } from './probe-result.recorder.js';
import { ProbeWriteBatch } from './probe-write-batch.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { ProviderSimulator, simulationProfile } from './provider-simulator.js';

// Generous maxTokens: reasoning models (gpt-oss, gemini-2.5) may think before the one-word answer.
export const PROBE_REQUEST: ChatRequest = { prompt: 'Reply with exactly one word: pong', maxTokens: 256 };
const PROBE_ANSWER = /\bpong\b/i;
/** A round's results are written together, at the latest this long after the first of them came. */
const ROUND_WRITE_WINDOW_MS = 1000;

export interface ProbeRoundSummary {
  probed: number;
  skipped: number;
}

export function verdictOf(result: CallResult): ProbeVerdict {
  if (result.ok) return 'success';
  return result.errorKind === 'rate_limited' ? 'rate_limited' : 'failure';
}

@Injectable()
export class ProbeService implements OnModuleDestroy {
  private readonly logger = new Logger(ProbeService.name);
  private round: Promise<ProbeRoundSummary> | null = null;
  /** The enabled models as last read, for rounds while the database is away. */
  private lastEnabled: ModelEntity[] | null = null;

  constructor(
    private readonly models: ModelsRepository,
    private readonly registry: ProviderRegistry,
    private readonly client: ProviderClient,
    private readonly simulator: ProviderSimulator,
    private readonly recorder: ProbeResultRecorder,
    private readonly accounting: CallAccounting,
    private readonly database: DatabaseAvailability,
    private readonly events: DomainEventBus,
    private readonly clock: Clock,
    private readonly maintenance: MaintenanceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One round over every probe-able model; a round already under way is joined, not doubled. */
  probeAll(): Promise<ProbeRoundSummary> {
    this.round ??= this.runRound().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  /**
   * At shutdown, while the database is still open: a round under way gets a moment to finish (its
   * calls have been made; their results are worth writing), then the kept results get theirs. In the
   * destroy phase, so that what their state changes set off (alert decisions) is queued before the
   * services that apply it drain, in the phase after.
   */
  async onModuleDestroy(): Promise<void> {
    const grace = shutdownGraceMs(this.config.resilience);
    if (this.round) await Promise.race([this.round.catch(() => undefined), sleep(grace, undefined, { ref: false })]);
    await this.recorder.close(grace);
  }

  private async runRound(): Promise<ProbeRoundSummary> {
    const now = this.clock.now();
    const candidates = await this.enabledModels();
    const due = candidates.filter(
      (m) =>
        this.registry.probeMode(m) !== 'off' && !(m.rateLimitedUntil && m.rateLimitedUntil.getTime() > now.getTime()),
    );
    const batch = new ProbeWriteBatch<MeasuredProbe>(
      (probes) => this.recorder.recordMany(probes),
      ROUND_WRITE_WINDOW_MS,
    );
    await mapWithConcurrency(due, this.config.probing.concurrency, async (model) => {
      try {
        batch.add(await this.measure(model));
      } catch (error) {
        this.logger.error({ err: error, model: model.name }, 'Probe failed unexpectedly');
      }
    });
    await batch.close();
    return { probed: due.length, skipped: candidates.length - due.length };
  }

  /** The enabled models; while the database is away, the list it last gave (if it ever did). */
  private async enabledModels(): Promise<ModelEntity[]> {
    if (this.database.available || this.lastEnabled === null) {
      try {
        this.lastEnabled = await this.models.findEnabled();
        return this.lastEnabled;
      } catch (error) {
        if (!this.database.noteFailure(error) || this.lastEnabled === null) throw error;
      }
    }
    return this.lastEnabled;
  }

  /**
   * Probes one model now (live or simulated) and returns its updated row; the row as it was when the
   * result has to wait for the database.
   */
  async probe(model: ModelEntity): Promise<ModelEntity> {
    const { row, outcome } = await this.measure(model);
    return (await this.recorder.record(model, row, outcome)) ?? model;
  }

  /** Calls the model (or the simulator) and says so; the result is not written yet. */
  private async measure(model: ModelEntity): Promise<MeasuredProbe> {
    const mode = this.registry.probeMode(model);
    const result =
      mode === 'live'
        ? await this.client.call(this.registry.settingsFor(model), PROBE_REQUEST, {
            timeoutMs: this.config.probing.timeoutMs,
          })
        : this.simulator.call(simulationProfile(model.name), 'pong');
    const at = this.clock.now();
    const inMaintenance = await this.inMaintenance(model.id, at);
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
    const usage = await this.accounting.account(model, result, at);
    const row: NewCallRow = {
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
      outputTokens: usage.outputTokens,
      inputTokens: usage.inputTokens,
      cost: usage.cost,
      caseId: null,
      runId: null,
      inMaintenance,
      fingerprint: result.ok ? (result.fingerprint ?? null) : null,
    };
    const outcome = {
      verdict: verdictOf(result),
      errorKind: result.ok ? null : result.errorKind,
      retryAfterMs: result.ok ? undefined : result.retryAfterMs,
      at,
      inMaintenance,
    };
    return { model, row, outcome };
  }

  /** While the database is away no window can be read: the probe then counts as usual. */
  private async inMaintenance(modelId: number, at: Date): Promise<boolean> {
    try {
      return await this.maintenance.isInMaintenance(modelId, at);
    } catch (error) {
      if (!this.database.noteFailure(error)) throw error;
      return false;
    }
  }
}
