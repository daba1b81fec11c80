// Prices (admin history over PRICES_PATH defaults), the cost of a call when it is stored, and the
// cost figures of the models over a window.
import { Inject, Injectable } from '@nestjs/common';
import { Clock, daysBefore, hoursBefore } from '../common/clock.js';
import { notFound } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { ModelEntity } from '../models/model.entity.js';
import { ModelsRepository } from '../models/models.repository.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { CostWindowRepository, type ModelCostGroup } from './cost-window.repository.js';
import { toCostFiguresResponse, toKindCosts, toPriceResponse } from './dto/cost.mapper.js';
import type { CostsResponse, ModelCostsResponse, PriceResponse } from './dto/cost.response.js';
import type { SetPriceRequest } from './dto/price.request.js';
import { ModelPricesRepository } from './model-prices.repository.js';
import { callCost, costFigures, resolvePrice, roundMoney, type Price } from './pricing.js';

@Injectable()
export class CostsService {
  constructor(
    private readonly prices: ModelPricesRepository,
    private readonly windows: CostWindowRepository,
    private readonly models: ModelsRepository,
    private readonly registry: ProviderRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The model's price in force at `at`, or null when none is known. */
  async priceAt(model: ModelEntity, at: Date): Promise<Price | null> {
    const admin = await this.prices.findInForce(model.id, at);
    return resolvePrice(
      admin && {
        inputPerMillion: admin.inputPerMillion,
        outputPerMillion: admin.outputPerMillion,
        currency: admin.currency,
        effectiveFrom: admin.effectiveFrom,
      },
      this.config.cost.defaultPrices,
      { name: model.name, providerModel: model.providerModel ?? this.registry.settingsFor(model).model },
    );
  }

  /** What a call made at `at` costs, at the price in force then; null when unknown. */
  async costOfCall(
    model: ModelEntity,
    inputTokens: number | null,
    outputTokens: number | null,
    at: Date,
  ): Promise<number | null> {
    if (inputTokens === null && outputTokens === null) return null;
    return callCost(await this.priceAt(model, at), inputTokens, outputTokens);
  }

  /** A new price from now on; calls stored before keep the cost they were stored with. */
  async setPrice(modelId: number, request: SetPriceRequest): Promise<PriceResponse> {
    await this.requireModel(modelId);
    const price = await this.prices.insert({
      modelId,
      inputPerMillion: request.input_per_million,
      outputPerMillion: request.output_per_million,
      currency: request.currency ?? 'USD',
      effectiveFrom: this.clock.now(),
    });
    return toPriceResponse(modelId, { ...price, source: 'admin' });
  }

  async modelCosts(modelId: number): Promise<ModelCostsResponse> {
    const model = await this.requireModel(modelId);
    const now = this.clock.now();
    const [day, week, month, price] = await Promise.all([
      this.windows.sumCallsSince(hoursBefore(now, 24), modelId),
      this.windows.sumCallsSince(daysBefore(now, 7), modelId),
      this.windows.sumCallsSince(daysBefore(now, 30), modelId),
      this.priceAt(model, now),
    ]);
    return {
      model_id: model.id,
      model: model.name,
      price: price && toPriceResponse(model.id, price),
      windows: {
        last_24h: toCostFiguresResponse(costFigures(day)),
        last_7d: toCostFiguresResponse(costFigures(week)),
        last_30d: toCostFiguresResponse(costFigures(month)),
      },
    };
  }

  async totals(days: number): Promise<CostsResponse> {
    const now = this.clock.now();
    const since = daysBefore(now, days);
    const [groups, models] = await Promise.all([this.windows.sumCallsSince(since), this.models.findAllOrdered()]);
    const byModel = new Map<number, ModelCostGroup[]>();
    for (const group of groups) byModel.set(group.modelId, [...(byModel.get(group.modelId) ?? []), group]);
    const by_model = await Promise.all(
      [...byModel].map(async ([modelId, modelGroups]) => {
        const model = models.find((m) => m.id === modelId);
        const price = model ? await this.priceAt(model, now) : null;
        return {
          model_id: modelId,
          model: model?.name ?? `model ${modelId} (removed)`,
          currency: price?.currency ?? null,
          ...toCostFiguresResponse(costFigures(modelGroups)),
          by_kind: toKindCosts(modelGroups),
        };
      }),
    );
    return {
      days,
      since: since.toISOString(),
      total_cost: roundMoney(groups.reduce((sum, g) => sum + g.cost, 0)),
      by_model,
      by_kind: toKindCosts(groups),
    };
  }

  /** Cost per successful call of each model over the window (routing's cost figure). */
  async costPerCallByModel(since: Date): Promise<Map<number, number | null>> {
    const byModel = new Map<number, ModelCostGroup[]>();
    for (const group of await this.windows.sumCallsSince(since)) {
      byModel.set(group.modelId, [...(byModel.get(group.modelId) ?? []), group]);
    }
    return new Map([...byModel].map(([id, groups]) => [id, costFigures(groups).costPerSuccessfulCall]));
  }

  private async requireModel(id: number): Promise<ModelEntity> {
    const model = await this.models.findById(id);
    if (!model) throw notFound(`Model ${id} not found`);
    return model;
  }
}
