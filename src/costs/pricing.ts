// What a call costs and what a model's calls cost per success and per quality point. Pure.
import type { PriceDefault } from '../config/routing.config.js';

export interface Price {
  inputPerMillion: number;
  outputPerMillion: number;
  currency: string;
  /** 'admin': set with PUT /api/models/:id/price; 'file': a PRICES_PATH default. */
  source: 'admin' | 'file';
  /** When an admin's price took effect; null for a file default. */
  effectiveFrom: Date | null;
}

/**
 * The price of a model: the admin's latest price in force (already chosen by the caller for the
 * instant), else the PRICES_PATH default that names the model, by name first, then provider model id.
 */
export function resolvePrice(
  adminPrice: Omit<Price, 'source'> | null,
  defaults: readonly PriceDefault[],
  model: { name: string; providerModel: string | null },
): Price | null {
  if (adminPrice) return { ...adminPrice, source: 'admin' };
  const byName = defaults.find((d) => d.model === model.name);
  const byProviderModel = model.providerModel ? defaults.find((d) => d.model === model.providerModel) : undefined;
  const found = byName ?? byProviderModel;
  return found
    ? {
        inputPerMillion: found.inputPerMillion,
        outputPerMillion: found.outputPerMillion,
        currency: found.currency,
        source: 'file',
        effectiveFrom: null,
      }
    : null;
}

/**
 * A call's cost at `price`; null without a price or without any token count. A count the provider
 * did not report while it reported the other counts as 0 (OpenAI-compatible servers without
 * stream usage report neither).
 */
export function callCost(price: Price | null, inputTokens: number | null, outputTokens: number | null): number | null {
  if (price === null || (inputTokens === null && outputTokens === null)) return null;
  const cost = ((inputTokens ?? 0) * price.inputPerMillion + (outputTokens ?? 0) * price.outputPerMillion) / 1_000_000;
  return Math.round(cost * 1e10) / 1e10;
}

/** What the window's rows of one model add up to (one group per kind of call). */
export interface CostGroup {
  kind: string;
  calls: number;
  successes: number;
  /** Calls with a cost (a price and token counts). */
  costedCalls: number;
  cost: number;
  inputTokens: number;
  outputTokens: number;
  /** Sum and count of the evaluation case scores (kinds evaluation and manual). */
  scoreSum: number;
  scoredCalls: number;
}

export interface CostFigures {
  calls: number;
  successes: number;
  cost: number;
  inputTokens: number;
  outputTokens: number;
  probeCost: number;
  evaluationCost: number;
  /** Total cost over the successful calls; null without a success or without any costed call. */
  costPerSuccessfulCall: number | null;
  /** Mean evaluation score (0..10) of the window; null without an evaluation. */
  meanScore: number | null;
  /** costPerSuccessfulCall / meanScore; null when either is unknown or the score is 0. */
  costPerQualityPoint: number | null;
}

const PROBE_KINDS = new Set(['probe', 'simulated']);
const EVALUATION_KINDS = new Set(['evaluation', 'manual']);

/** The figures of one model over a window (simulated calls, probes and cases alike, count with the probes). */
export function costFigures(groups: readonly CostGroup[]): CostFigures {
  const sum = (pick: (g: CostGroup) => number, only?: (g: CostGroup) => boolean): number =>
    groups.filter((g) => only?.(g) ?? true).reduce((total, g) => total + pick(g), 0);
  const calls = sum((g) => g.calls);
  const successes = sum((g) => g.successes);
  const costed = sum((g) => g.costedCalls);
  const cost = roundMoney(sum((g) => g.cost));
  const scored = sum((g) => g.scoredCalls);
  const meanScore = scored === 0 ? null : Math.round((sum((g) => g.scoreSum) / scored) * 100) / 100;
  const costPerSuccessfulCall = successes === 0 || costed === 0 ? null : roundMoney(cost / successes);
  return {
    calls,
    successes,
    cost,
    inputTokens: sum((g) => g.inputTokens),
    outputTokens: sum((g) => g.outputTokens),
    probeCost: roundMoney(
      sum(
        (g) => g.cost,
        (g) => PROBE_KINDS.has(g.kind),
      ),
    ),
    evaluationCost: roundMoney(
      sum(
        (g) => g.cost,
        (g) => EVALUATION_KINDS.has(g.kind),
      ),
    ),
    costPerSuccessfulCall,
    meanScore,
    costPerQualityPoint:
      costPerSuccessfulCall === null || meanScore === null || meanScore <= 0
        ? null
        : roundMoney(cost / successes / meanScore),
  };
}

export function roundMoney(value: number): number {
  return Math.round(value * 1e10) / 1e10;
}
