import {
  atLeast,
  atMost,
  availabilityPercent,
  budgetLeftPercent,
  burnRate,
  burnSeverity,
  decideSloBurnAlerts,
} from './slo-budget.js';

const THRESHOLDS = { fast: 14.4, slow: 6 };

describe('error budget and burn rate (99.5 % objective: 0.5 % of calls may fail)', () => {
  it('1 failure in 1000 calls: availability 99.9 %, burn rate 0.2, 80 % of the budget left', () => {
    const stats = { calls: 1000, successes: 999 };
    expect(availabilityPercent(stats)).toBe(99.9);
    expect(burnRate(stats, 99.5)).toBe(0.2);
    expect(budgetLeftPercent(stats, 99.5)).toBe(80);
  });

  it('5 failures in 1000: the budget is exactly spent, burn rate 1', () => {
    expect(burnRate({ calls: 1000, successes: 995 }, 99.5)).toBe(1);
    expect(budgetLeftPercent({ calls: 1000, successes: 995 }, 99.5)).toBe(0);
  });

  it('10 failures in 100 calls: burn rate 20, budget overspent 19 times', () => {
    expect(burnRate({ calls: 100, successes: 90 }, 99.5)).toBe(20);
    expect(budgetLeftPercent({ calls: 100, successes: 90 }, 99.5)).toBe(-1900);
  });

  it('nothing counted: no figures', () => {
    expect(availabilityPercent({ calls: 0, successes: 0 })).toBeNull();
    expect(burnRate({ calls: 0, successes: 0 }, 99.5)).toBeNull();
    expect(budgetLeftPercent({ calls: 0, successes: 0 }, 99.5)).toBeNull();
  });

  it('a 100 % objective has no budget: any failure burns at Infinity', () => {
    expect(burnRate({ calls: 10, successes: 9 }, 100)).toBe(Number.POSITIVE_INFINITY);
    expect(burnRate({ calls: 10, successes: 10 }, 100)).toBe(0);
  });
});

describe('burn severity (SRE workbook: 1 h and 5 min above 14.4, or 6 h and 30 min above 6)', () => {
  it('fast when both short windows burn above 14.4', () => {
    expect(burnSeverity({ h1: 20, m5: 30, h6: 3, m30: 10 }, THRESHOLDS)).toBe('fast');
  });

  it('not fast when only the 1 h window burns (the 5 min one has recovered)', () => {
    expect(burnSeverity({ h1: 20, m5: 0, h6: 3, m30: 2 }, THRESHOLDS)).toBeNull();
  });

  it('slow when the 6 h and 30 min windows burn above 6', () => {
    expect(burnSeverity({ h1: 10, m5: 10, h6: 7, m30: 8 }, THRESHOLDS)).toBe('slow');
  });

  it('a window without calls never burns', () => {
    expect(burnSeverity({ h1: 100, m5: null, h6: null, m30: null }, THRESHOLDS)).toBeNull();
  });
});

describe('slo_burn alert decisions', () => {
  const burning = { h1: 100, m5: 100, h6: 100, m30: 100 };
  const calm = { h1: 50, m5: 0, h6: 5, m30: 0 };

  it('opens a critical slo_burn on a fast burn, naming the rates', () => {
    expect(decideSloBurnAlerts('GPT', 99, burning, THRESHOLDS, new Set())).toEqual([
      {
        action: 'open',
        type: 'slo_burn',
        severity: 'critical',
        subject: 'GPT',
        message: 'GPT is burning its 99% availability error budget: 1 h burn rate 100 and 5 min 100 above 14.4',
      },
    ]);
  });

  it('does not open twice, and resolves once the burn stops', () => {
    const open = new Set(['slo_burn:GPT']);
    expect(decideSloBurnAlerts('GPT', 99, burning, THRESHOLDS, open)).toEqual([]);
    expect(decideSloBurnAlerts('GPT', 99, calm, THRESHOLDS, open)).toEqual([
      { action: 'resolve', type: 'slo_burn', subject: 'GPT' },
    ]);
    expect(decideSloBurnAlerts('GPT', 99, calm, THRESHOLDS, new Set())).toEqual([]);
  });
});

describe('latency and score objectives', () => {
  it('hold at or under / at or over the objective, and say nothing without data', () => {
    expect(atMost(800, 1000)).toBe(true);
    expect(atMost(1200, 1000)).toBe(false);
    expect(atMost(null, 1000)).toBeNull();
    expect(atLeast(7.5, 7)).toBe(true);
    expect(atLeast(6.9, 7)).toBe(false);
  });
});
