import type { PriceDefault } from '../config/routing.config.js';
import { callCost, costFigures, resolvePrice, type CostGroup, type Price } from './pricing.js';

const DEFAULTS: PriceDefault[] = [
  { model: 'gpt-4o-mini', inputPerMillion: 0.15, outputPerMillion: 0.6, currency: 'USD' },
  { model: 'Groq', inputPerMillion: 0.59, outputPerMillion: 0.79, currency: 'USD' },
];
const ADMIN = {
  inputPerMillion: 1,
  outputPerMillion: 2,
  currency: 'EUR',
  effectiveFrom: new Date('2026-11-01T00:00:00Z'),
};

describe('resolvePrice', () => {
  it("prefers the admin's price in force over the file", () => {
    expect(resolvePrice(ADMIN, DEFAULTS, { name: 'Groq', providerModel: null })).toEqual({ ...ADMIN, source: 'admin' });
  });

  it('matches a file default by model name, then by provider model id', () => {
    expect(resolvePrice(null, DEFAULTS, { name: 'Groq', providerModel: 'gpt-4o-mini' })?.inputPerMillion).toBe(0.59);
    expect(resolvePrice(null, DEFAULTS, { name: 'OpenAI', providerModel: 'gpt-4o-mini' })).toEqual({
      inputPerMillion: 0.15,
      outputPerMillion: 0.6,
      currency: 'USD',
      source: 'file',
      effectiveFrom: null,
    });
  });

  it('knows no price for a model no one priced', () => {
    expect(resolvePrice(null, DEFAULTS, { name: 'Mystery', providerModel: null })).toBeNull();
  });
});

describe('callCost', () => {
  const price: Price = {
    inputPerMillion: 0.15,
    outputPerMillion: 0.6,
    currency: 'USD',
    source: 'file',
    effectiveFrom: null,
  };

  it('prices 12 input and 4 output tokens at 0.15/0.60 per million: 0.0000042', () => {
    expect(callCost(price, 12, 4)).toBe(0.0000042);
  });

  it('counts a missing side as 0 when the other is known, and is null with neither or no price', () => {
    expect(callCost(price, null, 1_000_000)).toBe(0.6);
    expect(callCost(price, null, null)).toBeNull();
    expect(callCost(null, 12, 4)).toBeNull();
  });
});

describe('costFigures', () => {
  const group = (patch: Partial<CostGroup>): CostGroup => ({
    kind: 'probe',
    calls: 0,
    successes: 0,
    costedCalls: 0,
    cost: 0,
    inputTokens: 0,
    outputTokens: 0,
    scoreSum: 0,
    scoredCalls: 0,
    ...patch,
  });

  it('splits probe and evaluation cost and divides by successes and by the mean score', () => {
    // 10 probes (8 ok) costing 0.002 in all; 5 evaluation cases, all ok, costing 0.008, mean score 8.
    const figures = costFigures([
      group({ kind: 'probe', calls: 10, successes: 8, costedCalls: 8, cost: 0.002, inputTokens: 96, outputTokens: 8 }),
      group({ kind: 'evaluation', calls: 5, successes: 5, costedCalls: 5, cost: 0.008, scoreSum: 40, scoredCalls: 5 }),
    ]);
    expect(figures).toEqual({
      calls: 15,
      successes: 13,
      cost: 0.01,
      inputTokens: 96,
      outputTokens: 8,
      probeCost: 0.002,
      evaluationCost: 0.008,
      costPerSuccessfulCall: 0.0007692308, // 0.01 / 13
      meanScore: 8,
      costPerQualityPoint: 0.0000961538, // 0.0007692308 / 8
    });
  });

  it('says null per call and per point when nothing was costed, succeeded or scored', () => {
    const unpriced = costFigures([group({ calls: 3, successes: 3 })]);
    expect(unpriced.costPerSuccessfulCall).toBeNull();
    expect(unpriced.costPerQualityPoint).toBeNull();
    const allFailed = costFigures([group({ calls: 3, successes: 0, costedCalls: 0 })]);
    expect(allFailed.costPerSuccessfulCall).toBeNull();
    const zeroScore = costFigures([
      group({ kind: 'evaluation', calls: 1, successes: 1, costedCalls: 1, cost: 1, scoreSum: 0, scoredCalls: 1 }),
    ]);
    expect(zeroScore).toMatchObject({ costPerSuccessfulCall: 1, meanScore: 0, costPerQualityPoint: null });
  });
});
