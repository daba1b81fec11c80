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
  let sum = 0;
  for (const key in histogram) sum += histogram[key];
  return sum;
}

const keyOrder = (key: string): number => (key === ZERO ? -Infinity : Number(key));

/**
 * The keys holding counts, lowest bucket first. Read paths call this for every point of a series, so
 * it avoids sorting when it can: JavaScript lists integer-like keys ("0", "1", …) in ascending numeric
 * order already, and only "z" and negative indexes (values under 1) come after them in insertion order.
 */
export function orderedKeys(histogram: LogHistogram): string[] {
  const cached = frozenKeys.get(histogram);
  if (cached) return cached;
  const keys: string[] = [];
  const orders: number[] = [];
  let sorted = true;
  for (const key in histogram) {
    if (!(histogram[key] > 0)) continue;
    const order = keyOrder(key);
    if (orders.length > 0 && order < orders[orders.length - 1]) sorted = false;
    keys.push(key);
    orders.push(order);
  }
  const ordered = sorted
    ? keys
    : keys
        .map((_, i) => i)
        .sort((a, b) => orders[a] - orders[b])
        .map((i) => keys[i]);
  if (Object.isFrozen(histogram)) frozenKeys.set(histogram, Object.freeze(ordered) as string[]);
  return ordered;
}

/** Ordered keys of the frozen (shared, never changed) histograms of parseStoredHistogram. */
const frozenKeys = new WeakMap<LogHistogram, string[]>();

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
  if (!Object.isFrozen(histogram)) return computePercentiles(histogram, ps);
  let byPs = frozenPercentiles.get(histogram);
  if (!byPs) {
    byPs = new Map();
    frozenPercentiles.set(histogram, byPs);
  }
  const key = ps.join(',');
  let answers = byPs.get(key);
  if (!answers) {
    answers = computePercentiles(histogram, ps);
    byPs.set(key, answers);
  }
  return [...answers];
}

/** Percentiles already read from the frozen (shared, never changed) histograms of parseStoredHistogram. */
const frozenPercentiles = new WeakMap<LogHistogram, Map<string, (number | null)[]>>();

function computePercentiles(histogram: LogHistogram, ps: readonly number[]): (number | null)[] {
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

/** How many distinct stored texts parseStoredHistogram keeps parsed (then it starts over). */
export const STORED_CACHE_SIZE = 20_000;
const storedCache = new Map<string, Readonly<LogHistogram>>();

/**
 * parseHistogram() of a stored JSON text, memoized by the text: the rollups of past hours are read
 * again and again (a 30-day series is 720 rows of 4 histograms). The result is frozen and shared:
 * a reader that merges into it must merge into a copy (mergeInto throws on a frozen histogram).
 */
export function parseStoredHistogram(stored: unknown): Readonly<LogHistogram> {
  if (typeof stored !== 'string') return Object.freeze(parseHistogram(stored));
  let histogram = storedCache.get(stored);
  if (!histogram) {
    if (storedCache.size >= STORED_CACHE_SIZE) storedCache.clear();
    histogram = Object.freeze(parseHistogram(stored));
    storedCache.set(stored, histogram);
  }
  return histogram;
}
