import { median, percentile } from './stats.js';
import {
  bucketKey,
  orderedKeys,
  parseStoredHistogram,
  bucketValue,
  fromValues,
  GROWTH,
  histogramMedian,
  histogramPercentile,
  histogramPercentiles,
  merge,
  mergeInto,
  parseHistogram,
  RELATIVE_ERROR,
  totalCount,
} from './log-histogram.js';

/** A reproducible spread of latencies (ms), like a provider's: mostly 300-900 ms, a slow tail. */
function latencies(count: number, seed: number): number[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () => Math.round(300 + 600 * next() + (next() < 0.05 ? 5000 * next() : 0)));
}

describe('log histogram', () => {
  it('states its relative error: under 2 % with 4 % buckets', () => {
    expect(GROWTH).toBe(1.04);
    expect(RELATIVE_ERROR).toBeCloseTo(0.0196, 4);
  });

  it('reads every value back within the stated error (worked example: 1000 ms)', () => {
    // log(1000)/log(1.04) = 176.12, so 1000 ms is in bucket 177, read back as 2·1.04^177/2.04 ≈ 1014.6 ms.
    expect(bucketKey(1000)).toBe('177');
    expect(bucketValue('177')).toBeCloseTo(1014.6, 0);
    for (const value of [0.01, 1, 2, 37, 999, 1000, 1001, 12_345, 600_000, 1.04 ** 3]) {
      const back = bucketValue(bucketKey(value));
      expect(Math.abs(back - value) / value).toBeLessThanOrEqual(RELATIVE_ERROR + 1e-12);
    }
  });

  it('counts zero, negative and missing-like values in a zero bucket read back as 0', () => {
    const h = fromValues([0, -5, 0.0001, Number.NaN]);
    expect(h).toEqual({ z: 4 });
    expect(histogramPercentile(h, 50)).toBe(0);
  });

  it('gives percentiles within the stated error of the exact nearest-rank ones', () => {
    const values = latencies(5000, 7);
    const h = fromValues(values);
    for (const p of [50, 90, 95, 99]) {
      const exact = percentile(values, p)!;
      expect(Math.abs(histogramPercentile(h, p)! - exact) / exact).toBeLessThanOrEqual(RELATIVE_ERROR);
    }
    const exactMedian = median(values)!;
    expect(Math.abs(histogramMedian(h)! - exactMedian) / exactMedian).toBeLessThanOrEqual(RELATIVE_ERROR);
  });

  it('gives several percentiles in one pass, equal to one at a time', () => {
    const h = fromValues(latencies(3000, 5));
    expect(histogramPercentiles(h, [50, 95, 99])).toEqual([50, 95, 99].map((p) => histogramPercentile(h, p)));
    expect(histogramPercentiles({}, [50, 95])).toEqual([null, null]);
  });

  it('merges exactly: the merge of parts equals the histogram of the whole', () => {
    const a = latencies(700, 1);
    const b = latencies(300, 2);
    const c = latencies(1, 3);
    const merged = merge([fromValues(a), fromValues(b), null, fromValues(c)]);
    expect(merged).toEqual(fromValues([...a, ...b, ...c]));
    expect(totalCount(merged)).toBe(1001);
  });

  it('is empty-safe and survives a JSON round trip', () => {
    expect(histogramPercentile({}, 95)).toBeNull();
    expect(histogramMedian({})).toBeNull();
    const h = fromValues([120, 130, 5000]);
    expect(parseHistogram(JSON.stringify(h))).toEqual(h);
    expect(parseHistogram(null)).toEqual({});
  });

  it('worked example: p95 of 1..100 ms is read as ≈95 ms and the median of 10, 20 as ≈15 ms', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(histogramPercentile(fromValues(values), 95)).toBeCloseTo(95, -1);
    expect(histogramMedian(fromValues([10, 20]))).toBeCloseTo(15, 0);
  });

  it('orders bucket keys lowest first whatever the insertion order, skipping empty buckets', () => {
    // Worked example: "z" (zero), a negative index (a value under 1), then 0 < 3 < 12; "7" holds nothing.
    const histogram = { '12': 1, '3': 2, '-4': 1, z: 5, '7': 0, '-20': 1, '0': 1 };
    expect(orderedKeys(histogram)).toEqual(['z', '-20', '-4', '0', '3', '12']);
    expect(orderedKeys({ '5': 1, '2': 3 })).toEqual(['2', '5']);
    expect(orderedKeys({})).toEqual([]);
  });

  it('parses a stored text once: a shared frozen histogram with the same percentiles as a fresh parse', () => {
    const text = JSON.stringify(fromValues([10, 20, 30, 40, 1000, 0, 0.5]));
    const shared = parseStoredHistogram(text);
    expect(parseStoredHistogram(text)).toBe(shared);
    expect(shared).toEqual(parseHistogram(text));
    expect(Object.isFrozen(shared)).toBe(true);
    for (const ps of [[50, 95, 99], [50]]) {
      expect(histogramPercentiles(shared, ps)).toEqual(histogramPercentiles(parseHistogram(text), ps));
      expect(histogramPercentiles(shared, ps)).toEqual(histogramPercentiles(shared, ps)); // from the cache
    }
    // Merging into it would change every reader's copy: it throws instead.
    expect(() => mergeInto(shared as Record<string, number>, { '1': 1 })).toThrow(TypeError);
    expect(mergeInto({ ...shared }, { z: 1 }).z).toBe(2); // the one 0, plus one
  });
});
