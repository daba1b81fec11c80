import { mean, median, percentile, round, roundOrNull } from './stats.js';

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
});
