import type { CostGroup, CostFigures, Price } from '../pricing.js';
import { roundMoney } from '../pricing.js';
import type { CostFiguresResponse, KindCostResponse, PriceResponse } from './cost.response.js';

export function toPriceResponse(modelId: number, price: Price): PriceResponse {
  return {
    model_id: modelId,
    input_per_million: price.inputPerMillion,
    output_per_million: price.outputPerMillion,
    currency: price.currency,
    source: price.source,
    effective_from: price.effectiveFrom?.toISOString() ?? null,
  };
}

export function toCostFiguresResponse(figures: CostFigures): CostFiguresResponse {
  return {
    calls: figures.calls,
    successes: figures.successes,
    cost: figures.cost,
    input_tokens: figures.inputTokens,
    output_tokens: figures.outputTokens,
    probe_cost: figures.probeCost,
    evaluation_cost: figures.evaluationCost,
    cost_per_successful_call: figures.costPerSuccessfulCall,
    mean_score: figures.meanScore,
    cost_per_quality_point: figures.costPerQualityPoint,
  };
}

/** The groups summed per kind of call, kinds in name order. */
export function toKindCosts(groups: readonly CostGroup[]): KindCostResponse[] {
  const kinds = new Map<string, KindCostResponse>();
  for (const g of groups) {
    const total = kinds.get(g.kind) ?? { kind: g.kind, calls: 0, cost: 0, input_tokens: 0, output_tokens: 0 };
    total.calls += g.calls;
    total.cost = roundMoney(total.cost + g.cost);
    total.input_tokens += g.inputTokens;
    total.output_tokens += g.outputTokens;
    kinds.set(g.kind, total);
  }
  return [...kinds.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}
