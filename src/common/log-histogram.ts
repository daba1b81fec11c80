// A mergeable fixed-bucket log histogram, for latency, TTFT and tokens/s distributions kept in the
// rollups. Pure. Bucket i holds the values in (GROWTH^(i-1), GROWTH^i]; a value is read back as the
// bucket's log-midpoint 2·GROWTH^i/(GROWTH+1), so any value (and any percentile) read from it is
// within RELATIVE_ERROR of a true value of that bucket. Merging adds counts bucket by bucket, so a
// merge of histograms is exactly the histogram of all their values (no error is added by merging).
// Values ≤ 0 (and below MIN_VALUE) land in one "z" bucket, read back as 0.

/** Ratio between consecutive bucket bounds. */
export const GROWTH = 1.04;
/** Worst relative error of a value read back: (GROWTH - 1) / (GROWTH + 1), about 1.96 %. */
export const RELATIVE_ERROR = (GROWTH - 1) / (GROWTH + 1);
/** Values at or below this are counted in the zero bucket. */
export const MIN_VALUE = 1e-3;

/** Sparse counts by bucket key ("z" or the bucket index as text), as stored in JSON. */
export type LogHistogram = Record<string, number>;

const LOG_GROWTH = Math.log(GROWTH);
const ZERO = 'z';

/** The key of the bucket holding a value. */
export function bucketKey(value: number): string {
  if (!Number.isFinite(value) || value <= MIN_VALUE) return ZERO;
  // Rounded first, so that exact bounds such as GROWTH^3 land in their own bucket despite float noise.
  return String(Math.ceil(Number((Math.log(value) / LOG_GROWTH).toFixed(9))));
}

/** The value a bucket reads back as. */
export function bucketValue(key: string): number {
  if (key === ZERO) return 0;
  const index = Number(key);
  return (2 * GROWTH ** index) / (GROWTH + 1);
}

export function emptyHistogram(): LogHistogram {
  return {};
}

/** Adds one value (in place) and returns the histogram. */
export function record(histogram: LogHistogram, value: number, count = 1): LogHistogram {
  const key = bucketKey(value);
  histogram[key] = (histogram[key] ?? 0) + count;
  return histogram;
}

export function fromValues(values: readonly number[]): LogHistogram {
  const histogram = emptyHistogram();
  for (const value of values) record(histogram, value);
  return histogram;
}

/** Adds `other` into `into` (in place) and returns it. */
export function mergeInto(into: LogHistogram, other: LogHistogram | null | undefined): LogHistogram {
  if (!other) return into;
  for (const [key, count] of Object.entries(other)) into[key] = (into[key] ?? 0) + count;
  return into;
}

export function merge(histograms: readonly (LogHistogram | null | undefined)[]): LogHistogram {
  return histograms.reduce<LogHistogram>((sum, h) => mergeInto(sum, h), emptyHistogram());
}

export function totalCount(histogram: LogHistogram): number {
  return Object.values(histogram).reduce((sum, count) => sum + count, 0);
}

function orderedKeys(histogram: LogHistogram): string[] {
  const order = (key: string): number => (key === ZERO ? -Infinity : Number(key));
  return Object.keys(histogram)
    .filter((key) => histogram[key] > 0)
    .sort((a, b) => order(a) - order(b));
}

/**
 * Nearest-rank percentile (p in 0..100), as common/stats.ts percentile() would give on the values,
 * within RELATIVE_ERROR; null for an empty histogram.
 */
export function histogramPercentile(histogram: LogHistogram, p: number): number | null {
  const total = totalCount(histogram);
  if (total === 0) return null;
  const rank = Math.min(total, Math.max(1, Math.ceil((p / 100) * total)));
  let seen = 0;
  for (const key of orderedKeys(histogram)) {
    seen += histogram[key];
    if (seen >= rank) return bucketValue(key);
  }
  return null;
}

/**
 * Several nearest-rank percentiles in one pass (keys sorted once): the same values as
 * histogramPercentile() for each p, in the order asked.
 */
export function histogramPercentiles(histogram: LogHistogram, ps: readonly number[]): (number | null)[] {
  const keys = orderedKeys(histogram);
  let total = 0;
  for (const key of keys) total += histogram[key];
  if (total === 0) return ps.map(() => null);
  const ranks = ps.map((p) => Math.min(total, Math.max(1, Math.ceil((p / 100) * total))));
  const answers: (number | null)[] = ps.map(() => null);
  let seen = 0;
  let pending = ps.length;
  for (const key of keys) {
    seen += histogram[key];
    for (let i = 0; i < ranks.length; i++) {
      if (answers[i] === null && seen >= ranks[i]) {
        answers[i] = bucketValue(key);
        pending -= 1;
      }
    }
    if (pending === 0) break;
  }
  return answers;
}

/** Median: the mean of the two middle values when the count is even, like common/stats.ts median(). */
export function histogramMedian(histogram: LogHistogram): number | null {
  const total = totalCount(histogram);
  if (total === 0) return null;
  const keys = orderedKeys(histogram);
  const valueAtRank = (rank: number): number => {
    let seen = 0;
    for (const key of keys) {
      seen += histogram[key];
      if (seen >= rank) return bucketValue(key);
    }
    return bucketValue(keys[keys.length - 1]);
  };
  if (total % 2 === 1) return valueAtRank((total + 1) / 2);
  return (valueAtRank(total / 2) + valueAtRank(total / 2 + 1)) / 2;
}

/** Parses a stored histogram (JSON text or an object already parsed by the driver). */
export function parseHistogram(stored: unknown): LogHistogram {
  if (stored === null || stored === undefined || stored === '' || stored === '{}') return emptyHistogram();
  // Written by this module (or summed in SQL, where counts stay JSON numbers): taken as parsed.
  if (typeof stored === 'string') return JSON.parse(stored) as LogHistogram;
  const value: unknown = stored;
  const histogram = emptyHistogram();
  if (typeof value === 'object' && value !== null) {
    for (const [key, count] of Object.entries(value as Record<string, unknown>)) histogram[key] = Number(count);
  }
  return histogram;
}
