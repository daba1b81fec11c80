// GET /api/routing/export: the routing as the gateway's configuration, with a strong ETag over the
// exact bytes, so that a gateway (or the script feeding it) can poll cheaply with If-None-Match.
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { ModelsRepository } from '../models/models.repository.js';
import { envPrefix } from '../providers/provider-catalog.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { exportRouting, type ExportedModel, type ExportFormat } from './routing-export.js';
import { RoutingRepository } from './routing.repository.js';

export interface RoutingExport {
  contentType: string;
  body: string;
  /** A strong validator: the quoted SHA-256 of the body. */
  etag: string;
}

@Injectable()
export class RoutingExportService {
  constructor(
    private readonly routing: RoutingRepository,
    private readonly models: ModelsRepository,
    private readonly registry: ProviderRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async export(format: ExportFormat): Promise<RoutingExport> {
    const state = await this.routing.findState();
    const order = state?.primaryModel ? [state.primaryModel, ...state.fallbacks] : [];
    const found = await this.models.findByNames(order);
    const models = order.flatMap((name): ExportedModel[] => {
      const model = found.find((m) => m.name === name);
      if (!model) return []; // removed or renamed since the decision
      const settings = this.registry.settingsFor(model);
      return [
        {
          name: model.name,
          apiType: model.apiType,
          providerModel: settings.model,
          baseUrl: model.baseUrl,
          keyVariable: `${envPrefix(model.apiType)}_API_KEY`,
        },
      ];
    });
    const exported = exportRouting(
      {
        primary: state?.primaryModel ?? null,
        fallbacks: state?.fallbacks ?? [],
        mode: this.config.routing.mode,
        policy: this.config.cost.policy,
        rule: state?.rule ?? null,
        reason: state?.reason ?? 'No DCRS run has decided the routing yet',
        updatedAt: state?.updatedAt.toISOString() ?? null,
        dcrsRunId: state?.dcrsRunId ?? null,
        models,
      },
      format,
    );
    const etag = `"${createHash('sha256').update(exported.body).digest('base64url')}"`;
    return { ...exported, etag };
  }
}

/** Whether an If-None-Match header names this ETag (or is *): the client's copy is current. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
