import { latencyStats, mean, median, percentile, round, roundOrNull } from './stats.js';

describe('stats', () => {
  it('round keeps the given decimals and rounds half up', () => {
    expect(round(9.085, 2)).toBe(9.09);
    expect(round(2.45, 1)).toBe(2.5);
    expect(round(10, 1)).toBe(10);
  });

  it('mean of the seed scores is 9.09 after rounding', () => {
    expect(round(mean([9.9, 9.7, 9.4, 9.1, 8.7, 9.0, 8.9, 8.8, 8.6, 8.8])!, 2)).toBe(9.09);
    expect(mean([])).toBeNull();
    expect(roundOrNull(null, 2)).toBeNull();
  });

  it('percentile uses the nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(percentile(values, 95)).toBe(190);
    expect(percentile(values, 100)).toBe(200);
    expect(percentile([5], 95)).toBe(5);
    expect(percentile([], 95)).toBeNull();
  });

  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('latencyStats: worked example, 400..2300 ms in steps of 100 (20 values) in any order', () => {
    const values = Array.from({ length: 20 }, (_, i) => 2300 - i * 100);
    // median of an even count: the mean of the 10th and 11th (1300, 1400); p95: the 19th (ceil(0.95 * 20)).
    expect(latencyStats(values)).toEqual({ samples: 20, median: 1350, p95: 2200 });
    expect(latencyStats([700])).toEqual({ samples: 1, median: 700, p95: 700 });
    expect(latencyStats([])).toBeNull();
  });
});
