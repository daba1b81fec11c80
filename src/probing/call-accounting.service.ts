// What a provider call leaves besides its answer: the tokens and cost stored with its row (at the
// price in force when it is stored), and the rate-limit figures kept on the model. Neither may cost a
// measurement: while the database is away the cost is left unknown and the figures are not kept.
import { Injectable, Logger } from '@nestjs/common';
import { CostsService } from '../costs/costs.service.js';
import { DatabaseAvailability } from '../database/database-availability.js';
import { DomainEventBus } from '../events/domain-events.js';
import type { ModelEntity } from '../models/model.entity.js';
import { ModelsRepository } from '../models/models.repository.js';
import type { CallResult } from '../providers/provider.types.js';
import type { QuotaReading } from '../providers/rate-limit-headers.js';

export interface CallUsage {
  inputTokens: number | null;
  outputTokens: number | null;
  cost: number | null;
}

@Injectable()
export class CallAccounting {
  private readonly logger = new Logger(CallAccounting.name);

  constructor(
    private readonly costs: CostsService,
    private readonly models: ModelsRepository,
    private readonly events: DomainEventBus,
    private readonly database: DatabaseAvailability,
  ) {}

  async account(model: ModelEntity, result: CallResult, at: Date): Promise<CallUsage> {
    await this.keepQuota(model, result, at);
    if (!result.ok) return { inputTokens: null, outputTokens: null, cost: null };
    // While the database is away the price cannot be read: the row waits in memory without a cost.
    const cost = this.database.available ? await this.costOf(model, result.inputTokens, result.outputTokens, at) : null;
    return { inputTokens: result.inputTokens, outputTokens: result.outputTokens, cost };
  }

  private async costOf(
    model: ModelEntity,
    inputTokens: number | null,
    outputTokens: number | null,
    at: Date,
  ): Promise<number | null> {
    try {
      return await this.costs.costOfCall(model, inputTokens, outputTokens, at);
    } catch (error) {
      this.database.noteFailure(error);
      this.logger.warn(
        { err: error, model: model.name },
        'The price could not be read: the call is stored without a cost',
      );
      return null;
    }
  }

  private async keepQuota(model: ModelEntity, result: CallResult, at: Date): Promise<void> {
    const reading = result.quota;
    if (!reading) return;
    const quota = { ...reading };
    if (this.database.available) await this.saveQuota(model, quota, at);
    // A fact about the provider, told whether or not it could be kept.
    this.events.publish('model.quota_read', { modelId: model.id, model: model.name, quota, at });
  }

  private async saveQuota(model: ModelEntity, quota: QuotaReading, at: Date): Promise<void> {
    try {
      await this.models.saveQuota(model.id, {
        quotaRequestsRemaining: quota.requestsRemaining,
        quotaRequestsLimit: quota.requestsLimit,
        quotaTokensRemaining: quota.tokensRemaining,
        quotaTokensLimit: quota.tokensLimit,
        quotaRequestsResetAt: quota.requestsResetAt,
        quotaTokensResetAt: quota.tokensResetAt,
        quotaReadAt: at,
      });
    } catch (error) {
      this.database.noteFailure(error);
      this.logger.warn({ err: error, model: model.name }, 'The quota figures could not be kept');
    }
  }
}
