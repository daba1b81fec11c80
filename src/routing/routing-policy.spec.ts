import { rankCandidates, type RoutingCandidate } from './routing-decision.js';
import { decideWithPolicy, type PolicyRules } from './routing-policy.js';

const c = (name: string, score: number, costPerCall: number | null, extra: Partial<RoutingCandidate> = {}) => ({
  name,
  score,
  p50LatencyMs: 1000,
  uptimePercent: 100,
  status: 'healthy' as const,
  costPerCall,
  ...extra,
});
const COST: PolicyRules = { policy: 'cost_within', minMargin: 0.2, costMargin: 0.5 };
const QUALITY: PolicyRules = { policy: 'quality', minMargin: 0.2, costMargin: 0.5 };
const rank = (candidates: RoutingCandidate[]) => rankCandidates(candidates, { minUptime: 95 });

describe('cost_within', () => {
  // Gemini scores best but costs 10x; Groq is 0.3 behind and cheapest; Cheap is cheaper still but 1.5 behind.
  const ranked = rank([
    c('Gemini', 9.9, 0.001),
    c('Groq', 9.6, 0.0001),
    c('Anthropic', 9.5, 0.0005),
    c('Cheap', 8.4, 0.00001),
  ]);

  it('picks the cheapest model within the margin of the best, and says so with the figures', () => {
    const decision = decideWithPolicy(null, ranked, COST);
    expect(decision).toMatchObject({
      primary: 'Groq',
      fallbacks: ['Gemini', 'Anthropic', 'Cheap'],
      changed: true,
      rule: 'cost_within',
    });
    expect(decision.reason).toBe(
      'cost_within: Groq (score 9.6, 0.0001 per call) is the cheapest of 3 model(s) within 0.5 points of the best, Gemini (9.9)',
    );
    expect(decision.compared).toEqual([
      { name: 'Gemini', score: 9.9, costPerCall: 0.001, withinMargin: true },
      { name: 'Groq', score: 9.6, costPerCall: 0.0001, withinMargin: true },
      { name: 'Anthropic', score: 9.5, costPerCall: 0.0005, withinMargin: true },
      { name: 'Cheap', score: 8.4, costPerCall: 0.00001, withinMargin: false },
    ]);
  });

  it('keeps the primary when it is already the cheapest within the margin', () => {
    expect(decideWithPolicy('Groq', ranked, COST)).toMatchObject({ primary: 'Groq', changed: false });
  });

  it('moves off a primary that fell out of the margin, even a cheaper one', () => {
    expect(decideWithPolicy('Cheap', ranked, COST)).toMatchObject({ primary: 'Groq', changed: true });
  });

  it('ignores unpriced models and falls back to quality when no model within the margin has a price', () => {
    expect(decideWithPolicy(null, rank([c('A', 9.9, null), c('B', 9.8, 0.5)]), COST).primary).toBe('B');
    const unpriced = decideWithPolicy(null, rank([c('A', 9.9, null), c('B', 9.8, null)]), COST);
    expect(unpriced).toMatchObject({ primary: 'A', rule: 'quality' });
    expect(unpriced.reason).toContain('cost_within: no model within 0.5 points of A has a known cost; by quality:');
  });

  it('leaves out a model whose quota is exhausted, however cheap', () => {
    const decision = decideWithPolicy(
      null,
      rank([c('Gemini', 9.9, 0.001), c('Groq', 9.6, 0.0001, { quotaExhausted: true })]),
      COST,
    );
    expect(decision).toMatchObject({ primary: 'Gemini', fallbacks: [] });
  });
});

describe('quality', () => {
  it("is today's ranking, naming its rule and the figures", () => {
    const decision = decideWithPolicy(null, rank([c('Gemini', 9.9, 0.001), c('Groq', 9.6, 0.0001)]), QUALITY);
    expect(decision).toMatchObject({ primary: 'Gemini', fallbacks: ['Groq'], rule: 'quality' });
    expect(decision.compared.map((x) => x.withinMargin)).toEqual([false, false]);
  });
});
