// How a time window [since, now] is answered from the rollups without recounting raw history. Pure.
// Whole UTC days come from the daily rollups, whole hours before the first whole day from the hourly
// ones, and only the part of the first hour after `since` (under an hour) from raw rows. Buckets are
// kept current as rows arrive, so the current hour and day are read from the rollups too.
import { bucketStartOf } from './rollup-deltas.js';

export interface WindowPlan {
  /** Raw rows with since ≤ timestamp < rawTo (empty when rawTo ≤ since). */
  rawTo: Date;
  /** Hourly rollups with hourFrom ≤ bucket_start < hourTo. */
  hourFrom: Date;
  hourTo: Date;
  /** Daily rollups with bucket_start ≥ dayFrom. */
  dayFrom: Date;
}

function ceilTo(at: Date, resolution: 'hour' | 'day'): Date {
  const floor = bucketStartOf(at, resolution);
  if (floor.getTime() === at.getTime()) return floor;
  return new Date(floor.getTime() + (resolution === 'hour' ? 3_600_000 : 86_400_000));
}

export function planWindow(since: Date): WindowPlan {
  const hourFrom = ceilTo(since, 'hour');
  const dayFrom = ceilTo(since, 'day');
  return { rawTo: hourFrom, hourFrom, hourTo: dayFrom, dayFrom };
}

/** A time span [from, to). */
export interface Span {
  from: Date;
  to: Date;
}

/** The spans, overlapping or touching ones merged, in order. */
export function mergeSpans(ranges: readonly Span[]): Span[] {
  const sorted = [...ranges].sort((a, b) => a.from.getTime() - b.from.getTime());
  const merged: Span[] = [];
  for (const { from, to } of sorted) {
    const last = merged.at(-1);
    if (last && from <= last.to) {
      if (to > last.to) last.to = to;
    } else merged.push({ from, to });
  }
  return merged;
}
