// The admin-facing side of probing: provider overview, probe now, evaluate now.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { MetricsRepository } from '../metrics/metrics.repository.js';
import type { ModelEntity } from '../models/model.entity.js';
import { ModelsRepository } from '../models/models.repository.js';
import { KNOWN_API_TYPES } from '../providers/provider-catalog.js';
import { hostOf, ProviderRegistry } from '../providers/provider-registry.js';
import { toEvaluationResponse } from './dto/probing.mapper.js';
import type { ModelEvaluationResponse, ProviderListResponse } from './dto/probing.response.js';
import { EvaluationService } from './evaluation.service.js';
import { ProbeService } from './probe.service.js';
import { EvaluationSuiteService } from './evaluation-suite.service.js';

@Injectable()
export class ProbingService {
  constructor(
    private readonly registry: ProviderRegistry,
    private readonly metrics: MetricsRepository,
    private readonly models: ModelsRepository,
    private readonly probes: ProbeService,
    private readonly evaluations: EvaluationService,
    private readonly suite: EvaluationSuiteService,
    private readonly clock: Clock,
  ) {}

  async providers(): Promise<ProviderListResponse> {
    const providers = await Promise.all(
      KNOWN_API_TYPES.map(async (apiType) => {
        const settings = this.registry.typeSettings(apiType);
        const failure = await this.metrics.findLatestFailureOfApiType(apiType);
        return {
          api_type: apiType,
          wire_format: settings.wireFormat,
          configured: settings.configured,
          base_url_host: hostOf(settings.baseUrl),
          model: settings.model,
          problems: [...settings.problems],
          last_error_kind: failure?.errorKind ?? null,
          last_error_at: failure?.timestamp.toISOString() ?? null,
        };
      }),
    );
    return { providers };
  }

  async probe(id: number): Promise<ModelEntity> {
    return this.probes.probe(await this.probeable(id));
  }

  async evaluate(id: number): Promise<ModelEvaluationResponse> {
    const model = await this.probeable(id);
    return toEvaluationResponse(
      await this.evaluations.evaluate(model, this.suite.current(), { runId: null, kind: 'manual' }),
    );
  }

  private async probeable(id: number): Promise<ModelEntity> {
    const model = await this.models.findById(id);
    if (!model) throw notFound(`Model ${id} not found`);
    if (this.registry.probeMode(model) === 'off') {
      const problems = this.registry.settingsFor(model).problems.join('; ');
      throw new DomainError(
        'unprocessable',
        `Model "${model.name}" cannot be probed: ${model.enabled ? problems : 'it is disabled'}`,
      );
    }
    // A provider's Retry-After holds for calls by hand too, not only for probe rounds.
    const until = model.rateLimitedUntil;
    if (until && until.getTime() > this.clock.now().getTime()) {
      throw new DomainError(
        'too_many_requests',
        `Model "${model.name}" is rate limited by its provider until ${until.toISOString()}`,
      );
    }
    return model;
  }
}
