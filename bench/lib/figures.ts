// Small helpers shared by the scenarios: how figures are rounded and a target is written.
import type { TargetCheck } from './scenario.js';

export function fixed(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function thousands(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A ratio target: `ratio` compared with `limit`, at least (≥) or at most (≤). */
export function ratioTarget(
  name: string,
  ratio: number,
  limit: number,
  direction: 'at least' | 'at most',
  detail: string,
): TargetCheck {
  const met = direction === 'at least' ? ratio >= limit : ratio <= limit;
  const miss = met ? '' : `, missed by ${fixed(Math.abs(ratio - limit), 2)}×`;
  return {
    name,
    target: `${direction === 'at least' ? '≥' : '≤'} ${limit}×`,
    actual: `${fixed(ratio, 2)}× (${detail})${miss}`,
    met,
  };
}

/** An absolute target, e.g. drift ≤ 1,000 ms. */
export function limitTarget(
  name: string,
  value: number,
  limit: number,
  direction: 'at least' | 'at most',
  unit: string,
): TargetCheck {
  const met = direction === 'at least' ? value >= limit : value <= limit;
  const miss = met ? '' : `, missed by ${thousands(Math.abs(value - limit))} ${unit}`;
  return {
    name,
    target: `${direction === 'at least' ? '≥' : '≤'} ${thousands(limit)} ${unit}`,
    actual: `${thousands(value)} ${unit}${miss}`,
    met,
  };
}

/** Nearest-rank percentile of the values (0 for none). */
export function pct(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
