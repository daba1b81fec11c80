// The routing policy on top of the ranking: `quality` keeps today's rule (the best score wins, with
// its hysteresis); `cost_within` takes the cheapest model whose score is within a margin of the best.
// Either way the decision names the rule that chose and the figures it compared. Pure.
import type { RoutingPolicy } from '../config/routing.config.js';
import { decideRouting, type RoutingCandidate, type RoutingDecision } from './routing-decision.js';

export interface PolicyRules {
  policy: RoutingPolicy;
  /** Points the best must beat the primary by (quality). */
  minMargin: number;
  /** Points a cheaper model may trail the best by (cost_within). */
  costMargin: number;
}

/** One ranked model as the rule saw it. */
export interface ComparedCandidate {
  name: string;
  score: number;
  costPerCall: number | null;
  /** Within the cost margin of the best (cost_within); false under quality. */
  withinMargin: boolean;
}

export interface PolicyDecision extends RoutingDecision {
  /** The rule that chose: quality also when cost_within had no price to compare. */
  rule: RoutingPolicy;
  compared: ComparedCandidate[];
}

export function decideWithPolicy(
  currentPrimary: string | null,
  ranked: readonly RoutingCandidate[],
  rules: PolicyRules,
): PolicyDecision {
  const best = ranked[0];
  if (rules.policy === 'quality' || !best) {
    return {
      ...decideRouting(currentPrimary, ranked, rules.minMargin),
      rule: 'quality',
      compared: compare(ranked, null, 0),
    };
  }
  const compared = compare(ranked, best.score, rules.costMargin);
  const priced = ranked.filter((c, i) => compared[i]?.withinMargin && typeof c.costPerCall === 'number');
  if (priced.length === 0) {
    const fallback = decideRouting(currentPrimary, ranked, rules.minMargin);
    return {
      ...fallback,
      reason: `cost_within: no model within ${rules.costMargin} points of ${best.name} has a known cost; by quality: ${fallback.reason}`,
      rule: 'quality',
      compared,
    };
  }
  // Cheapest first; a tie keeps the ranking's order (sort is stable).
  const byCost = [...priced].sort((a, b) => (a.costPerCall ?? 0) - (b.costPerCall ?? 0));
  const cheapest = byCost[0];
  // The current primary stays while it is as cheap as the cheapest (no flapping between equals).
  const current = priced.find((c) => c.name === currentPrimary);
  const pick = current && (current.costPerCall ?? 0) <= (cheapest.costPerCall ?? 0) ? current : cheapest;
  const fallbacks = ranked.map((c) => c.name).filter((name) => name !== pick.name);
  const figures = `${pick.name} (score ${pick.score}, ${pick.costPerCall} per call) is the cheapest of ${priced.length} model(s) within ${rules.costMargin} points of the best, ${best.name} (${best.score})`;
  const changed = pick.name !== currentPrimary;
  return {
    primary: pick.name,
    fallbacks,
    changed,
    reason: changed ? `cost_within: ${figures}` : `cost_within: ${figures}: primary kept`,
    rule: 'cost_within',
    compared,
  };
}

function compare(ranked: readonly RoutingCandidate[], bestScore: number | null, margin: number): ComparedCandidate[] {
  return ranked.map((c) => ({
    name: c.name,
    score: c.score,
    costPerCall: c.costPerCall ?? null,
    withinMargin: bestScore !== null && bestScore - c.score <= margin + 1e-9,
  }));
}
